import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Environment } from "../../src/cli/settings.js";
import { FakeHub, type FakeModel } from "../support/fake-hub.js";
import { squadDataset } from "../support/hub-datasets.js";
import { bertModel, unlicensedModel } from "../support/hub-models.js";
import { type LicRun, runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

/*
 * lic lock, lic check --locked and lic check --scan, end to end in this process, against the fake Hub on 127.0.0.1:
 * a project folder with Python code, its lic.lock written, then every kind of drift made and found.
 */
const tempDir = useTempDirs();
let hub: FakeHub;
let bert: FakeModel;
let home: string;
let project: string;

const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";
const OTHER_COMMIT = "0123456789abcdef0123456789abcdef01234567";

beforeEach(async () => {
  bert = bertModel();
  hub = FakeHub.of([bert, unlicensedModel()], { datasets: [squadDataset()] });
  await hub.start();
  home = tempDir();
  project = tempDir();
  write("app.py", `from transformers import AutoModel\n\nmodel = AutoModel.from_pretrained("${BERT}")\n`);
  write(
    "train.py",
    `from datasets import load_dataset\nimport os\n\ndata = load_dataset("rajpurkar/squad")\nname = os.environ["MODEL"]\nAutoModel.from_pretrained(name)\n`,
  );
});
afterEach(() => hub.stop());

function write(path: string, text: string): void {
  mkdirSync(join(project, path, ".."), { recursive: true });
  writeFileSync(join(project, path), text);
}

function lic(argv: string[], env: Environment = {}): Promise<LicRun> {
  return runLicIn(argv, { XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url, ...env });
}

const lockText = () => readFileSync(join(project, "lic.lock"), "utf8");
const json = (run: LicRun) => JSON.parse(run.stdout);
const projectCodes = (run: LicRun) =>
  (json(run).project.findings as { code: string; severity: string }[]).map((f) => `${f.severity} ${f.code}`);

describe("lic scan", () => {
  it("lists each reference with its place, and the dynamic loads, as JSON", async () => {
    const run = await lic(["scan", project, "--format", "json"]);
    expect(run.code).toBe(0);
    const scan = json(run);
    expect(scan.schemaVersion).toBe(1);
    expect(scan.references).toEqual([
      expect.objectContaining({ id: BERT, kind: "model", revision: null, pinned: false, file: "app.py", line: 3 }),
      expect.objectContaining({ id: "rajpurkar/squad", kind: "dataset", file: "train.py", line: 4 }),
    ]);
    expect(scan.dynamic).toEqual([expect.objectContaining({ file: "train.py", line: 6, expression: "name" })]);
  });

  it("exits 2 naming a path that is not a folder", async () => {
    const run = await lic(["scan", join(project, "nothing-here")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("does not exist");
  });
});

describe("lic lock", () => {
  it("writes a canonical lock: commit, verdict, licenses, evidence hashes, uses; byte-identical when run again", async () => {
    const run = await lic(["lock", project]);
    expect(run.code).toBe(0);
    const text = lockText();
    expect(text).toContain("lockVersion: 1");
    expect(text).toMatch(/policy:\n {2}name: default\n {2}digest: sha256:[0-9a-f]{64}/);
    expect(text).toContain(`  - id: ${BERT}\n    kind: model\n    requested: main\n    revision: ${bert.info["sha"]}`);
    expect(text).toContain("verdict: allow");
    expect(text).toMatch(/- path: LICENSE\n {8}sha256: [0-9a-f]{64}/);
    expect(text).toContain("- app.py:3");
    // The dataset the code loads, checked as a dataset and locked like a model: its commit, verdict and license.
    const squad = squadDataset().info;
    expect(text).toContain(
      `  - id: rajpurkar/squad\n    kind: dataset\n    requested: main\n    revision: ${squad["sha"]}`,
    );
    expect(text).toMatch(/kind: dataset\n(?: {4}.*\n)*? {4}verdict: allow\n {4}licenses:\n {6}- id: cc-by-sa-4\.0/);
    await lic(["lock", project]);
    expect(lockText()).toBe(text);
  });

  it("writes nothing and exits 3 when a model cannot be decided", async () => {
    write("more.py", `AutoModel.from_pretrained("nobody/nothing")\n`);
    const run = await lic(["lock", project]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("not written");
    expect(() => lockText()).toThrow();
  });

  it("keeps a locked commit when the branch moves, and re-resolves it with --update", async () => {
    write("app.py", `AutoModel.from_pretrained("${BERT}", revision="v1")\n`);
    bert.refs = { v1: String(bert.info["sha"]) };
    await lic(["lock", project]);
    bert.refs.v1 = OTHER_COMMIT;
    await lic(["lock", project]);
    expect(lockText()).toContain(`revision: ${bert.info["sha"]}`);
    await lic(["lock", project, "--update"]);
    expect(lockText()).toContain(`revision: ${OTHER_COMMIT}`);
  });
});

describe("lic check --locked", () => {
  beforeEach(async () => {
    expect((await lic(["lock", project])).code).toBe(0);
  });

  it("passes when the code and the lock agree, pointing the report at the code", async () => {
    const run = await lic(["check", "--locked", project, "--format", "json"]);
    expect(run.code).toBe(0);
    const report = json(run);
    // Places are named from where lic runs: the root as given, then the path in it.
    const bertResult = report.results.find((result: { model: string }) => result.model === BERT);
    expect(bertResult.uses).toEqual([expect.objectContaining({ file: join(project, "app.py"), line: 3 })]);
    expect(projectCodes(run)).toEqual(["warning reference-dynamic"]);
    expect(
      report.results.map((result: { model: string; repoType?: string }) => [result.model, result.repoType]),
    ).toEqual([
      ["rajpurkar/squad", "dataset"],
      [BERT, undefined],
    ]);
    // Schema version 1's list of the datasets the code loads, kept beside their results.
    expect(report.project.datasets).toEqual([expect.objectContaining({ id: "rajpurkar/squad", requested: "main" })]);
  });

  it("decides with --offline from the lock and the cache, with no request at all", async () => {
    const before = hub.requests.length;
    const run = await lic(["check", "--locked", project, "--offline"]);
    expect(run.code).toBe(0);
    expect(hub.requests.length).toBe(before);
  });

  it("fails on a model the code loads that the lock lacks, naming its file and line", async () => {
    write("serve.py", `\n\nAutoModel.from_pretrained("${UNLICENSED}")\n`);
    const run = await lic(["check", "--locked", project, "--format", "json"]);
    expect(run.code).toBe(1);
    const missing = json(run).project.findings.find((f: { code: string }) => f.code === "lock-entry-missing");
    expect(missing.severity).toBe("error");
    expect(missing.evidence).toEqual([
      expect.objectContaining({ source: "code", file: join(project, "serve.py"), line: 3 }),
    ]);
  });

  it("warns of an entry no code uses any more", async () => {
    write("app.py", "print('no model here')\n");
    const run = await lic(["check", "--locked", project, "--format", "json"]);
    expect(run.code).toBe(0);
    expect(projectCodes(run)).toContain("warning lock-entry-unused");
  });

  it("fails when the code pins another revision than the lock", async () => {
    write("app.py", `AutoModel.from_pretrained("${BERT}", revision="${OTHER_COMMIT}")\n`);
    const run = await lic(["check", "--locked", project, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(projectCodes(run)).toContain("error lock-revision-mismatch");
    expect(projectCodes(run)).not.toContain("warning lock-entry-unused");
  });

  it("fails only on verdicts that changed when the policy changes, saying so", async () => {
    const policy = join(project, "strict.yaml");
    writeFileSync(policy, "name: strict\nextends: default\nlicenses:\n  deny: [apache-2.0]\n");
    const run = await lic(["check", "--locked", project, "--policy", policy, "--format", "json"]);
    expect(run.code).toBe(1);
    const changed = json(run).project.findings.find((f: { code: string }) => f.code === "lock-verdict-changed");
    expect(changed.args).toMatchObject({ id: BERT, locked: "allow", now: "block", changed: ["policy"] });
  });

  it("fails on evidence whose bytes changed at the locked commit (a tamper signal)", async () => {
    bert.files!["LICENSE"] = "MIT License\n\nsomething else entirely\n";
    const run = await lic(["check", "--locked", project, "--no-cache", "--format", "json"]);
    expect(run.code).toBe(1);
    const changed = json(run).project.findings.find((f: { code: string }) => f.code === "lock-evidence-changed");
    expect(changed.args).toMatchObject({ id: BERT, path: "LICENSE" });
    expect(changed.args.found).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fails when the Hub no longer has the locked commit", async () => {
    writeFileSync(join(project, "lic.lock"), lockText().replace(String(bert.info["sha"]), OTHER_COMMIT));
    const run = await lic(["check", "--locked", project, "--no-cache", "--format", "json"]);
    expect(run.code).toBe(1);
    expect(projectCodes(run)).toContain("error lock-commit-missing");
    expect(json(run).errors).toEqual([]);
  });

  it("exits 2 on a hand-edited lock, with its line and the fix", async () => {
    writeFileSync(join(project, "lic.lock"), lockText().replace("verdict: allow", "verdict: approved"));
    const run = await lic(["check", "--locked", project]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line \d+ \(entries\.\d+\.verdict\)/);
    expect(run.stderr).toContain("lic lock");
  });

  it("exits 2 when there is no lock, saying how to write one", async () => {
    const empty = tempDir();
    const run = await lic(["check", "--locked", empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("lic lock");
  });
});

describe("lic check --scan", () => {
  it("checks every model the code loads, and refuses model names beside it", async () => {
    write("serve.py", `AutoModel.from_pretrained("${UNLICENSED}")\n`);
    const run = await lic(["check", "--scan", project, "--format", "json"]);
    expect(run.code).toBe(1);
    const report = json(run);
    expect(
      report.results.map((result: { model: string; verdict: string }) => `${result.model} ${result.verdict}`),
    ).toEqual(["rajpurkar/squad allow", `${UNLICENSED} block`, `${BERT} allow`]);
    expect((await lic(["check", "--scan", project, BERT])).code).toBe(2);
  });

  it("points SARIF results and GitHub annotations at the user's code", async () => {
    write("serve.py", `AutoModel.from_pretrained("${UNLICENSED}")\n`);
    const sarif = JSON.parse((await lic(["check", "--scan", project, "--format", "sarif"])).stdout);
    const blocked = sarif.runs[0].results.find((result: { ruleId: string }) => result.ruleId === "license-missing");
    expect(blocked.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: expect.stringMatching(/serve\.py$/) },
      region: { startLine: 1, startColumn: 1 },
    });
    const github = (await lic(["check", "--scan", project, "--format", "github"])).stdout;
    expect(github).toContain(`file=${join(project, "serve.py")},line=1,col=1::`);
  });
});
