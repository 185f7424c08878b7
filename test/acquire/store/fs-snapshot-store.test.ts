import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLineage } from "../../../src/acquire/acquire-lineage.js";
import { acquireSnapshot } from "../../../src/acquire/acquire-snapshot.js";
import { HubError } from "../../../src/acquire/hub/hub-error.js";
import { CACHE_VERSION } from "../../../src/acquire/store/cache-version.js";
import { openSeal, seal, withoutSeal } from "../../../src/acquire/store/entry-seal.js";
import { FsSnapshotStore } from "../../../src/acquire/store/fs-snapshot-store.js";
import type { CheckResult } from "../../../src/types/result.js";
import type { ModelSnapshot } from "../../../src/types/snapshot.js";
import { createRedactor } from "../../../src/util/redact.js";
import { FakeHub } from "../../support/fake-hub.js";
import { bertModel } from "../../support/hub-models.js";
import { snapshotOf } from "../../support/snapshots.js";
import { useTempDirs } from "../../support/temp-dir.js";

const tempDir = useTempDirs();
const BERT = "google-bert/bert-base-uncased";
const BERT_SHA = "86b5e0934494bd15c9632b12f734a8a67f723594";
const TOKEN = "corp-internal-rt-TOKEN-7f3a";
let hub: FakeHub;

beforeEach(async () => {
  hub = FakeHub.of([bertModel()]);
  await hub.start();
});
afterEach(() => hub.stop());

function options(cache: FsSnapshotStore | null, notices: string[] = [], offline = false) {
  return {
    hub: { endpoint: hub.url, timeoutMs: 5000 },
    cache,
    offline,
    onNotice: (message: string) => void notices.push(message),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map((file) => join(dir, String(file)));
}

describe("malformed cache entries are misses, fetched again (L1)", () => {
  it.each([
    ["a snapshot with only its sha", { cacheVersion: CACHE_VERSION, withToken: false, snapshot: { sha: BERT_SHA } }],
    ["texts: null", "texts-null"],
    ["a traversal id", "bad-id"],
  ])("%s", async (_name, replacement) => {
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const warm = await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    const path = cache.snapshotPath(BERT, BERT_SHA);
    const entry = JSON.parse(readFileSync(path, "utf8"));
    const broken =
      replacement === "texts-null"
        ? { ...entry, snapshot: { ...entry.snapshot, texts: null } }
        : replacement === "bad-id"
          ? { ...entry, snapshot: { ...entry.snapshot, id: "../../etc" } }
          : replacement;
    writeFileSync(path, JSON.stringify(broken));
    hub.requests.length = 0;
    const again = await acquireSnapshot({ id: BERT, revision: BERT_SHA }, options(cache));
    expect(again.texts).toEqual(warm.texts);
    expect(hub.requests).toHaveLength(3);
  });

  it.each([
    [{ ancestors: "x", complete: true }],
    [{ ancestors: [null], complete: true }],
    [{ ancestors: [{ id: "a/b" }], complete: true }],
  ])("a lineage of %j", async (lineage) => {
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const snapshot = await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    const path = join(dirname(cache.snapshotPath(BERT, BERT_SHA)), `lineage-${BERT_SHA}.json`);
    // Read back while well formed, so the miss below is the malformed lineage's, not a path nobody reads.
    writeFileSync(path, JSON.stringify({ cacheVersion: CACHE_VERSION, lineage: { ancestors: [], complete: true } }));
    expect(await cache.readLineage(BERT, BERT_SHA)).toEqual({ ancestors: [], complete: true });
    writeFileSync(path, JSON.stringify({ cacheVersion: CACHE_VERSION, lineage }));
    expect(await cache.readLineage(BERT, BERT_SHA)).toBeNull();
    const withParent: ModelSnapshot = { ...snapshot, tags: [...snapshot.tags, "base_model:finetune:org/missing"] };
    const read = await acquireLineage(withParent, { ...options(cache), maxDepth: 8, concurrency: 2 });
    expect(read.ancestors.map((ancestor) => [ancestor.id, ancestor.unavailable?.reason])).toEqual([
      ["org/missing", "repo-not-found"],
    ]);
  });

  it("a ref whose sha is a path is a miss, not a file to look for", async () => {
    const cacheDir = tempDir();
    const cache = new FsSnapshotStore(cacheDir, hub.url);
    await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    const ref = filesUnder(cacheDir).find((file) => file.endsWith("ref-main.json"))!;
    writeFileSync(
      ref,
      JSON.stringify({
        cacheVersion: CACHE_VERSION,
        sha: "../../../../../../../../etc/passwd",
        resolvedAt: "2026-12-01T00:00:00.000Z",
      }),
    );
    const error = await acquireSnapshot({ id: BERT, revision: null }, options(cache, [], true)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).message).toContain('does not know which commit "main" is');
  });

  it.each(["/dev/zero", "fifo"])("an entry that is %s is a miss at once, not a read without end", async (target) => {
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    const path = cache.snapshotPath(BERT, BERT_SHA);
    rmSync(path);
    if (target === "fifo") execFileSync("mkfifo", [path]);
    else symlinkSync(target, path);
    expect(await cache.readSnapshot(BERT, BERT_SHA, false)).toBeNull();
  });
});

