import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { showsProgress } from "../../src/cli/progress.js";
import type { Environment } from "../../src/cli/settings.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel, unlicensedModel } from "../support/hub-models.js";
import { type LicRun, runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

/*
 * What a terminal shows. The progress line on stderr, in this process against the fake Hub on 127.0.0.1, with an io whose stderr is a
 * terminal: what it says while models are read and while a 429's Retry-After (1 s, the shortest there is) is waited
 * out, that it is erased before the report, and that stdout is the same byte for byte as without it. Then --quiet,
 * and colours on stdout as NO_COLOR and FORCE_COLOR decide, in the text and summary formats.
 */
const tempDir = useTempDirs();
let hub: FakeHub;
let home: string;

const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";
/** What starts every redraw: carriage return, erase the line. */
const ERASE = "\r\x1b[2K";

beforeEach(async () => {
  hub = FakeHub.of([bertModel(), unlicensedModel()]);
  await hub.start();
  home = tempDir();
});
afterEach(() => hub.stop());

function lic(argv: string[], env: Environment = {}, stderrIsTerminal = true): Promise<LicRun> {
  return runLicIn(
    argv,
    { XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url, ...env },
    { stderr: stderrIsTerminal, columns: 100 },
  );
}

/** Each state the line was drawn in, in order. */
const drawn = (stderr: string) => stderr.split(ERASE).filter((line) => line !== "");

describe("the progress line on a terminal", () => {
  it("counts models done, names the one being read, and the wait for a 429's Retry-After with its seconds", async () => {
    hub.script(/^\/api\/models\/google-bert/, { status: 429, headers: { "retry-after": "1" }, body: "Too Many" });
    const run = await lic(["check", "--no-cache", "--concurrency", "1", BERT, UNLICENSED]);
    expect(run.code).toBe(1);
    // Whether the line shows BERT being read again between the wait's end and its answer is a race: leave it out.
    const states = drawn(run.stderr).filter((line, index, all) => line !== all[index - 2]);
    expect(states).toEqual([
      "lic: 0/2 checked",
      `lic: 0/2 checked · reading ${BERT}…`,
      "lic: 0/2 checked · waiting 1 s for the Hub (429 Retry-After)",
      "lic: 1/2 checked",
      `lic: 1/2 checked · reading ${UNLICENSED}…`,
      "lic: 2/2 checked",
    ]);
    // Erased before the report: the last thing on stderr is the erase, and stdout never saw any of it.
    expect(run.stderr.endsWith(ERASE)).toBe(true);
    const plain = await lic(["check", "--no-cache", "--concurrency", "1", BERT, UNLICENSED], {}, false);
    expect(plain.stderr).toBe("");
    expect(run.stdout).toBe(plain.stdout);
  });

  it("names the oldest model being read and how many more", async () => {
    const run = await lic(["check", "--no-cache", BERT, UNLICENSED]);
    expect(drawn(run.stderr)).toContain(`lic: 0/2 checked · reading ${BERT} and 1 more…`);
  });

  it("is cut to the terminal's width, so that one carriage return can erase it", async () => {
    const run = await runLicIn(
      ["check", "--no-cache", UNLICENSED],
      { XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url },
      { stderr: true, columns: 30 },
    );
    expect(drawn(run.stderr)).toContain("lic: 0/1 checked · reading d…");
    for (const line of drawn(run.stderr)) expect(line.length).toBeLessThan(30);
  });

  it("takes 80 columns when the terminal says it has none (a pseudo-terminal with no size)", async () => {
    const run = await runLicIn(
      ["check", "--no-cache", UNLICENSED],
      { XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url },
      { stderr: true, columns: 0 },
    );
    expect(drawn(run.stderr)).toContain(`lic: 0/1 checked · reading ${UNLICENSED}…`);
  });

  it("erases itself before a model's failure is printed, which --quiet keeps", async () => {
    for (const quiet of [[], ["--quiet"]]) {
      const run = await lic(["check", ...quiet, "nobody/nothing"]);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/(^|\r\x1b\[2K)lic: nobody\/nothing: no such model/);
      expect(run.stderr.endsWith("\n")).toBe(true);
    }
  });

  it("shows lic lock's models too, and is gone before 'wrote lic.lock'", async () => {
    const project = tempDir();
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, "app.py"),
      `from transformers import AutoModel\nAutoModel.from_pretrained("${BERT}")\n`,
    );
    const run = await lic(["lock", project]);
    expect(run.code).toBe(0);
    expect(drawn(run.stderr)).toContain(`lic: 0/1 checked · reading ${BERT}…`);
    expect(run.stderr).toMatch(/lic: 1\/1 checked\r\x1b\[2Klic: wrote .*lic\.lock \(1 entry\)\n$/);
  });

  it("shows lic check --scan's models", async () => {
    const project = tempDir();
    writeFileSync(join(project, "app.py"), `AutoModel.from_pretrained("${UNLICENSED}")\n`);
    const run = await lic(["check", "--scan", project]);
    expect(drawn(run.stderr)).toContain(`lic: 0/1 checked · reading ${UNLICENSED}…`);
  });
});

