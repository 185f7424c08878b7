import { afterEach, describe, expect, it } from "vitest";
import { type AcquireOptions, acquireSnapshot } from "../../src/acquire/acquire-snapshot.js";
import { HubError } from "../../src/acquire/hub/hub-error.js";
import { FsSnapshotStore } from "../../src/acquire/store/fs-snapshot-store.js";
import type { ModelRef } from "../../src/types/repo-ref.js";
import { FakeHub, type FakeModel } from "../support/fake-hub.js";
import { dataset, gatedStackDataset, SQUAD_RENAMES, squadDataset, wikipediaDataset } from "../support/hub-datasets.js";
import { bertModel } from "../support/hub-models.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
let hub: FakeHub;
afterEach(() => hub?.stop());

async function start(datasets: FakeModel[], models: FakeModel[] = []) {
  hub = FakeHub.of(models, { datasets, datasetRenames: SQUAD_RENAMES, grantedTokens: ["hf_granted"] });
  await hub.start();
}

function options(overrides: Partial<AcquireOptions> = {}): AcquireOptions {
  return {
    hub: { endpoint: hub.url, timeoutMs: 5000, maxRetries: 0, sleep: async () => undefined },
    cache: null,
    offline: false,
    ...overrides,
  };
}

const datasetRef = (id: string, revision: string | null = null): ModelRef => ({ id, revision, repoType: "dataset" });

describe("a dataset as a repo", () => {
  it("reads a dataset's metadata and card from the dataset routes, pinned to its commit", async () => {
    await start([squadDataset()]);
    const snapshot = await acquireSnapshot(datasetRef("rajpurkar/squad"), options());
    const sha = "7b6d24c440a36b6815f21b70d25016731768db1f";
    expect(snapshot).toMatchObject({ repoType: "dataset", id: "rajpurkar/squad", sha, config: null, baseModels: null });
    expect(snapshot.cardData?.["license"]).toBe("cc-by-sa-4.0");
    expect(snapshot.tags).toContain("license:cc-by-sa-4.0");
    expect(snapshot.files).toContain("plain_text/train-00000-of-00001.parquet");
    expect(snapshot.texts.map((text) => [text.path, text.role])).toEqual([["README.md", "readme"]]);
    expect(hub.requests.map((request) => request.path)).toEqual([
      "/api/datasets/rajpurkar/squad/revision/main",
      `/datasets/rajpurkar/squad/resolve/${sha}/README.md`,
    ]);
  });

  it("keeps a card's license list as a list", async () => {
    await start([wikipediaDataset()]);
    const snapshot = await acquireSnapshot(datasetRef("wikimedia/wikipedia"), options());
    expect(snapshot.cardData?.["license"]).toEqual(["cc-by-sa-3.0", "gfdl"]);
  });

  it("drops a license that is neither a string nor a list, and the non-strings of a list", async () => {
    await start([
      dataset("org/odd", { license: { spdx: "mit" } }),
      dataset("org/mixed", { license: ["mit", 3, null] }),
    ]);
    const odd = await acquireSnapshot(datasetRef("org/odd"), options());
    expect(odd.cardData).not.toHaveProperty("license");
    const mixed = await acquireSnapshot(datasetRef("org/mixed"), options());
    expect(mixed.cardData?.["license"]).toEqual(["mit"]);
  });

  it("turns a gated dataset's unreadable files into gaps, not errors", async () => {
    await start([gatedStackDataset()]);
    const snapshot = await acquireSnapshot(datasetRef("bigcode/the-stack"), options());
    expect(snapshot.gated).toBe("auto");
    expect(snapshot.texts).toEqual([]);
    expect(snapshot.gaps.map((gap) => [gap.path, gap.reason, gap.status])).toEqual([
      ["README.md", "gated", 401],
      ["LICENSE", "gated", 401],
    ]);
    const granted = await acquireSnapshot(datasetRef("bigcode/the-stack"), {
      ...options(),
      hub: { ...options().hub, token: "hf_granted" },
    });
    expect(granted.gaps).toEqual([]);
    expect(granted.texts.map((text) => text.path)).toEqual(["README.md", "LICENSE"]);
  });

  it("says a missing dataset is missing, naming it as a dataset", async () => {
    await start([squadDataset()]);
    const failed = acquireSnapshot(datasetRef("org/no-such-dataset"), options());
    await expect(failed).rejects.toBeInstanceOf(HubError);
    await expect(failed).rejects.toMatchObject({ kind: "repo-not-found" });
    await expect(failed).rejects.toThrow(/org\/no-such-dataset: no such dataset on http/);
  });

  it("follows a renamed dataset's redirect to its canonical id", async () => {
    await start([squadDataset()]);
    const snapshot = await acquireSnapshot(datasetRef("squad"), options());
    expect([snapshot.id, snapshot.requestedId]).toEqual(["rajpurkar/squad", "squad"]);
    expect(hub.requests[0]?.path).toBe("/api/datasets/squad/revision/main");
  });

  it("does not look for a dataset among models, nor a model among datasets", async () => {
    const model = bertModel();
    await start([dataset(String(model.info["id"]), { license: "cc0-1.0" })], [model]);
    const asDataset = await acquireSnapshot(datasetRef(String(model.info["id"])), options());
    const asModel = await acquireSnapshot({ id: String(model.info["id"]), revision: null }, options());
    expect([asDataset.repoType, asDataset.cardData?.["license"]]).toEqual(["dataset", "cc0-1.0"]);
    expect([asModel.repoType, asModel.cardData?.["license"]]).toEqual([undefined, "apache-2.0"]);
  });

  it("caches a dataset apart from a model of the same id, refs and offline alike", async () => {
    const model = bertModel();
    const id = String(model.info["id"]);
    await start([dataset(id, { license: "cc0-1.0" })], [model]);
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const first = await acquireSnapshot(datasetRef(id), options({ cache }));
    expect(await cache.readSnapshot(id, first.sha, false)).toBeNull();
    expect(await cache.readSnapshot(id, first.sha, false, "dataset")).toEqual(first);

    hub.requests.length = 0;
    const pinned = await acquireSnapshot(datasetRef(id, first.sha), options({ cache }));
    expect(pinned.cardData).toEqual(first.cardData);
    const offline = await acquireSnapshot(datasetRef(id, "main"), options({ cache, offline: true }));
    expect([offline.repoType, offline.sha]).toEqual(["dataset", first.sha]);
    expect(hub.requests).toEqual([]);
    await expect(acquireSnapshot({ id, revision: "main" }, options({ cache, offline: true }))).rejects.toMatchObject({
      kind: "offline-miss",
    });
  });
});
