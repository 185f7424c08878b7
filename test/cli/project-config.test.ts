import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.js";
import { main } from "../../src/cli/main.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel, unlicensedModel } from "../support/hub-models.js";
import type { LicRun } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

/* lic.yaml (and .lic.yaml, package.json "lic"), lic init and lic completion, in this process, from a project folder. */
const tempDir = useTempDirs();
let hub: FakeHub;
let home: string;
let project: string;

const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";

beforeEach(async () => {
  hub = FakeHub.of([bertModel(), unlicensedModel()]);
  await hub.start();
  home = tempDir();
  project = tempDir();
});
afterEach(() => hub.stop());

async function lic(argv: string[], options: { cwd?: string; prompt?: string } = {}): Promise<LicRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    env: { NO_COLOR: "1", XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    version: "0.0.0-test",
    cwd: options.cwd ?? project,
    ...(options.prompt !== undefined ? { prompt: async () => options.prompt! } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const write = (path: string, text: string) => {
  mkdirSync(join(project, path, ".."), { recursive: true });
  writeFileSync(join(project, path), text);
};
const json = (run: LicRun) => JSON.parse(run.stdout);

describe("lic.yaml", () => {
  it("names the policy and the models; each result points at the line that names it", async () => {
    write("lic.yaml", `policy: commercial\nmodels:\n  - ${BERT}\n  - ${UNLICENSED}\n`);
    const run = await lic(["check", "--format", "json"]);
    expect(run.code).toBe(1);
    const report = json(run);
    expect(report.policy).toMatchObject({
      name: "commercial",
      chosenBy: "config",
      context: { use: "commercial-product" },
    });
    const uses = Object.fromEntries(
      report.results.map((result: { model: string; uses: unknown }) => [result.model, result.uses]),
    );
    const file = relative(process.cwd(), join(project, "lic.yaml"));
    expect(uses[BERT]).toEqual([{ file, line: 3, column: 1, via: `${file} models` }]);
    expect(uses[UNLICENSED]).toEqual([{ file, line: 4, column: 1, via: `${file} models` }]);
  });

  it("is found from a folder below, with paths relative to the file; flags win", async () => {
    write("lic.yaml", `policy: policies/ours.yaml\nmodels: [${BERT}]\nreports:\n  json: out/lic.json\n`);
    write("policies/ours.yaml", "name: ours\nextends: default\n");
    mkdirSync(join(project, "out"));
    mkdirSync(join(project, "src/deep"), { recursive: true });
    const run = await lic(["check"], { cwd: join(project, "src/deep") });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, "out/lic.json"), "utf8")).policy).toMatchObject({
      name: "ours",
      chosenBy: "config",
    });
    const flagged = await lic(["check", UNLICENSED, "--policy", "osi", "--format", "json"], {
      cwd: join(project, "src/deep"),
    });
    expect(json(flagged).policy).toMatchObject({ name: "osi", chosenBy: "flag" });
    expect(json(flagged).results.map((result: { model: string }) => result.model)).toEqual([UNLICENSED]);
  });

  it("scans its project and compares with lic.lock when it says locked", async () => {
    write("app.py", `from transformers import AutoModel\nAutoModel.from_pretrained("${BERT}")\n`);
    write("lic.yaml", "policy: default\nscan: .\nlocked: true\n");
    expect((await lic(["lock"])).code).toBe(0);
    const run = await lic(["check", "--format", "json"]);
    expect(run.code).toBe(0);
    expect(json(run).project.lock).toBe(relative(process.cwd(), join(project, "lic.lock")));
  });

  it("can live in package.json under a lic key, and --no-config ignores it", async () => {
    write("package.json", JSON.stringify({ name: "app", lic: { policy: "eu", models: [BERT] } }));
    expect(json(await lic(["check", "--format", "json"])).policy.name).toBe("eu");
    expect((await lic(["check", "--no-config"])).code).toBe(2);
  });

  it("says when no policy was named anywhere", async () => {
    const run = await lic(["check", BERT, "--format", "json"]);
    expect(json(run).policy).toMatchObject({ name: "default", chosenBy: "default" });
  });

  it("exits 2 on a key it does not know, with its line and a suggestion", async () => {
    write("lic.yaml", `models: [${BERT}]\npolcy: eu\n`);
    const run = await lic(["check"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lic.yaml:1: unknown key polcy; did you mean "policy"?');
    expect(run.stderr).toContain("The keys of lic.yaml: policy, models, scan");
  });

  it("exits 2 on broken YAML, with its line", async () => {
    write(".lic.yaml", "models: [\n");
    const run = await lic(["check"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.lic\.yaml:\d+: not valid YAML/);
  });
});

describe("lic.yaml that is no configuration", () => {
  it("exits 2 on an alias bomb, as a policy does (the YAML reader's alias bound)", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 8; level++)
      lines.push(
        `${"abcdefgh"[level]}: &${"abcdefgh"[level]} [${Array(10)
          .fill(`*${"abcdefgh"[level - 1]}`)
          .join(", ")}]`,
      );
    write("lic.yaml", `${lines.join("\n")}\n`);
    const run = await lic(["check"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/lic\.yaml:\d+: not valid YAML: .*alias/i);
  });

  it("exits 2 when lic.yaml is a folder", async () => {
    mkdirSync(join(project, "lic.yaml"));
    const run = await lic(["check"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("lic.yaml is not a regular file; fix or remove it");
  });
});

describe("lic init", () => {
  it("writes a lic.yaml that lic reads, asking nothing when not on a terminal", async () => {
    const run = await lic(["init"]);
    expect(run.code).toBe(0);
    const text = readFileSync(join(project, "lic.yaml"), "utf8");
    expect(text).toContain("policy: default\n");
    expect((await lic(["init"])).code).toBe(2);
    write("app.py", `AutoModel.from_pretrained("${BERT}")\n`);
    expect((await lic(["check", "--format", "json"])).code).toBe(0);
  });

  it("asks for the policy on a terminal", async () => {
    expect((await lic(["init"], { prompt: "eu" })).code).toBe(0);
    expect(readFileSync(join(project, "lic.yaml"), "utf8")).toContain("policy: eu\n");
  });
});

describe("lic completion", () => {
  it("bash: completes commands, their flags and a flag's choices from the CLI itself", async () => {
    const script = (await lic(["completion", "bash"])).stdout;
    writeFileSync(join(project, "lic.bash"), script);
    const complete = (line: string) =>
      execFileSync("bash", [
        "-c",
        `source ${join(project, "lic.bash")}; COMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _lic; echo "\${COMPREPLY[*]}"`,
      ])
        .toString()
        .trim();
    expect(complete("lic ch")).toBe("check");
    expect(complete("lic check --lo").split(" ")).toEqual(["--locked"]);
    expect(complete("lic check --format sa")).toBe("sarif");
    expect(complete("lic licenses s")).toBe("show");
    expect(complete('lic completion ""')).toBe("bash zsh fish --help");
  });

  it("fish and zsh scripts name every command", async () => {
    const fish = (await lic(["completion", "fish"])).stdout;
    for (const command of ["check", "scan", "lock", "init", "gate", "report", "diff"])
      expect(fish).toContain(`-a ${command} `);
    expect((await lic(["completion", "zsh"])).stdout).toContain("bashcompinit");
    expect((await lic(["completion", "tcsh"])).code).toBe(2);
  });
});

describe("did you mean", () => {
  it("a model id missing its org, from the Hub's search", async () => {
    const run = await lic(["check", "bert-large-cased-finetuned-conll03-english"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`did you mean ${UNLICENSED}?`);
  });

  it("a mistyped built-in policy", async () => {
    const run = await lic(["check", BERT, "--policy", "comercial"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "commercial"?');
  });
});