describe("entries a build sealed (entry-seal.ts)", () => {
  const BUILD = "a".repeat(64);
  const OTHER = "b".repeat(64);

  it("are read back by that build unchecked, as written, and by any other store checked in full", async () => {
    const cache = new FsSnapshotStore(tempDir(), hub.url, { build: BUILD });
    const written = await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    const text = readFileSync(cache.snapshotPath(BERT, BERT_SHA), "utf8");
    expect(text.startsWith(`lic-cache-entry ${BUILD} `)).toBe(true);
    expect(await cache.readSnapshot(BERT, BERT_SHA, false)).toEqual(written);
    const unsealed = new FsSnapshotStore(cache.dir, hub.url);
    expect(await unsealed.readSnapshot(BERT, BERT_SHA, false)).toEqual(written);
    // Another build checks it in full once, and seals it for itself.
    const other = new FsSnapshotStore(cache.dir, hub.url, { build: OTHER });
    expect(await other.readSnapshot(BERT, BERT_SHA, false)).toEqual(written);
    expect(readFileSync(cache.snapshotPath(BERT, BERT_SHA), "utf8").startsWith(`lic-cache-entry ${OTHER} `)).toBe(true);
    expect(await other.readSnapshot(BERT, BERT_SHA, false)).toEqual(written);
  });

  it("edited since, or sealed by another build: checked in full, and a miss when malformed", async () => {
    const cache = new FsSnapshotStore(tempDir(), hub.url, { build: BUILD });
    await acquireSnapshot({ id: BERT, revision: null }, options(cache));
    const path = cache.snapshotPath(BERT, BERT_SHA);
    const [header, json] = readFileSync(path, "utf8").split(/\n(.*)/s) as [string, string];
    const malformed = JSON.stringify({ ...JSON.parse(json), snapshot: { sha: BERT_SHA } });
    writeFileSync(path, `${header}\n${malformed}`);
    expect(await cache.readSnapshot(BERT, BERT_SHA, false)).toBeNull();
    writeFileSync(path, seal(malformed, OTHER));
    expect(await cache.readSnapshot(BERT, BERT_SHA, false)).toBeNull();
    hub.requests.length = 0;
    await acquireSnapshot({ id: BERT, revision: BERT_SHA }, options(cache));
    expect(hub.requests).toHaveLength(3);
  });

  it("seal, openSeal and withoutSeal", () => {
    const json = '{"cacheVersion":1}';
    const sealed = seal(json, BUILD);
    expect(openSeal(sealed, BUILD)).toBe(json);
    expect(openSeal(sealed, OTHER)).toBeNull();
    expect(openSeal(sealed.replace("1}", "2}"), BUILD)).toBeNull();
    expect(openSeal(json, BUILD)).toBeNull();
    expect(openSeal(`lic-cache-entry ${BUILD} `, BUILD)).toBeNull();
    expect(withoutSeal(sealed)).toBe(json);
    expect(withoutSeal(json)).toBe(json);
  });
});

