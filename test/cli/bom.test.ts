import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Environment } from "../../src/cli/settings.js";
import { validateCycloneDx, validateSpdx } from "../support/bom-schemas.js";
import { FakeHub, type FakeModel } from "../support/fake-hub.js";
import { squadDataset } from "../support/hub-datasets.js";
import { bertModel, unlicensedModel } from "../support/hub-models.js";
import { type LicRun, runLicIn } from "../support/run-lic.js";
import { spdxConformanceProblems } from "../support/spdx-conformance.js";
import { useTempDirs } from "../support/temp-dir.js";

/* The BOM formats, lic bom and lic check --bom, end to end in this process against the fake Hub on 127.0.0.1. */
const tempDir = useTempDirs();
let hub: FakeHub;
let bert: FakeModel;
let home: string;
let project: string;

const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";
const EPOCH = { SOURCE_DATE_EPOCH: "1764158400" };

beforeEach(async () => {
  bert = bertModel();
  hub = FakeHub.of([bert, unlicensedModel()], { datasets: [squadDataset()] });
  await hub.start();
  home = tempDir();
  project = tempDir();
});
afterEach(() => hub.stop());

function lic(argv: string[], env: Environment = {}): Promise<LicRun> {
  return runLicIn(argv, { XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url, ...EPOCH, ...env });
}

/** Elements with their document's IRI taken out: it derives from the whole content. */
function stripIds(elements: unknown[]): unknown {
  return JSON.parse(JSON.stringify(elements).replace(/urn:uuid:[0-9a-f-]+/g, "urn:uuid:…"));
}

