import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeHub } from "../support/fake-hub.js";
import { dataset, SQUAD_RENAMES, squadDataset, wikipediaDataset } from "../support/hub-datasets.js";
import { bertModel } from "../support/hub-models.js";
import { type LicRun, runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

/*
 * `lic check` on datasets, end to end in this process against the fake Hub. The verdict comes from the checks (not
 * this part's): these assert that a dataset is read from the dataset routes and the run ends with a defined exit
 * code. That the result says `repoType: "dataset"` is asserted on the CheckResult (test/run/check-refs.test.ts): the
 * JSON renderer (src/report/json.ts) lists its fields one by one and shows it once the reports part adds it.
 */
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
    expect([0, 1]).toContain(run.code);
    const [result] = jsonResults(run);
    expect(result).toMatchObject({ model: "rajpurkar/squad", revision: "7b6d24c440a36b6815f21b70d25016731768db1f" });
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
