import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import type { Environment } from "../../src/cli/settings.js";
import { FakeHub } from "../support/fake-hub.js";
import { BERT_RENAMES, bertModel, gatedLlamaModel, unlicensedModel } from "../support/hub-models.js";
import { LIC_BIN, type LicRun, runLic, runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

/*
 * Most cases run the CLI in this process: main(argv, io) with a fake CliIo (licIn, below) that captures stdout,
 * stderr and the exit code, against a fake Hub on 127.0.0.1. A handful spawn the built bin (`npm run build` first),
 * for what only a real process shows: the bin itself (`lic --version` as npx runs it), exit codes 1 and 3 as a shell
 * sees them (licBin), EPIPE on a closed stdout, and the inputs that used to hang or read without bound (a FIFO,
 * /dev/zero: licWithin kills the run after 5 s, where a hang in this process would take the test worker with it).
 */
const tempDir = useTempDirs();
let hub: FakeHub;
let home: string;

beforeEach(async () => {
  hub = FakeHub.of([bertModel(), gatedLlamaModel(), unlicensedModel()], {
    renames: BERT_RENAMES,
    grantedTokens: ["hf_granted"],
  });
  await hub.start();
  home = tempDir();
});
afterEach(() => hub.stop());

/** `lic check ARGS` in this process, against the fake Hub. */
const lic = (args: string[], env: Environment = {}) => licIn(["check", ...args], env);
/** `lic check ARGS` as the built bin in a child process: for the exit code as a shell sees it. */
const licBin = (args: string[], env: Record<string, string> = {}) =>
  runLic(["check", ...args], { HF_ENDPOINT: hub.url, ...env }, home);

describe("lic check", () => {
  it("allows a permissive model, showing the license, where it was found and the commit", async () => {
    const run = await lic(["google-bert/bert-base-uncased"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(
      "google-bert/bert-base-uncased@86b5e0934494bd15c9632b12f734a8a67f723594  ALLOW  apache-2.0: no findings",
    );
    // The license with its evidence refs, and the evidence listed once under the model.
    expect(run.stdout).toMatch(/ {4}apache-2\.0 .*\(declared, detected\) {2}\[E1 E2 E3\]\n/);
    expect(run.stdout).toMatch(
      / {4}E1 {2}the model card's license field \(README.md line 5\).*\n {4}E2 {2}the Hub tag license:apache-2\.0.*\n {4}E3 {2}the file LICENSE line 1 {2}\(file LICENSE:1 sha256:c274f80372d9\)\n/,
    );
    expect(run.stdout).toContain("LICENSE  sha256:c274f80372d9  10279 bytes  is apache-2.0 (100%)");
  });

  it("reports the canonical id of a renamed model", async () => {
    const run = await lic(["bert-base-uncased"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^google-bert\/bert-base-uncased@86b5e09\w+ {2}ALLOW {2}.*\n {2}requested: bert-base-uncased@main\n/m,
    );
  });

  it("decides a gated Llama without a token from metadata, and says the files could not be read", async () => {
    const run = await lic(["meta-llama/Meta-Llama-3-8B-Instruct"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "meta-llama/Meta-Llama-3-8B-Instruct@5f0b02c75b57c5855da9ae460ce51323ea669d8a  WARN  license-files-unreadable",
    );
    expect(run.stdout).toContain("  gated: manual\n");
    expect(run.stdout).toContain(
      "    llama3  Meta Llama 3 Community License Agreement  (declared, detected)  [E1 E2 E3]\n",
    );
    expect(run.stdout).toMatch(
      /card extra_gated_prompt {2}sha256:\w{12} {2}\d+ bytes {2}is llama3 \(\d+%\), is llama3-aup \(100%\)/,
    );
    expect(run.stdout).toMatch(
      /warning license-files-unreadable: 3 license evidence files could not be read: the repo is gated .* \(HTTP 401\): README.md, LICENSE, USE_POLICY.md/,
    );
  });

  it("reads a gated model's files with a granted token that need not start with hf_", async () => {
    await hub.stop();
    hub = FakeHub.of([gatedLlamaModel()], { grantedTokens: ["internal-registry-token"] });
    await hub.start();
    const run = await lic(["meta-llama/Meta-Llama-3-8B-Instruct"], {
      HF_ENDPOINT: hub.url,
      HF_TOKEN: "internal-registry-token",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("license-files-unreadable");
    expect(run.stdout).toContain("USE_POLICY.md  sha256:da147301380a  4763 bytes  is llama3-aup (100%)");
    expect(hub.requests.every((request) => request.authorization === "Bearer internal-registry-token")).toBe(true);
  });

  it("blocks a model with no license (exit 1)", async () => {
    const run = await licBin(["dbmdz/bert-large-cased-finetuned-conll03-english"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("BLOCK");
    expect(run.stdout).toContain("error license-missing: No license is declared");
  });

  it("cannot decide on a missing repo (exit 3), with the reason on stderr", async () => {
    const run = await licBin(["nobody/nothing"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `lic: nobody/nothing: no such model on ${hub.url}, or it is private; check the id, or pass a token with read access (--token or HF_TOKEN)\n`,
    );
    expect(run.stdout).toContain("nobody/nothing  NOT CHECKED");
  });

  it("cannot decide on a revision that does not exist (exit 3)", async () => {
    const run = await lic(["google-bert/bert-base-uncased@no-such-branch"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('revision "no-such-branch" does not exist');
  });

  it("waits out a 429 and then succeeds", async () => {
    hub.script(/^\/api\/models\//, { status: 429, headers: { "retry-after": "1" }, body: "Too Many Requests" });
    const run = await lic(["google-bert/bert-base-uncased"]);
    expect(run.code).toBe(0);
    expect(hub.requests.filter((request) => request.path.startsWith("/api/models/")).length).toBe(2);
  });

  it("gives up on a Hub answering 500, after bounded retries (exit 3)", async () => {
    const failure = { status: 500, body: "Internal Error" };
    hub.script(/^\/api\/models\//, failure, failure, failure, failure, failure);
    const run = await lic(["google-bert/bert-base-uncased"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("the Hub failed (HTTP 500)");
    expect(hub.requests.length).toBe(4);
  });

  it("cannot decide when the Hub is unreachable (exit 3)", async () => {
    const closed = CLOSED_PORT;
    const run = await lic(["google-bert/bert-base-uncased"], { HF_ENDPOINT: `http://127.0.0.1:${closed}` });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`cannot reach http://127.0.0.1:${closed}: connection failed (ECONNREFUSED)`);
  });

  it.each([["org/na me"], ["../../etc/passwd"], ["org/%2e%2e"], [""], [`org/${"x".repeat(200)}`], ["org/name\u0007"]])(
    "refuses the malformed id %j before any request (exit 2)",
    async (id) => {
      const run = await lic([id]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^lic: "/);
      expect(run.stdout).toBe("");
      expect(hub.requests).toEqual([]);
    },
  );

  it("refuses bad flags with exit 2", async () => {
    expect((await lic(["gpt2", "--format", "yaml"])).code).toBe(2);
    expect((await lic(["gpt2", "--concurrency", "0"])).code).toBe(2);
    expect((await lic(["gpt2", "--policy", "nonsense"])).stderr).toContain(
      'policy "nonsense" is not a built-in policy and cannot be read as a file (ENOENT) (built-in policies: commercial, default, eu, osi)',
    );
    expect((await lic(["gpt2", "--endpoint", "ftp://x"])).code).toBe(2);
    expect((await lic(["gpt2", "--bogus"])).code).toBe(2);
    expect(hub.requests).toEqual([]);
  });

  it("never prints the token, even when the Hub echoes it back", async () => {
    const token = "hf_verysecrettoken123";
    hub.script(/^\/api\/models\//, { status: 403, headers: { "x-error-message": `token ${token} is not allowed` } });
    const run = await lic(["google-bert/bert-base-uncased", "--format", "json"], { HF_TOKEN: token });
    expect(run.code).toBe(3);
    expect(run.stderr + run.stdout).not.toContain(token);
    expect(run.stderr).toContain("token [token] is not allowed");
  });

  it("emits the versioned JSON result", async () => {
    const run = await lic([
      "google-bert/bert-base-uncased",
      "dbmdz/bert-large-cased-finetuned-conll03-english",
      "nobody/nothing",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      schemaVersion: 1,
      tool: { name: "lic" },
      policy: { name: "default", digest: expect.stringMatching(/^sha256:/) },
    });
    expect(json.results.map((result: { model: string; verdict: string }) => [result.model, result.verdict])).toEqual([
      ["google-bert/bert-base-uncased", "allow"],
      ["dbmdz/bert-large-cased-finetuned-conll03-english", "block"],
    ]);
    expect(json.results[1].findings[0]).toMatchObject({
      code: "license-missing",
      severity: "error",
      message: expect.any(String),
      evidence: [{ source: "api" }],
    });
    expect(json.errors).toEqual([
      { model: "nobody/nothing", revision: null, kind: "repo-not-found", message: expect.any(String) },
    ]);
  });

  it("writes the report to --output and nothing to stdout", async () => {
    const output = `${tempDir()}/report.json`;
    const run = await lic(["google-bert/bert-base-uncased", "--format", "json", "--output", output]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(output, "utf8")).results[0].verdict).toBe("allow");
    const bad = await lic(["google-bert/bert-base-uncased", "--output", `${tempDir()}/missing/dir/report.txt`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cannot write --output");
  });

  it("checks a pinned revision again from the cache with no request, and offline", async () => {
    const sha = "86b5e0934494bd15c9632b12f734a8a67f723594";
    const first = await lic([`google-bert/bert-base-uncased@${sha}`]);
    expect(first.code).toBe(0);
    hub.requests.length = 0;
    const second = await lic([`google-bert/bert-base-uncased@${sha}`]);
    expect(second.stdout).toBe(first.stdout);
    expect(hub.requests).toEqual([]);
    const offline = await lic(["google-bert/bert-base-uncased", "--revision", sha, "--offline"], {
      HF_ENDPOINT: hub.url,
    });
    expect(offline.code).toBe(0);
    const missing = await lic(["openai-community/gpt2", "--offline"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("offline");
    expect(hub.requests).toEqual([]);
  });

  it("reads the token file huggingface-cli login writes, and --token wins over it", async () => {
    mkdirSync(`${home}/.cache/huggingface`, { recursive: true });
    writeFileSync(`${home}/.cache/huggingface/token`, "hf_granted\n");
    await lic(["meta-llama/Meta-Llama-3-8B-Instruct", "--no-cache"]);
    expect(hub.requests.at(-1)?.authorization).toBe("Bearer hf_granted");
    await lic(["meta-llama/Meta-Llama-3-8B-Instruct", "--no-cache", "--token", "hf_other"]);
    expect(hub.requests.at(-1)?.authorization).toBe("Bearer hf_other");
    expect(existsSync(`${home}/.cache/lic`)).toBe(false);
  });
});

describe("lic check --policy", () => {
  it("applies a built-in policy: osi allows Apache-2.0 (exit 0) and blocks Llama 3 (exit 1), naming the rule", async () => {
    expect((await lic(["google-bert/bert-base-uncased", "--policy", "osi"])).code).toBe(0);
    const llama = await lic(["meta-llama/Meta-Llama-3-8B-Instruct", "--policy", "osi"]);
    expect(llama.code).toBe(1);
    expect(llama.stdout).toContain("error license-not-osi-approved: llama3 is not an OSI-approved license; OSI:");
    expect(llama.stdout).toContain("rule: policies/osi.yaml:9 rules.osiApproved");
  });

  it("applies a policy file, and refuses an invalid one with every error (exit 2)", async () => {
    const dir = tempDir();
    writeFileSync(`${dir}/team.yaml`, "extends: commercial\nlicenses:\n  deny: [apache-2.0]\n");
    const denied = await lic(["google-bert/bert-base-uncased", "--policy", `${dir}/team.yaml`, "--format", "json"]);
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.stdout).results[0].findings[0]).toMatchObject({
      code: "license-denied",
      rule: { file: `${dir}/team.yaml`, line: 3, path: "licenses.deny[0]" },
    });
    writeFileSync(`${dir}/bad.yaml`, "rules:\n  nonComercial: block\nlicenses:\n  allow: [Apache2]\n");
    const bad = await lic(["google-bert/bert-base-uncased", "--policy", `${dir}/bad.yaml`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `lic: ${dir}/bad.yaml:2: rules.nonComercial: unknown key "nonComercial"; did you mean "nonCommercial"?\n`,
    );
    // The first run's model requests; its card's datasets (bookcorpus, wikipedia) are read as its training data.
    expect(hub.requests.filter((request) => !request.path.startsWith("/api/datasets"))).toHaveLength(3);
  });
});

describe("lic check --policy that is not a policy file (review M7)", () => {
  // Each would read without bound or block forever before the fix: the run is killed after 5 s, and fails.
  it.each(["/dev/zero", "/dev/urandom", "fifo", "extends /dev/zero", "extends fifo"])(
    "%s: exit 2 within a second, naming the file",
    async (target) => {
      const dir = tempDir();
      execFileSync("mkfifo", [`${dir}/fifo`]);
      const named = target.replace("extends ", "").replace(/^fifo$/, `${dir}/fifo`);
      let policy = named;
      if (target.startsWith("extends")) {
        policy = `${dir}/team.yaml`;
        writeFileSync(policy, `extends: ${named}\n`);
      }
      const started = Date.now();
      const run = await licWithin(["google-bert/bert-base-uncased", "--policy", policy], 5000);
      expect(run.code).toBe(2);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(run.stderr).toContain(`policy "${named}" is not a regular file`);
      expect(hub.requests).toEqual([]);
    },
  );

  it("refuses a policy over 1 MiB", async () => {
    const policy = `${tempDir()}/big.yaml`;
    writeFileSync(policy, `# ${"x".repeat(1024 * 1024)}\n`);
    const run = await lic(["google-bert/bert-base-uncased", "--policy", policy]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lic: policy "${policy}" is larger than 1 MiB\n`);
  });

  it("lic report refuses a saved result that is not a regular file", async () => {
    const run = await runLic(["report", "/dev/zero"], {}, home);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'lic: cannot read "/dev/zero" (not a regular file); give a file written by lic check --format json\n',
    );
  });

  it("does not hang on a token file that is a FIFO: no token", async () => {
    const fifo = `${tempDir()}/fifo`;
    execFileSync("mkfifo", [fifo]);
    const run = await licWithin(["google-bert/bert-base-uncased", "--no-cache"], 5000, { HF_TOKEN_PATH: fifo });
    expect(run.code).toBe(0);
    expect(hub.requests.every((request) => request.authorization === undefined)).toBe(true);
  });
});

describe("lic policy validate and lic check: a domicile that names no country (review M6)", () => {
  it("exits 2 at the line, before any request, instead of turning the EU rule off", async () => {
    writeFileSync(`${home}/xx.yaml`, "extends: eu\ncontext:\n  domicile: XX\n");
    const message = `lic: ${home}/xx.yaml:3: context.domicile: "XX" is not an ISO 3166-1 alpha-2 country code (or EU)\n`;
    const validate = await licIn(["policy", "validate", `${home}/xx.yaml`]);
    expect(validate).toEqual({ code: 2, stdout: "", stderr: message });
    const check = await licIn([
      "check",
      "meta-llama/Llama-4-Scout-17B-16E-Instruct",
      "--policy",
      `${home}/xx.yaml`,
      "--format",
      "json",
    ]);
    expect(check).toEqual({ code: 2, stdout: "", stderr: message });
    expect(hub.requests).toEqual([]);
  });

  it("takes DE, de and Eu, as before", async () => {
    for (const domicile of ["DE", "de", "Eu"]) {
      writeFileSync(`${home}/ok.yaml`, `extends: eu\ncontext:\n  domicile: ${domicile}\n`);
      expect((await licIn(["policy", "validate", `${home}/ok.yaml`])).code).toBe(0);
    }
  });
});

describe("lic check: the token is checked where the settings are read (review L4)", () => {
  it.each([
    [
      "--token with a line break",
      ["--token", "hf_a\nbcdef"],
      {},
      "--token contains a character not allowed in an HTTP header (a line break, at character 5)",
    ],
    [
      "--token beyond Latin-1",
      ["--token", "hf_tök€n"],
      {},
      "--token contains a character not allowed in an HTTP header (a character beyond Latin-1, at character 7)",
    ],
    [
      "HF_TOKEN with CR LF",
      [],
      { HF_TOKEN: "hf_abc\r\ndef" },
      "HF_TOKEN contains a character not allowed in an HTTP header (a line break, at character 7)",
    ],
    [
      "HUGGING_FACE_HUB_TOKEN with a NUL",
      [],
      { HUGGING_FACE_HUB_TOKEN: "hf_abc\u0000def" },
      "HUGGING_FACE_HUB_TOKEN contains a character not allowed in an HTTP header (a control character, at character 7)",
    ],
  ])("%s: exit 2 before any request, without printing the token", async (_name, flags, env, message) => {
    const started = Date.now();
    const run = await licIn(["check", "google-bert/bert-base-uncased", ...flags], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lic: ${message}; give the token exactly as issued\n`);
    expect(run.stderr).not.toMatch(/bcdef|tök|def/);
    expect(hub.requests).toEqual([]);
    // Before the fix: exit 3 after 4 to 7 s of retries (the first run here also loads the CLI's modules).
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("the token file: names the file, not the token", async () => {
    writeFileSync(`${home}/token`, "hf_abc\u0001def\n");
    const run = await licIn(["check", "google-bert/bert-base-uncased"], { HF_TOKEN_PATH: `${home}/token` });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `lic: the token file at ${home}/token contains a character not allowed in an HTTP header (a control character, at character 7); give the token exactly as issued\n`,
    );
    expect(hub.requests).toEqual([]);
  });

  it("takes a token with Latin-1 (obs-text) and a space, as HTTP allows, and sends it as given", async () => {
    const run = await licIn(["check", "google-bert/bert-base-uncased", "--no-cache", "--token", "corp tök"]);
    expect(run.code).toBe(0);
    expect(hub.requests[0]?.authorization).toBe("Bearer corp tök");
  });
});

describe("lic: no output carries a token, usage errors included (review L9)", () => {
  const token = "hf_secret_rt_token";
  const corp = "corp-internal-rt-TOKEN-7f3a";

  it.each([
    [
      "--endpoint with ?access_token=",
      ["--endpoint", `http://127.0.0.1:1/?access_token=${token}`],
      { HF_TOKEN: token },
    ],
    [
      "HF_ENDPOINT with ?token= (a token lic does not otherwise hold)",
      [],
      { HF_ENDPOINT: `http://127.0.0.1:1/?token=${corp}` },
    ],
    ["HF_ENDPOINT with an unusual query name", [], { HF_ENDPOINT: `http://127.0.0.1:1/?sig=${corp}` }],
    ["--endpoint with a fragment", ["--endpoint", `http://127.0.0.1:1/#${corp}`], {}],
    ["--endpoint with userinfo", ["--endpoint", `http://user:${corp}@127.0.0.1:1/`], {}],
    ["--endpoint with a user name only", ["--endpoint", `http://${corp}@127.0.0.1:1/`], {}],
    ["--endpoint that is not a URL, with --token", ["--endpoint", `not a url ${token}`, "--token", token], {}],
    ["--endpoint that is not a URL, with --token=", ["--endpoint", `not a url ${token}`, `--token=${token}`], {}],
    ["a commander error echoing HF_TOKEN", ["--concurrency", token], { HF_TOKEN: token }],
    ["a commander error echoing HUGGING_FACE_HUB_TOKEN", ["--timeout", corp], { HUGGING_FACE_HUB_TOKEN: corp }],
  ])("%s: exit 2, token not printed", async (_name, flags, env) => {
    const run = await licIn(["check", "google-bert/bert-base-uncased", ...flags], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^(lic: |error: )/);
    expect(run.stdout + run.stderr).not.toContain(token);
    expect(run.stdout + run.stderr).not.toContain(corp);
    expect(hub.requests).toEqual([]);
  });

  it("a policy error that repeats the token from the token file", async () => {
    writeFileSync(`${home}/token`, `${corp}\n`);
    writeFileSync(`${home}/team.yaml`, `licenses:\n  allow: [${corp}]\n`);
    const run = await licIn(["check", "google-bert/bert-base-uncased", "--policy", `${home}/team.yaml`], {
      HF_TOKEN_PATH: `${home}/token`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lic: ${home}/team.yaml:2: licenses.allow[0]: "[token]" is not a known license\n`);
  });

  it("lic report redacts a saved result that holds a token", async () => {
    const dir = tempDir();
    await lic(["google-bert/bert-base-uncased", "--format", "json", "--output", `${dir}/saved.json`]);
    const saved = JSON.parse(readFileSync(`${dir}/saved.json`, "utf8"));
    saved.policy.name = `leaked ${corp} Bearer abcdefgh-1234`;
    writeFileSync(`${dir}/saved.json`, JSON.stringify(saved));
    const run = await licIn(["report", `${dir}/saved.json`, "--format", "markdown", "--output", `${dir}/out.md`], {
      HF_TOKEN: corp,
    });
    expect(run.code).toBe(0);
    const out = readFileSync(`${dir}/out.md`, "utf8");
    expect(out).toContain("leaked [token] Bearer [token]");
    expect(out).not.toContain(corp);
  });
});

describe("lic check: --output and --report are checked before any request (review L10)", () => {
  it.each([
    [
      "a missing folder",
      (dir: string) => `${dir}/missing/dir/r.json`,
      /^lic: cannot write --output ".*\/missing\/dir\/r\.json" \(ENOENT\); check that its folder .*\/missing\/dir exists and is writable\n$/,
    ],
    [
      "a folder",
      (dir: string) => dir,
      /^lic: --output ".*" is not a regular file \(a folder or a device\); give the path of a file to write\n$/,
    ],
    // Not /dev/null itself: before the fix, lic run as root renamed its report over it (a regular file in its place).
    [
      "a FIFO",
      (dir: string) => {
        execFileSync("mkfifo", [`${dir}/fifo`]);
        return `${dir}/fifo`;
      },
      /^lic: --output ".*\/fifo" is not a regular file/,
    ],
    [
      "a file in /proc, where nothing can be created",
      () => "/proc/version",
      /^lic: cannot write --output "\/proc\/version" \((ENOENT|EACCES)\)/,
    ],
  ])("--output to %s: exit 2, nothing checked", async (_name, target, message) => {
    const run = await licIn(["check", "google-bert/bert-base-uncased", "--output", target(tempDir())]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(hub.requests).toEqual([]);
  });

  it("--report to a missing folder: exit 2 before any request, and the --output file already there is left as it was", async () => {
    const dir = tempDir();
    writeFileSync(`${dir}/report.json`, "earlier report\n");
    const run = await licIn([
      "check",
      "google-bert/bert-base-uncased",
      "--format",
      "json",
      "--output",
      `${dir}/report.json`,
      "--report",
      `sarif=${dir}/missing/lic.sarif`,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cannot write --report "${dir}/missing/lic.sarif" (ENOENT)`);
    expect(hub.requests).toEqual([]);
    expect(readFileSync(`${dir}/report.json`, "utf8")).toBe("earlier report\n");
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("leaves no probe file behind when the run goes on", async () => {
    const dir = tempDir();
    const run = await licIn([
      "check",
      "google-bert/bert-base-uncased",
      "--output",
      `${dir}/r.txt`,
      "--report",
      `json=${dir}/r.json`,
    ]);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["r.json", "r.txt"]);
  });
});

describe("lic check lineage", () => {
  it("follows base_model by default, shows the tree, and --no-lineage skips it", async () => {
    await hub.stop();
    const child = {
      ...bertModel(),
      info: {
        ...bertModel().info,
        id: "org/bert-tuned",
        tags: ["license:apache-2.0", "base_model:finetune:google-bert/bert-base-uncased"],
      },
    };
    hub = FakeHub.of([child, bertModel()]);
    await hub.start();
    const run = await lic(["org/bert-tuned"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "  lineage:\n    finetune of google-bert/bert-base-uncased@86b5e0934494  apache-2.0\n",
    );
    expect(run.stdout).toMatch(/apache-2\.0 .*\(declared, detected, inherited\)/);
    const alone = await lic(["org/bert-tuned", "--no-lineage", "--no-cache"]);
    expect(alone.stdout).not.toContain("lineage:");
    expect((await lic(["org/bert-tuned", "--max-depth", "0"])).code).toBe(2);
  });
});

describe("lic check reports", () => {
  it("writes several formats at once, the same bytes for the same inputs with SOURCE_DATE_EPOCH", async () => {
    const dir = tempDir();
    const env = { SOURCE_DATE_EPOCH: "1764158400" };
    const args = [
      "google-bert/bert-base-uncased",
      "--format",
      "json",
      "--report",
      `sarif=${dir}/lic.sarif`,
      "--report",
      `junit=${dir}/lic.xml`,
      "--report",
      `markdown=${dir}/lic.md`,
      "--report",
      `html=${dir}/lic.html`,
    ];
    const first = await lic(args, env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).generatedAt).toBe("2025-11-26T12:00:00.000Z");
    const reports = ["lic.sarif", "lic.xml", "lic.md", "lic.html"].map((file) =>
      readFileSync(`${dir}/${file}`, "utf8"),
    );
    expect(JSON.parse(reports[0]!).runs[0].tool.driver.name).toBe("lic");
    expect(reports[1]).toContain("<testsuites");
    const second = await lic(args, env);
    expect(second.stdout).toBe(first.stdout);
    expect(
      ["lic.sarif", "lic.xml", "lic.md", "lic.html"].map((file) => readFileSync(`${dir}/${file}`, "utf8")),
    ).toEqual(reports);
  });

  it("refuses a bad --report before any request (exit 2)", async () => {
    const run = await lic(["gpt2", "--report", "pdf=out.pdf"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"pdf" is not a format');
    expect(hub.requests).toEqual([]);
  });

  it("github: workflow commands on stdout and a summary appended to $GITHUB_STEP_SUMMARY", async () => {
    const summary = `${tempDir()}/summary.md`;
    writeFileSync(summary, "# earlier step\n");
    const run = await lic(["dbmdz/bert-large-cased-finetuned-conll03-english", "--format", "github"], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(run.code).toBe(1);
    expect(
      run.stdout
        .trim()
        .split("\n")
        .every((line) => /^::(error|warning) /.test(line)),
    ).toBe(true);
    expect(readFileSync(summary, "utf8")).toMatch(
      /^# earlier step\n[\s\S]*dbmdz\/bert-large-cased-finetuned-conll03-english/,
    );
  });

  it("re-renders a saved result with no network, and diffs two results (exit 1 when a verdict got worse)", async () => {
    const dir = tempDir();
    await lic([
      "google-bert/bert-base-uncased",
      "dbmdz/bert-large-cased-finetuned-conll03-english",
      "--format",
      "json",
      "--output",
      `${dir}/before.json`,
    ]);
    await hub.stop();
    const html = await licIn(["report", `${dir}/before.json`, "--format", "html"], {
      HF_ENDPOINT: "http://127.0.0.1:9",
    });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<table id="verdicts"');
    const before = JSON.parse(readFileSync(`${dir}/before.json`, "utf8"));
    const after = structuredClone(before);
    after.results[0].verdict = "block";
    writeFileSync(`${dir}/after.json`, JSON.stringify(after));
    const diff = await licIn(["diff", `${dir}/before.json`, `${dir}/after.json`]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toBe("! google-bert/bert-base-uncased: verdict allow → block (worse)\n");
    expect((await licIn(["diff", `${dir}/before.json`, `${dir}/before.json`])).stdout).toBe("no changes\n");
    expect((await licIn(["report", `${dir}/missing.json`])).code).toBe(2);
    hub = FakeHub.of([bertModel()]);
    await hub.start();
  });
});

describe("lic policy", () => {
  it("validates a policy file, listing every problem with its line", async () => {
    const dir = tempDir();
    writeFileSync(`${dir}/bad.yaml`, "licenses:\n  allow: [Apache2, mit]\nseverity:\n  license-mising: warning\n");
    const bad = await licIn(["policy", "validate", `${dir}/bad.yaml`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toEqual([
      `lic: ${dir}/bad.yaml:2: licenses.allow[0]: "Apache2" is not a known license; did you mean "Apache-2.0"?`,
      `${dir}/bad.yaml:4: severity.license-mising: "license-mising" is not a finding code; did you mean "license-missing"?`,
    ]);
    writeFileSync(`${dir}/good.yaml`, "extends: eu\ncontext:\n  domicile: FR\n");
    const good = await licIn(["policy", "validate", `${dir}/good.yaml`]);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(
      /valid policy "good" \(sha256:[0-9a-f]{64}\), extending default \(built in\) → commercial \(built in\) → eu \(built in\)/,
    );
  });

  it("shows a built-in policy merged with its bases", async () => {
    const run = await licIn(["policy", "show", "eu", "--format", "json"]);
    expect(JSON.parse(run.stdout)).toMatchObject({
      name: "eu",
      context: { domicile: "EU", use: "commercial-product" },
      rules: { geographicExclusions: "block", nonCommercial: "block" },
    });
  });

  it("prints the JSON Schema of policy files", async () => {
    const schema = JSON.parse((await licIn(["policy", "schema"])).stdout);
    expect(schema.properties.rules.properties.geographicExclusions.enum).toEqual(["block", "warn", "allow"]);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe("lic licenses", () => {
  it("shows a license's terms with their sources", async () => {
    const run = await licIn(["licenses", "show", "llama4"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Llama 4 Community License Agreement");
    expect(run.stdout).toContain(
      "are withheld from individuals domiciled in and companies with their principal place of business in the EU, for multimodal models",
    );
    expect(run.stdout).toContain("source: Llama 4 Acceptable Use Policy, USE_POLICY.md line 71");
    expect(run.stdout).toContain('name-prefix: "Llama"');
  });

  it("finds a license by a license_name variant or an SPDX id, and prints JSON", async () => {
    const run = await licIn(["licenses", "show", "Apache-2.0", "--format", "json"]);
    expect(JSON.parse(run.stdout)).toMatchObject({ key: "apache-2.0", spdx: "Apache-2.0", osi: { approved: true } });
  });

  it("refuses an unknown id with suggestions (exit 2)", async () => {
    const run = await licIn(["licenses", "show", "lama4"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"lama4" is not in the catalog; did you mean "llama4"');
  });

  it("lists the model licenses, and with --all every SPDX license", async () => {
    const models = await licIn(["licenses", "list"]);
    expect(models.stdout).toMatch(/^llama3\.2 +license +- +no +conditional +Llama 3\.2 Community License Agreement$/m);
    const all = await licIn(["licenses", "list", "--all", "--format", "json"]);
    expect(JSON.parse(all.stdout).length).toBeGreaterThan(727);
  });
});

describe("lic", () => {
  it("is an executable bin, as npx runs it: the package's bin answers --version, and runs every other command", async () => {
    const { bin, version } = JSON.parse(readFileSync("package.json", "utf8")) as {
      bin: { lic: string };
      version: string;
    };
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        execFile(
          bin.lic,
          args,
          { env: { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", HOME: home } },
          (error, stdout) => resolve({ code: error ? ((error.code as number) ?? 1) : 0, stdout }),
        );
      });
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n` });
    expect(await run(["-V"])).toEqual({ code: 0, stdout: `${version}\n` });
    const listed = await run(["licenses", "show", "llama2"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("Llama 2 Community License Agreement");
  });

  it("exits quietly when its reader goes away (EPIPE), as in `lic licenses list --all | head -1`", async () => {
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [LIC_BIN, "licenses", "list", "--all"], {
        env: { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", HOME: home },
        stdio: ["ignore", "pipe", "pipe"],
      });
      // Closed before the bin has written anything: its first write fails with EPIPE.
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
    expect(run).toEqual({ code: 0, stderr: "" });
  });

  it("documents every flag in --help", async () => {
    const run = await licIn(["check", "--help"]);
    expect(run.code).toBe(0);
    for (const flag of [
      "--revision",
      "--policy",
      "--format",
      "--output",
      "--report",
      "--endpoint",
      "--token",
      "--offline",
      "--cache-dir",
      "--no-cache",
      "--concurrency",
      "--timeout",
      "--no-lineage",
      "--max-depth",
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });

  it("builds only the command being run; a word that is no command gets them all, for help and suggestions", async () => {
    const io = { env: {}, stdout: () => {}, stderr: () => {}, version: "0" };
    const names = (only?: string) => buildProgram(io, () => {}, only).commands.map((command) => command.name());
    expect(names("gate")).toEqual(["gate"]);
    expect(names("chek")).toEqual([]);
    expect(names()).toContain("check");
    expect(names().length).toBeGreaterThan(10);
    const misspelt = await licIn(["chek"]);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain("(Did you mean check?)");
    const completion = await licIn(["completion", "bash"]);
    for (const name of names()) expect(completion.stdout, name).toContain(name);
  });

  it("prints its version", async () => {
    const run = await licIn(["--version"]);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });
});

/**
 * The CLI in this process (runLicIn) with the environment licBin gives the bin: a private cache and token file under
 * `home`, the fake Hub; `env` adds to it or overrides it.
 */
function licIn(argv: string[], env: Environment = {}): Promise<LicRun> {
  return runLicIn(argv, { XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url, ...env });
}

/** `lic check ARGS`, killed after `ms` (exit code null then): for inputs that used to hang. */
function licWithin(args: string[], ms: number, env: Record<string, string> = {}): Promise<LicRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LIC_BIN, "check", ...args], {
      env: {
        PATH: process.env["PATH"] ?? "",
        NO_COLOR: "1",
        HOME: home,
        XDG_CACHE_HOME: `${home}/.cache`,
        HF_ENDPOINT: hub.url,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A loopback port nothing listens on: bound, then released. */
/**
 * A port nothing listens on: below the ephemeral range that every test server's listen(0) draws from, so no server
 * of a test running alongside can take it (a port found free and closed again can be, between the two steps); and
 * not one of the ports fetch refuses to dial at all (1, 7, 9, …: the Fetch standard's bad ports).
 */
const CLOSED_PORT = 2;
