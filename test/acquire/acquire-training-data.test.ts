import { afterEach, describe, expect, it } from "vitest";
import { acquireLineage } from "../../src/acquire/acquire-lineage.js";
import { type AcquireOptions, acquireSnapshot } from "../../src/acquire/acquire-snapshot.js";
import { acquireTrainingData } from "../../src/acquire/acquire-training-data.js";
import { FsSnapshotStore } from "../../src/acquire/store/fs-snapshot-store.js";
import type { SnapshotStore } from "../../src/acquire/store/snapshot-store.js";
import type { DatasetLink } from "../../src/types/training-data.js";
import { FakeHub, type FakeModel } from "../support/fake-hub.js";
import { dataset, SQUAD_RENAMES, squadDataset, wikipediaDataset } from "../support/hub-datasets.js";
import { fakeModel } from "../support/hub-models.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
let hub: FakeHub;
afterEach(() => hub?.stop());

const model = fakeModel;

async function start(models: FakeModel[], datasets: FakeModel[]) {
  hub = FakeHub.of(models, { datasets, datasetRenames: SQUAD_RENAMES });
  await hub.start();
}

function options(cache: SnapshotStore | null = null, overrides: Partial<AcquireOptions> = {}) {
  return {
    hub: { endpoint: hub.url, timeoutMs: 5000, maxRetries: 0, sleep: async () => undefined },
    cache,
    offline: false,
    maxDepth: 8,
    concurrency: 4,
    ...overrides,
  };
}

/** Acquires the model (pinned or not), its lineage and its training data, as check-refs does. */
async function trainingDataOf(id: string, revision: string | null, walk: ReturnType<typeof options>) {
  const snapshot = await acquireSnapshot({ id, revision }, walk);
  const lineage = await acquireLineage(snapshot, walk);
  return { snapshot, trainingData: await acquireTrainingData(snapshot, lineage, walk) };
}

const summary = (links: DatasetLink[]) =>
  links.map((link) => [link.id, link.depth, link.via, link.declaredBy.id, link.unavailable?.reason ?? null]);
const datasetRequests = () => hub.requests.filter((request) => request.path.startsWith("/api/datasets/"));

const trainer = model("org/trained", {
  license: "apache-2.0",
  datasets: ["wikimedia/wikipedia", "org/extra", "org/third"],
});
const trainerDatasets = () => [
  wikipediaDataset(),
  dataset("org/extra", { license: "mit" }),
  dataset("org/third", { license: "cc-by-4.0", source_datasets: ["original"] }),
];

