import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeHub } from "../support/fake-hub.js";
import { dataset, SQUAD_RENAMES, squadDataset, wikipediaDataset } from "../support/hub-datasets.js";
import { bertModel } from "../support/hub-models.js";
import { type LicRun, runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

/* `lic check` on datasets, and on a model trained on them, end to end in this process against the fake Hub. */
const tempDir = useTempDirs();
let hub: FakeHub;
let home: string;

beforeEach(async () => {
  const model = bertModel();
  hub = FakeHub.of(
    [
      model,
      {
        ...model,
        info: { ...model.info, id: "org/trained", cardData: { license: "apache-2.0", datasets: ["rajpurkar/squad"] } },
      },
    ],
    {
      datasets: [squadDataset(), wikipediaDataset(), dataset("wikipedia", { license: "cc-by-sa-3.0" })],
      datasetRenames: SQUAD_RENAMES,
    },
  );
  await hub.start();
  home = tempDir();
});
afterEach(() => hub.stop());

const lic = (args: string[]): Promise<LicRun> =>
  runLicIn(["check", ...args], { XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url });
const paths = () => hub.requests.map((request) => request.path);
const jsonResults = (run: LicRun) => (JSON.parse(run.stdout) as { results: Record<string, unknown>[] }).results;

describe("lic check on datasets", () => {
  it("checks dataset:org/name from the dataset routes, its card and its source_datasets", async () => {
    const run = await lic(["dataset:rajpurkar/squad", "--format", "json"]);
    expect(run.code).toBe(0);
    const [result] = jsonResults(run);
    expect(result).toMatchObject({
      model: "rajpurkar/squad",
      repoType: "dataset",
      revision: "7b6d24c440a36b6815f21b70d25016731768db1f",
      license: { ids: ["cc-by-sa-4.0"] },
    });
    expect(paths()).toContain("/api/datasets/rajpurkar/squad/revision/main");
    expect(paths().some((path) => path.startsWith("/datasets/rajpurkar/squad/resolve/"))).toBe(true);
    // Its source_datasets are read as its training data; a dataset has no base_model lineage.
    expect(paths()).toContain("/api/datasets/wikipedia/revision/main");
    expect(paths().some((path) => path.startsWith("/api/models/"))).toBe(false);
  });

  it("checks ids as datasets with --type dataset, a legacy name and a rename included", async () => {
    const run = await lic(["--type", "dataset", "squad", "wikimedia/wikipedia@main", "--format", "json"]);
    expect([0, 1]).toContain(run.code);
    const results = jsonResults(run);
    expect(results.map((result) => [result["model"], result["requested"]])).toEqual([
      ["rajpurkar/squad", { model: "squad", revision: "main" }],
      ["wikimedia/wikipedia", { model: "wikimedia/wikipedia", revision: "main" }],
    ]);
    expect(paths()).toContain("/api/datasets/squad/revision/main");
  });

  it("reads a model's declared datasets, and keeps a model and a prefix-typed dataset apart", async () => {
    const run = await lic(["org/trained", "model:google-bert/bert-base-uncased", "--format", "json"]);
    expect([0, 1]).toContain(run.code);
    expect(jsonResults(run).map((result) => result["model"])).toEqual(["org/trained", "google-bert/bert-base-uncased"]);
    expect(paths()).toContain("/api/datasets/rajpurkar/squad/revision/main");
    expect(paths()).toContain("/api/models/org/trained/revision/main");
  });

  it("says a missing dataset is missing (exit 3)", async () => {
    const run = await lic(["dataset:org/no-such-dataset"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("org/no-such-dataset: no such dataset on");
  });

  it.each([
    [["dataset:a/b/c"], "\"dataset:a/b/c\": a dataset id is 'org/name' or 'name'"],
    [["--type", "dataset", "org/na me"], '"org/na me": the dataset id contains white space'],
    [["--type", "space", "org/name"], "--type"],
    [["--scan", ".", "--type", "dataset"], "drop --type"],
  ])("refuses %j with exit 2, naming the input and the fix", async (args, message) => {
    const run = await lic(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(hub.requests).toEqual([]);
  });
});

describe("lic check on a model trained on a non-commercial dataset", () => {
  const NC = "tatsu-lab/alpaca";
  beforeEach(async () => {
    await hub.stop();
    const model = bertModel();
    hub = FakeHub.of(
      [{ ...model, info: { ...model.info, id: "org/tuned", cardData: { license: "apache-2.0", datasets: [NC] } } }],
      { datasets: [dataset(NC, { license: "cc-by-nc-4.0" })] },
    );
    await hub.start();
  });

  it("warns of the dataset's terms as an advisory, its license never the model's, and blocks where the policy says so", async () => {
    const run = await lic(["org/tuned", "--format", "json"]);
    expect(run.code).toBe(0);
    const [result] = jsonResults(run) as {
      license: { ids: string[] };
      verdict: string;
      findings: { code: string; severity: string; args: { dataset?: string }; advisory?: { url: string }[] }[];
    }[];
    expect(result!.license.ids).toEqual(["apache-2.0"]);
    expect(result!.verdict).toBe("warn");
    const finding = result!.findings.find((each) => each.code === "dataset-non-commercial")!;
    expect(finding).toMatchObject({ severity: "warning", args: { dataset: NC } });
    expect(finding.advisory?.map((term) => term.url)).toContain(
      "https://creativecommons.org/using-cc-licensed-works-for-ai-training-2/",
    );

    const policy = `${tempDir()}/strict.yaml`;
    writeFileSync(policy, "name: strict-data\nextends: default\ndatasets:\n  nonCommercial: block\n");
    const strict = await lic(["org/tuned", "--policy", policy, "--format", "json"]);
    expect(strict.code).toBe(1);
    const [blocked] = jsonResults(strict) as {
      verdict: string;
      findings: { code: string; rule?: { path: string } }[];
    }[];
    expect(blocked!.verdict).toBe("block");
    expect(blocked!.findings.find((each) => each.code === "dataset-non-commercial")?.rule?.path).toBe(
      "datasets.nonCommercial",
    );
  });
});
