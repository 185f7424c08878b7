import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { CACHE_VERSION } from "../../src/acquire/store/cache-version.js";
import { FsSnapshotStore } from "../../src/acquire/store/fs-snapshot-store.js";
import { getCatalog } from "../../src/catalog/catalog.js";
import { type CheckRefOptions, checkRef, checkRefs } from "../../src/run/check-refs.js";
import { createRedactor } from "../../src/util/redact.js";
import { FakeHub } from "../support/fake-hub.js";
import { dataset, squadDataset } from "../support/hub-datasets.js";
import { bertModel, fakeModel, unlicensedModel } from "../support/hub-models.js";
import { builtInPolicy, TODAY } from "../support/policies.js";

const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";

let hub: FakeHub;
beforeEach(async () => {
  hub = FakeHub.of([bertModel(), unlicensedModel()]);
  await hub.start();
  return () => hub.stop();
});

function options(overrides: Partial<CheckRefOptions> = {}): CheckRefOptions & { concurrency: number } {
  return {
    policy: builtInPolicy("default"),
    catalog: getCatalog(),
    today: TODAY,
    acquire: { hub: { endpoint: hub.url, timeoutMs: 5000, maxRetries: 0 }, cache: null, offline: false },
    lineage: { maxDepth: 8, concurrency: 2 },
    redact: createRedactor(["corp-secret-token"]),
    concurrency: 2,
    ...overrides,
  };
}

describe("checkRefs: the one pipeline", () => {
  it("gives a result per model and an error per model that could not be read, in the refs' order", async () => {
    const { results, errors } = await checkRefs(
      [
        { id: UNLICENSED, revision: null },
        { id: "nobody/missing", revision: null },
        { id: BERT, revision: null },
      ],
      options(),
    );
    expect(results.map((result) => [result.model, result.verdict])).toEqual([
      [UNLICENSED, "block"],
      [BERT, "allow"],
    ]);
    expect(errors).toEqual([
      {
        model: "nobody/missing",
        revision: null,
        kind: "repo-not-found",
        message: expect.stringContaining("nobody/missing"),
      },
    ]);
  });

  it("hands back the snapshot the result was checked from (the gate reads `private` from it)", async () => {
    const outcome = await checkRef({ id: BERT, revision: "main" }, options());
    expect(outcome.ok && [outcome.snapshot.id, outcome.snapshot.private]).toEqual([BERT, false]);
  });

  it("an internal error becomes a redacted ModelError of kind internal, not a throw", async () => {
    const broken = options({
      acquire: {
        hub: { endpoint: hub.url, timeoutMs: 5000, maxRetries: 0 },
        cache: {
          location: "memory",
          snapshotLocation: () => "memory",
          readSnapshot: async () => {
            throw new Error("store broke on corp-secret-token");
          },
          writeSnapshot: async () => {},
          readLineage: async () => null,
          writeLineage: async () => {},
          readTrainingData: async () => null,
          readResult: async () => null,
          writeResult: async () => {},
          writeTrainingData: async () => {},
          readRef: async () => null,
          writeRef: async () => {},
        },
        offline: false,
      },
    });
    const outcome = await checkRef({ id: BERT, revision: "a".repeat(40) }, broken);
    expect(outcome).toEqual({
      ok: false,
      error: {
        model: BERT,
        revision: "a".repeat(40),
        kind: "internal",
        message: `${BERT}: internal error: store broke on [token]`,
      },
    });
  });
});

