import { readdirSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireSnapshot } from "../../src/acquire/acquire-snapshot.js";
import { HubError } from "../../src/acquire/hub/hub-error.js";
import { FsSnapshotStore } from "../../src/acquire/store/fs-snapshot-store.js";
import { FakeHub } from "../support/fake-hub.js";
import { BERT_RENAMES, bertModel, gatedLlamaModel } from "../support/hub-models.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
const BERT = "google-bert/bert-base-uncased";
const BERT_SHA = "86b5e0934494bd15c9632b12f734a8a67f723594";
let hub: FakeHub;

beforeEach(async () => {
  hub = FakeHub.of([bertModel(), gatedLlamaModel()], { renames: BERT_RENAMES, grantedTokens: ["hf_granted"] });
  await hub.start();
});
afterEach(() => hub.stop());

function options(cache: FsSnapshotStore | null, extra: { offline?: boolean; token?: string } = {}) {
  return { hub: { endpoint: hub.url, timeoutMs: 5000, token: extra.token }, cache, offline: extra.offline ?? false };
}

describe("acquireSnapshot", () => {
  it("cold: one metadata request and one per evidence file; warm at a pinned sha: none", async () => {
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const cold = await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    expect(hub.requests.map((request) => request.path)).toEqual([
      `/api/models/${BERT}/revision/main`,
      `/${BERT}/resolve/${BERT_SHA}/README.md`,
      `/${BERT}/resolve/${BERT_SHA}/LICENSE`,
    ]);
    hub.requests.length = 0;
    const warm = await acquireSnapshot({ id: BERT, revision: BERT_SHA }, options(cache));
    expect(hub.requests).toEqual([]);
    expect({ ...warm, requestedRevision: "main" }).toEqual(cold);
  });

  it("warm at a branch: only the metadata request that resolves it", async () => {
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    hub.requests.length = 0;
    await acquireSnapshot({ id: BERT, revision: "main" }, options(cache));
    expect(hub.requests.map((request) => request.path)).toEqual([`/api/models/${BERT}/revision/main`]);
  });

  it("serves a renamed id from the cache under both names", async () => {
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const snapshot = await acquireSnapshot({ id: "bert-base-uncased", revision: null }, options(cache));
    expect(snapshot).toMatchObject({ requestedId: "bert-base-uncased", id: BERT });
    hub.requests.length = 0;
    const again = await acquireSnapshot({ id: "bert-base-uncased", revision: BERT_SHA }, options(cache));
    expect(hub.requests).toEqual([]);
    expect(again).toMatchObject({ requestedId: "bert-base-uncased", requestedRevision: BERT_SHA, id: BERT });
  });

  it("offline: answers a branch from the cached ref, and says clearly what is missing", async () => {
    const cacheDir = tempDir();
    const cache = new FsSnapshotStore(cacheDir, hub.url);
    const missing = await acquireSnapshot({ id: BERT, revision: null }, options(cache, { offline: true })).catch(
      (error) => error,
    );
    expect(missing).toBeInstanceOf(HubError);
    expect(missing).toMatchObject({ kind: "offline-miss" });
    expect(missing.message).toContain("run once without --offline");

    await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    hub.requests.length = 0;
    const notices: string[] = [];
    const offline = await acquireSnapshot(
      { id: BERT, revision: null },
      { ...options(cache, { offline: true }), onNotice: (m) => void notices.push(m) },
    );
    expect(hub.requests).toEqual([]);
    expect(offline.sha).toBe(BERT_SHA);
    expect(notices[0]).toContain(`using commit ${BERT_SHA}`);
  });

  it("refetches a gated snapshot cached without a token once a token is given", async () => {
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const id = "meta-llama/Meta-Llama-3-8B-Instruct";
    const anonymous = await acquireSnapshot({ id, revision: null }, options(cache));
    expect(anonymous.gaps.map((gap) => gap.reason)).toEqual(["gated", "gated", "gated"]);
    const granted = await acquireSnapshot({ id, revision: anonymous.sha }, options(cache, { token: "hf_granted" }));
    expect(granted.gaps).toEqual([]);
    expect(granted.texts.map((file) => file.path)).toEqual(["README.md", "LICENSE", "USE_POLICY.md"]);
  });

  it("ignores a corrupt cache entry and fetches again", async () => {
    const cacheDir = tempDir();
    const cache = new FsSnapshotStore(cacheDir, hub.url);
    await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    writeFileSync(cache.snapshotPath(BERT, BERT_SHA), "{ half a");
    hub.requests.length = 0;
    const snapshot = await acquireSnapshot({ id: BERT, revision: BERT_SHA }, options(cache));
    expect(snapshot.sha).toBe(BERT_SHA);
    expect(hub.requests.length).toBe(3);
  });

  it("leaves no temporary files behind", async () => {
    const cacheDir = tempDir();
    await acquireSnapshot({ id: BERT, revision: null }, options(new FsSnapshotStore(cacheDir, hub.url)));
    const files = readdirSync(cacheDir, { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith(".tmp"))).toEqual([]);
    expect(files.filter((file) => file.endsWith(".json")).length).toBe(2);
  });
});