describe("no progress line", () => {
  it.each([
    ["stderr is not a terminal", [], {}, false],
    ["--quiet", ["--quiet"], {}, true],
    ["-q", ["-q"], {}, true],
    ["CI is set", [], { CI: "true" }, true],
    ["TERM is dumb", [], { TERM: "dumb" }, true],
  ])("when %s", async (_, flags, env, terminal) => {
    const run = await lic(["check", ...flags, BERT], env, terminal);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`${BERT}@`);
  });

  it("and --quiet drops notices: a cache that cannot be written says nothing", async () => {
    const notice = await lic(["check", "--cache-dir", "/proc/self/lic", BERT], {}, false);
    expect(notice.stderr).toContain("could not write the cache");
    const quiet = await lic(["check", "--quiet", "--cache-dir", "/proc/self/lic", BERT], {}, false);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(notice.stdout);
  });
});

describe("showsProgress", () => {
  it.each([
    // env, stderr is a terminal, --quiet, shown
    [{}, true, false, true],
    [{}, false, false, false],
    [{}, true, true, false],
    [{ CI: "true" }, true, false, false],
    [{ CI: "1" }, true, false, false],
    [{ CI: "false" }, true, false, true],
    [{ CI: "0" }, true, false, true],
    [{ CI: "" }, true, false, true],
    [{ TERM: "dumb" }, true, false, false],
    [{ TERM: "xterm-256color" }, true, false, true],
  ])("%o, terminal %s, quiet %s: %s", (env, terminal, quiet, expected) => {
    expect(showsProgress(env, terminal, quiet)).toBe(expected);
  });
});

describe("colours on stdout", () => {
  const ALLOW_IN_GREEN = "\x1b[32mALLOW\x1b[0m";

  it.each([
    ["text", {}, false],
    ["text", { NO_COLOR: "", FORCE_COLOR: "1" }, true],
    ["summary", { NO_COLOR: "", FORCE_COLOR: "1" }, true],
    ["summary", { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["summary", { NO_COLOR: "", FORCE_COLOR: "0" }, false],
  ])("--format %s with %o: coloured %s (stdout is not a terminal here)", async (format, env, coloured) => {
    const run = await lic(["check", "--format", format, BERT], env, false);
    expect(run.stdout.includes(ALLOW_IN_GREEN)).toBe(coloured);
  });

  it("never in a file, FORCE_COLOR or not", async () => {
    const file = join(tempDir(), "summary.txt");
    const run = await lic(["check", "--format", "summary", "--output", file, BERT], { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(run.code).toBe(0);
    const written = readFileSync(file, "utf8");
    // bert's card names bookcorpus and wikipedia, which this fake Hub lacks: a note on the line, and still ALLOW.
    expect(written).toMatch(
      new RegExp(
        `^ALLOW {8}${BERT}@86b5e0934494  apache-2\\.0  dataset-unavailable: .*; training data: 2 datasets, 2 advisories\n1 model: 1 allowed, `,
      ),
    );
    expect(written).not.toContain("\x1b[");
  });

  it("--report summary=FILE writes the summary beside the main report", async () => {
    const file = join(tempDir(), "summary.txt");
    const run = await lic(["check", "--format", "json", "--report", `summary=${file}`, BERT, UNLICENSED], {}, false);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).results).toHaveLength(2);
    expect(readFileSync(file, "utf8").split("\n")).toEqual([
      expect.stringMatching(/^ALLOW /),
      expect.stringMatching(/^BLOCK .* none identified {2}license-missing: No license declared$/),
      "2 models: 1 allowed, 0 with warnings, 1 blocked, 0 not checked",
      expect.stringMatching(/^WARNING: No policy was named \(--policy or lic\.yaml\)/),
      "",
    ]);
  });
});