describe("checkRef on datasets", () => {
  it("acquires a dataset ref as a dataset, skips its lineage, and says what it checked", async () => {
    await hub.stop();
    hub = FakeHub.of([], { datasets: [squadDataset(), dataset("wikipedia", { license: "cc-by-sa-3.0" })] });
    await hub.start();
    const outcome = await checkRef({ id: "rajpurkar/squad", revision: null, repoType: "dataset" }, options());
    expect(outcome.ok && [outcome.result.repoType, outcome.snapshot.repoType]).toEqual(["dataset", "dataset"]);
    expect(hub.requests.map((request) => request.path).filter((path) => path.startsWith("/api/"))).toEqual([
      "/api/datasets/rajpurkar/squad/revision/main",
      "/api/datasets/wikipedia/revision/main",
    ]);
  });

  it("reads no dataset with the lineage off (--no-lineage)", async () => {
    await hub.stop();
    const model = bertModel();
    hub = FakeHub.of([{ ...model, info: { ...model.info, cardData: { license: "mit", datasets: ["org/d"] } } }], {
      datasets: [dataset("org/d", { license: "mit" })],
    });
    await hub.start();
    const outcome = await checkRef({ id: BERT, revision: null }, options({ lineage: null }));
    expect(outcome.ok && outcome.result.repoType).toBeUndefined();
    expect(hub.requests.filter((request) => request.path.startsWith("/api/datasets/"))).toEqual([]);
    await checkRef({ id: BERT, revision: null }, options());
    expect(hub.requests.filter((request) => request.path.startsWith("/api/datasets/"))).toHaveLength(1);
  });
});

describe("checkRefs reads what its models share once", () => {
  it("an ancestor and a dataset three models name cost one request each in a run, and one per run", async () => {
    await hub.stop();
    const base = fakeModel("org/base", { license: "apache-2.0" });
    const tunes = ["a", "b", "c"].map((name) =>
      fakeModel(`org/tune-${name}`, { license: "apache-2.0", base_model: "org/base", datasets: ["org/shared-data"] }),
    );
    hub = FakeHub.of([base, ...tunes], { datasets: [dataset("org/shared-data", { license: "cc-by-4.0" })] });
    await hub.start();
    const refs = tunes.map((tune) => ({ id: String(tune.info["id"]), revision: null }));
    const reads = (path: string) => hub.requests.filter((request) => request.path === path).length;
    const { results } = await checkRefs(refs, options());
    expect(
      results.map((result) => [result.lineage.map((ancestor) => ancestor.id), result.datasets?.map((d) => d.id)]),
    ).toEqual(tunes.map(() => [["org/base"], ["org/shared-data"]]));
    expect([reads("/api/models/org/base/revision/main"), reads("/api/datasets/org/shared-data/revision/main")]).toEqual(
      [1, 1],
    );
    // A second run reads them again: a branch may have moved since (without a cache, as here).
    await checkRefs(refs, options());
    expect([reads("/api/models/org/base/revision/main"), reads("/api/datasets/org/shared-data/revision/main")]).toEqual(
      [2, 2],
    );
  });
});

describe("checkRef keeps results under the digest of their inputs and the build", () => {
  it("reads a pinned model's result back on a warm check, and decides again when the policy, the day or the build differ", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lic-results-"));
    try {
      const cache = new FsSnapshotStore(dir, hub.url);
      const sha = String(bertModel().info["sha"]);
      const ref = { id: BERT, revision: sha };
      const run = (more: Partial<CheckRefOptions>) =>
        checkRef(ref, options({ build: "a".repeat(64), acquire: { ...options().acquire, cache }, ...more }));
      const first = await run({});
      expect(first.ok).toBe(true);
      const keptFiles = () =>
        readdirSync(join(dir, `v${CACHE_VERSION}`), { recursive: true }).filter((name) =>
          String(name).includes("results/"),
        );
      expect(keptFiles().filter((name) => String(name).endsWith(".json"))).toHaveLength(1);
      // A kept result is what is returned: mark it, and see the mark come back.
      const [file] = keptFiles().filter((name) => String(name).endsWith(".json"));
      const path = join(dir, `v${CACHE_VERSION}`, String(file));
      const entry = JSON.parse(readFileSync(path, "utf8"));
      entry.result.verdict = "warn";
      writeFileSync(path, JSON.stringify(entry));
      expect((await run({})).ok && ((await run({})) as { result: { verdict: string } }).result.verdict).toBe("warn");
      for (const other of [
        { today: "2099-01-01" },
        { build: "b".repeat(64) },
        { policy: builtInPolicy("osi") },
        { build: null },
      ]) {
        const again = await run(other);
        expect(again.ok && again.result.verdict).not.toBe("warn");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