describe("a model's training data", () => {
  it("costs one request per declared dataset cold, and none warm for a pinned model", async () => {
    await start([trainer], trainerDatasets());
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const sha = String(trainer.info["sha"]);
    const cold = await trainingDataOf("org/trained", sha, options(cache));
    expect(
      datasetRequests()
        .map((request) => request.path)
        .sort(),
    ).toEqual([
      "/api/datasets/org/extra/revision/main",
      "/api/datasets/org/third/revision/main",
      "/api/datasets/wikimedia/wikipedia/revision/main",
    ]);
    expect(hub.requests.filter((request) => request.path.startsWith("/datasets/"))).toEqual([]);
    expect(summary(cold.trainingData.datasets)).toEqual([
      ["org/extra", 1, "datasets", "org/trained", null],
      ["org/third", 1, "datasets", "org/trained", null],
      ["wikimedia/wikipedia", 1, "datasets", "org/trained", null],
    ]);
    expect(cold.trainingData.complete).toBe(true);
    expect(cold.trainingData.datasets[2]?.evidence).toEqual([{ source: "card", path: ["datasets", 0], commit: sha }]);
    expect(cold.trainingData.datasets[2]?.snapshot?.cardData?.["license"]).toEqual(["cc-by-sa-3.0", "gfdl"]);

    hub.requests.length = 0;
    const warm = await trainingDataOf("org/trained", sha, options(cache));
    expect(hub.requests).toEqual([]);
    expect(warm.trainingData).toEqual(cold.trainingData);
  });

  it("reads each dataset once, whatever the case it is named in", async () => {
    const twice = model("org/twice", { datasets: ["org/extra", "ORG/Extra"] });
    await start([twice], [dataset("org/extra", { license: "mit" })]);
    const { trainingData } = await trainingDataOf("org/twice", null, options());
    expect(summary(trainingData.datasets)).toEqual([["org/extra", 1, "datasets", "org/twice", null]]);
    expect(trainingData.datasets[0]?.evidence.map((evidence) => "path" in evidence && evidence.path)).toEqual([
      ["datasets", 0],
      ["datasets", 1],
    ]);
    expect(datasetRequests()).toHaveLength(1);
  });

  it("reads a dataset that shares the model's id: they are different repos", async () => {
    const twin = model("org/twin", { datasets: "org/twin" });
    await start([twin], [dataset("org/twin", { license: "mit" })]);
    const { trainingData } = await trainingDataOf("org/twin", null, options());
    expect(summary(trainingData.datasets)).toEqual([["org/twin", 1, "datasets", "org/twin", null]]);
  });

  it("is incomplete, and not cached, when the lineage it read from is", async () => {
    const tuned = model("org/tuned-on-flaky", { base_model: "org/flaky-base", datasets: "org/extra" });
    await start([tuned, model("org/flaky-base", {})], [dataset("org/extra", { license: "mit" })]);
    hub.script(/^\/api\/models\/org\/flaky-base\//, { status: 503, body: "busy" });
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const { snapshot, trainingData } = await trainingDataOf("org/tuned-on-flaky", null, options(cache));
    expect(summary(trainingData.datasets)).toEqual([["org/extra", 1, "datasets", "org/tuned-on-flaky", null]]);
    expect(trainingData.complete).toBe(false);
    expect(await cache.readTrainingData(snapshot.id, snapshot.sha)).toBeNull();
  });

  it("reads the datasets its ancestors' cards name, at depth 1, declared by the ancestor", async () => {
    const base = model("org/base", { license: "apache-2.0", datasets: "org/pretraining" });
    const tuned = model("org/tuned", { license: "apache-2.0", base_model: "org/base", datasets: ["org/sft"] });
    await start(
      [base, tuned],
      [dataset("org/pretraining", { license: "odc-by" }), dataset("org/sft", { license: "mit" })],
    );
    const { trainingData } = await trainingDataOf("org/tuned", null, options());
    expect(summary(trainingData.datasets)).toEqual([
      ["org/pretraining", 1, "datasets", "org/base", null],
      ["org/sft", 1, "datasets", "org/tuned", null],
    ]);
    expect(trainingData.datasets[0]?.evidence).toEqual([
      { source: "card", path: ["datasets"], commit: String(base.info["sha"]) },
    ]);
  });

  it("walks source_datasets, and reports a cycle without reading the dataset again", async () => {
    const root = model("org/chained", { datasets: ["org/chain-a"] });
    await start(
      [root],
      [
        dataset("org/chain-a", { license: "mit", source_datasets: ["extended|org/chain-b"] }),
        dataset("org/chain-b", { license: "mit", source_datasets: ["org/chain-a", "original"] }),
      ],
    );
    const { trainingData } = await trainingDataOf("org/chained", null, options());
    expect(summary(trainingData.datasets)).toEqual([
      ["org/chain-a", 1, "datasets", "org/chained", null],
      ["org/chain-b", 2, "source_datasets", "org/chain-a", null],
      ["org/chain-a", 3, "source_datasets", "org/chain-b", "cycle"],
    ]);
    expect(trainingData.datasets[2]?.unavailable?.message).toBe(
      "org/chain-a is made from itself: org/chain-a → org/chain-b → org/chain-a",
    );
    expect(datasetRequests()).toHaveLength(2);
  });

  it("stops at the depth bound, and says what it left out", async () => {
    const root = model("org/deep", { datasets: ["org/level-1"] });
    await start(
      [root],
      [
        dataset("org/level-1", { source_datasets: "org/level-2" }),
        dataset("org/level-2", { source_datasets: "org/level-3" }),
        dataset("org/level-3", {}),
      ],
    );
    const { trainingData } = await trainingDataOf("org/deep", null, options(null, {}));
    expect(trainingData.datasets).toHaveLength(3);
    hub.requests.length = 0;
    const bounded = await trainingDataOf("org/deep", null, { ...options(), maxDepth: 2 });
    expect(summary(bounded.trainingData.datasets)).toEqual([
      ["org/level-1", 1, "datasets", "org/deep", null],
      ["org/level-2", 2, "source_datasets", "org/level-1", null],
      ["org/level-3", 3, "source_datasets", "org/level-2", "max-depth"],
    ]);
    expect(datasetRequests()).toHaveLength(2);
  });

  it("reports a missing dataset as unavailable, and a Hub failure as incomplete and not cached", async () => {
    const root = model("org/missing-data", { datasets: ["org/gone", "org/flaky"] });
    await start([root], [dataset("org/flaky", { license: "mit" })]);
    hub.script(/^\/api\/datasets\/org\/flaky\//, { status: 503, body: "busy" });
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const { snapshot, trainingData } = await trainingDataOf("org/missing-data", null, options(cache));
    expect(summary(trainingData.datasets)).toEqual([
      ["org/flaky", 1, "datasets", "org/missing-data", "upstream"],
      ["org/gone", 1, "datasets", "org/missing-data", "repo-not-found"],
    ]);
    expect(trainingData.datasets[1]?.unavailable?.message).toContain("no such dataset");
    expect(trainingData.complete).toBe(false);
    expect(await cache.readTrainingData(snapshot.id, snapshot.sha)).toBeNull();
    const again = await trainingDataOf("org/missing-data", null, options(cache));
    expect(summary(again.trainingData.datasets)[0]).toEqual(["org/flaky", 1, "datasets", "org/missing-data", null]);
    expect(again.trainingData.complete).toBe(true);
    expect(await cache.readTrainingData(snapshot.id, snapshot.sha)).toEqual(again.trainingData);
  });

  it("ignores values that are not repo ids: URLs, free text, non-strings", async () => {
    const root = model("org/messy", {
      datasets: ["https://example.com/data.zip", "my private crawl", 42, null, "org/extra"],
    });
    await start([root], [dataset("org/extra", { license: "mit" })]);
    const { trainingData } = await trainingDataOf("org/messy", null, options());
    expect(summary(trainingData.datasets)).toEqual([["org/extra", 1, "datasets", "org/messy", null]]);
    expect(trainingData.datasets[0]?.evidence).toEqual([
      { source: "card", path: ["datasets", 4], commit: String(root.info["sha"]) },
    ]);
  });

  it("offline: from the cache, else none and incomplete", async () => {
    await start([trainer], trainerDatasets());
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const online = await trainingDataOf("org/trained", null, options(cache));
    hub.requests.length = 0;
    const offline = await acquireTrainingData(online.snapshot, undefined, options(cache, { offline: true }));
    expect(offline).toEqual(online.trainingData);
    const empty = await acquireTrainingData(online.snapshot, undefined, options(null, { offline: true }));
    expect(empty).toEqual({ datasets: [], complete: false });
    expect(hub.requests).toEqual([]);
  });

  it("reads the generator a synthetic dataset's card names, from its metadata alone", async () => {
    const generator = model("meta-llama/Llama-3.1-8B-Instruct", { license: "llama3.1" }, ["license:llama3.1"]);
    const synthetic = dataset(
      "org/synthetic",
      { license: "apache-2.0", tags: ["synthetic"] },
      {
        tags: ["synthetic", "license:apache-2.0"],
        body: "\n# Dataset Card for org/synthetic\n\n## Dataset Summary\n\nSynthetic data generated by [DataTrove](https://github.com/huggingface/datatrove):\n * Model: `meta-llama/Llama-3.1-8B-Instruct` (`main`)\n * Source dataset: `org/seed` (`train` split).\n",
      },
    );
    const root = model("org/student", { datasets: "org/synthetic" });
    await start([generator, root], [synthetic]);
    const { trainingData } = await trainingDataOf("org/student", null, options());
    const [link] = trainingData.datasets;
    expect(link?.generators?.map((g) => [g.id, g.sha, g.unavailable])).toEqual([
      ["meta-llama/Llama-3.1-8B-Instruct", String(generator.info["sha"]), null],
    ]);
    const readme = String(synthetic.files?.["README.md"]).split("\n");
    const line = readme.findIndex((text) => text.includes("* Model:")) + 1;
    expect(link?.generators?.[0]?.evidence[0]).toMatchObject({ source: "file", file: "README.md", line });
    expect(link?.generators?.[0]?.snapshot?.cardData?.["license"]).toBe("llama3.1");
    const generatorReads = hub.requests.filter((request) => request.path.startsWith("/api/models/meta-llama/"));
    expect(generatorReads).toHaveLength(1);
  });

  it("a dataset checked on its own: its source_datasets, declared by the dataset", async () => {
    await start([], [squadDataset(), dataset("wikipedia", { license: "cc-by-sa-3.0" })]);
    const walk = options();
    const snapshot = await acquireSnapshot({ id: "rajpurkar/squad", revision: null, repoType: "dataset" }, walk);
    const trainingData = await acquireTrainingData(snapshot, undefined, walk);
    expect(trainingData.datasets.map((link) => [link.id, link.via, link.declaredBy])).toEqual([
      ["wikipedia", "source_datasets", { kind: "dataset", id: "rajpurkar/squad", sha: snapshot.sha }],
    ]);
  });
});