function write(path: string, text: string): string {
  const file = join(project, path);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe("--format cyclonedx and spdx", () => {
  it("lic check writes a valid CycloneDX 1.6 BOM, 1.7 on request, the same bytes under SOURCE_DATE_EPOCH", async () => {
    const first = await lic(["check", BERT, "--format", "cyclonedx"]);
    expect(first.code).toBe(0);
    expect(await validateCycloneDx(first.stdout, "1.6")).toBeNull();
    const bom = JSON.parse(first.stdout);
    expect(bom.metadata.timestamp).toBe("2025-11-26T12:00:00.000Z");
    expect(bom.components[0].purl).toBe(`pkg:huggingface/${BERT}@${bert.info["sha"]}`);
    expect((await lic(["check", BERT, "--format", "cyclonedx"])).stdout).toBe(first.stdout);

    const later = await lic(["check", BERT, "--format", "cyclonedx", "--cyclonedx-version", "1.7"]);
    expect(JSON.parse(later.stdout).specVersion).toBe("1.7");
    expect(await validateCycloneDx(later.stdout, "1.7")).toBeNull();
  });

  it("writes an SPDX 3.0.1 report beside the text one, and lic report renders one from a saved result", async () => {
    const spdx = join(project, "lic.spdx.json");
    const saved = join(project, "result.json");
    const run = await lic(["check", BERT, "--report", `spdx=${spdx}`, "--report", `json=${saved}`]);
    expect(run.code).toBe(0);
    const written = readFileSync(spdx, "utf8");
    expect(validateSpdx(written)).toBeNull();
    expect(spdxConformanceProblems(written)).toEqual([]);

    const again = await lic(["report", saved, "--format", "spdx"]);
    expect(again.code).toBe(0);
    expect(validateSpdx(again.stdout)).toBeNull();
    // The saved result keeps the models whole; it does not keep how the policy was chosen, which the run's annotation says.
    const packages = (text: string) =>
      JSON.parse(text)["@graph"].filter((element: { type: string }) => element.type === "ai_AIPackage");
    expect(packages(again.stdout).map((pkg: { name: string }) => pkg.name)).toEqual([BERT]);
    expect(stripIds(packages(again.stdout))).toEqual(stripIds(packages(written)));
    const cdx = await lic(["report", saved, "--format", "cyclonedx", "--cyclonedx-version", "1.7"]);
    expect(await validateCycloneDx(cdx.stdout, "1.7")).toBeNull();
  });
});

describe("lic bom", () => {
  it("writes the BOM of the models a lock approves, each at its locked commit; exits 1 when one is blocked", async () => {
    write("app.py", `from transformers import AutoModel\nAutoModel.from_pretrained("${BERT}")\n`);
    write("more.py", `from transformers import AutoModel\nAutoModel.from_pretrained("${UNLICENSED}")\n`);
    write("data.py", `from datasets import load_dataset\nload_dataset("rajpurkar/squad")\n`);
    expect((await lic(["lock", project])).code).toBe(1);

    const run = await lic(["bom", join(project, "lic.lock")]);
    expect(run.code).toBe(1);
    expect(await validateCycloneDx(run.stdout, "1.6")).toBeNull();
    const components = JSON.parse(run.stdout).components as {
      type: string;
      name: string;
      version: string;
      properties: unknown[];
    }[];
    // In the lock's order (by id), each at the commit the lock records.
    const locked = [...readFileSync(join(project, "lic.lock"), "utf8").matchAll(/revision: ([0-9a-f]{40})/g)].map(
      (match) => match[1],
    );
    // The lock lists its dataset first (entries sorted by kind, then id), checked as a dataset: a `data` component.
    const models = components.filter((component) => component.type === "machine-learning-model");
    expect(models.map((component) => [component.name, component.version])).toEqual([
      ["bert-large-cased-finetuned-conll03-english", locked[1]],
      ["bert-base-uncased", locked[2]],
    ]);
    expect(models[0]!.properties).toContainEqual({ name: "lic:verdict", value: "block" });
    expect(components.find((component) => component.name === "squad")).toMatchObject({
      type: "data",
      group: "rajpurkar",
      version: locked[0],
    });

    const spdx = await lic(["bom", join(project, "lic.lock"), "--format", "spdx"]);
    expect(validateSpdx(spdx.stdout)).toBeNull();
  });

  it("refuses a format that is not a BOM, and a missing lock, with exit 2", async () => {
    const sarif = await lic(["bom", "--format", "sarif"]);
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toContain("lic bom writes a BOM: --format cyclonedx or spdx");
    const missing = await lic(["bom", join(project, "lic.lock")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(project, "lic.lock")} does not exist`);
  });
});

describe("lic check --bom", () => {
  it("checks the Hub models another tool's BOM lists; says what it could not map, and checks its datasets as datasets", async () => {
    const bom = write(
      "sbom.cdx.json",
      JSON.stringify({
        bomFormat: "CycloneDX",
        specVersion: "1.5",
        components: [
          { type: "library", name: "left-pad", purl: "pkg:npm/left-pad@1.3.0" },
          { type: "machine-learning-model", name: "bert", purl: `pkg:huggingface/${BERT}@${bert.info["sha"]}` },
          {
            type: "data",
            name: "imdb",
            externalReferences: [{ type: "website", url: "https://huggingface.co/datasets/rajpurkar/squad" }],
          },
          {
            type: "machine-learning-model",
            name: "demo",
            externalReferences: [{ type: "website", url: "https://huggingface.co/spaces/org/demo" }],
          },
        ],
      }),
    );
    const run = await lic(["check", "--bom", bom, "--format", "json"]);
    const report = JSON.parse(run.stdout);
    expect(
      report.results.map((result: { model: string; repoType?: string }) => [result.model, result.repoType]),
    ).toEqual([
      [BERT, undefined],
      ["rajpurkar/squad", "dataset"],
    ]);
    expect(report.errors.map((error: { kind: string; model: string }) => `${error.kind} ${error.model}`)).toEqual([
      "bom-unmapped https://huggingface.co/spaces/org/demo",
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${bom} components[3]: https://huggingface.co/spaces/org/demo not checked: a Space`);
    expect(run.stderr).toContain("1 entry names nothing on the Hub");
  });

  it("reads lic's own SPDX back: the model, and the datasets its card says it was trained on", async () => {
    const spdx = join(project, "lic.spdx.json");
    await lic(["check", BERT, "--report", `spdx=${spdx}`]);
    const run = await lic(["check", "--bom", spdx, "--format", "json"]);
    const report = JSON.parse(run.stdout);
    expect(report.results[0]).toMatchObject({ model: BERT, revision: bert.info["sha"] });
    // bert's card names bookcorpus and wikipedia, which this fake Hub does not have: checked, and not found.
    const names = (bert.info["cardData"] as { datasets: string[] }).datasets;
    expect(report.errors.map((error: { model: string; kind: string }) => [error.model, error.kind])).toEqual(
      names.map((name) => [name, "repo-not-found"]),
    );
    expect(run.code).toBe(3);
  });

  it.each([
    ["not JSON", "{", "is not JSON"],
    ["SPDX 2", JSON.stringify({ spdxVersion: "SPDX-2.3" }), "is SPDX-2.3 JSON"],
    [
      "no Hub repo",
      JSON.stringify({ bomFormat: "CycloneDX", components: [] }),
      "lists no Hugging Face model or dataset",
    ],
  ])("exits 2 on a BOM that is %s, naming the file", async (_name, text, message) => {
    const file = write("bad.json", text);
    const run = await lic(["check", "--bom", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`lic: --bom ${file} ${message}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 when models are named too", async () => {
    const run = await lic(["check", BERT, "--bom", write("sbom.json", "{}")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("do not name models too");
  });
});