describe("cache files are private and hold no secret (M5)", () => {
  it("writes files 0600 in directories 0700, at every level it creates", async () => {
    const base = tempDir();
    const cacheDir = join(base, "new", "cache");
    await acquireSnapshot({ id: BERT, revision: null }, options(new FsSnapshotStore(cacheDir, hub.url)));
    const created = [join(base, "new"), ...[cacheDir, ...filesUnder(cacheDir)]];
    for (const path of created) {
      const info = statSync(path);
      expect([path, info.mode & 0o777]).toEqual([path, info.isDirectory() ? 0o700 : 0o600]);
    }
  });

  it("scrubs a token from an entry before writing it, and leaves credential-like words of license texts alone", async () => {
    const cacheDir = tempDir();
    const cache = new FsSnapshotStore(cacheDir, hub.url, { redact: createRedactor([TOKEN]) });
    const snapshot = await acquireSnapshot({ id: BERT, revision: null }, options(null));
    const gpl = "2. Basic Permissions.\nAll rights granted under this License";
    const tainted: ModelSnapshot = {
      ...snapshot,
      texts: [{ ...snapshot.texts[0]!, text: gpl }],
      gaps: [
        { path: "NOTICE", role: "notice", reason: "gated", status: 403, detail: `Access denied for Bearer ${TOKEN}` },
      ],
    };
    await cache.writeSnapshot(tainted, true);
    await cache.writeLineage(BERT, BERT_SHA, {
      ancestors: [
        {
          id: "a/b",
          sha: null,
          relation: "finetune",
          depth: 1,
          parent: BERT,
          licenses: [],
          unavailable: { reason: "forbidden", message: `token rejected: ${TOKEN}` },
        },
      ],
      complete: true,
    });
    for (const file of filesUnder(cacheDir).filter((path) => path.endsWith(".json")))
      expect(readFileSync(file, "utf8"), file).not.toContain(TOKEN);
    const read = await cache.readSnapshot(BERT, BERT_SHA, true);
    expect(read?.gaps[0]?.detail).toBe("Access denied for Bearer [token]");
    expect(read?.texts[0]?.text).toBe(gpl);
    expect((await cache.readLineage(BERT, BERT_SHA))?.ancestors[0]?.unavailable?.message).toBe(
      "token rejected: [token]",
    );
  });
});

describe("an impossible cache dir (L11)", () => {
  it("/proc/self/x: a notice, and the run goes on uncached (Node's recursive mkdir loops forever there)", async () => {
    const notices: string[] = [];
    const snapshot = await acquireSnapshot(
      { id: BERT, revision: null },
      options(new FsSnapshotStore("/proc/self/x", hub.url), notices),
    );
    expect(snapshot.sha).toBe(BERT_SHA);
    expect(notices).toEqual([
      expect.stringMatching(/^could not write the cache at \/proc\/self\/x: cannot create \/proc\/self\/x: /),
    ]);
  });

  it("a cache dir below a file: a notice", async () => {
    const file = join(tempDir(), "file");
    writeFileSync(file, "");
    const notices: string[] = [];
    await acquireSnapshot(
      { id: BERT, revision: null },
      options(new FsSnapshotStore(join(file, "cache"), hub.url), notices),
    );
    expect(notices).toEqual([expect.stringContaining(`could not write the cache at ${join(file, "cache")}`)]);
  });
});

describe("writes are blocking", () => {
  it("an entry is on disk, whole, when the call that writes it returns, before its promise is awaited", async () => {
    const cache = new FsSnapshotStore(tempDir(), hub.url);
    const snapshot = snapshotOf({ id: BERT, sha: BERT_SHA });
    const writing = cache.writeSnapshot(snapshot, false);
    void cache.writeResult("f".repeat(64), { model: BERT } as CheckResult);
    const files = filesUnder(cache.dir);
    expect(files.filter((file) => file.endsWith(".json"))).toHaveLength(2);
    expect(files.filter((file) => file.endsWith(".tmp"))).toEqual([]);
    await writing;
    expect(await cache.readSnapshot(BERT, BERT_SHA, false)).toEqual(snapshot);
  });
});

describe("folders removed while lic runs", () => {
  it("are made again for the next entry (a user clearing the cache mid-run loses nothing of the run)", async () => {
    const dir = tempDir();
    const cache = new FsSnapshotStore(dir, hub.url);
    await cache.writeSnapshot(snapshotOf({ id: BERT, sha: BERT_SHA }), false);
    rmSync(dir, { recursive: true });
    const other = "0".repeat(40);
    const snapshot = snapshotOf({ id: BERT, sha: other });
    await cache.writeSnapshot(snapshot, false);
    expect(await cache.readSnapshot(BERT, other, false)).toEqual(snapshot);
    expect(statSync(dirname(cache.snapshotPath(BERT, other))).mode & 0o777).toBe(0o700);
  });
});
