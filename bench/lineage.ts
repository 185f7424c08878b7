/**
 * Lineage: a 5-deep chain where every model is a 3-way merge, read cold and warm through the same fake Hub; requests
 * per ancestor beside the goal (one metadata request each cold, none warm at a pinned commit).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { acquireLineage } from "../src/acquire/acquire-lineage.js";
import { acquireSnapshot } from "../src/acquire/acquire-snapshot.js";
import { FsSnapshotStore } from "../src/acquire/store/fs-snapshot-store.js";
import type { JsonObject } from "../src/types/snapshot.js";
import { FakeHub, type FakeModel } from "../test/support/fake-hub.js";

const DEPTH = 5;
const FAN_IN = 3;

/** Level 0 is the model checked; each model at level d merges FAN_IN models of level d+1 (shared, so a diamond lattice). */
function lattice(): FakeModel[] {
  const models: FakeModel[] = [];
  for (let level = 0; level <= DEPTH; level++) {
    const width = level === 0 ? 1 : FAN_IN;
    for (let index = 0; index < width; index++) {
      const parents =
        level < DEPTH ? Array.from({ length: FAN_IN }, (_, parent) => `bench/l${level + 1}-${parent}`) : [];
      const info: JsonObject = {
        _id: `l${level}-${index}`,
        id: `bench/l${level}-${index}`,
        sha: (level * 16 + index + 1).toString(16).padStart(40, "0"),
        tags: [
          `license:${level === DEPTH ? "llama3.1" : "mit"}`,
          ...parents.map((parent) => `base_model:merge:${parent}`),
        ],
        cardData: {
          license: level === DEPTH ? "llama3.1" : "mit",
          ...(parents.length > 0 ? { base_model: parents } : {}),
        },
        siblings: [],
      };
      models.push({ info, files: {} });
    }
  }
  return models;
}

export async function benchLineage(): Promise<void> {
  const models = lattice();
  const hub = FakeHub.of(models);
  await hub.start();
  const cacheDir = mkdtempSync(join(tmpdir(), "lic-bench-lineage-"));
  try {
    const cache = new FsSnapshotStore(cacheDir, hub.url);
    const options = { hub: { endpoint: hub.url, timeoutMs: 10_000 }, cache, offline: false };
    const root = String(models[0]!.info["sha"]);
    const run = async (revision: string | null) => {
      hub.requests.length = 0;
      const start = performance.now();
      const snapshot = await acquireSnapshot({ id: "bench/l0-0", revision }, options);
      const lineage = await acquireLineage(snapshot, { ...options, maxDepth: 8, concurrency: 8 });
      const ms = performance.now() - start;
      const ancestorRequests = hub.requests.filter((request) => !request.path.includes("/l0-0")).length;
      return { ms, ancestors: lineage.ancestors.length, ancestorRequests };
    };
    const cold = await run(null);
    const warm = await run(root);
    console.log(`lineage: ${DEPTH}-deep chain of ${FAN_IN}-way merges (${cold.ancestors} ancestors)\n`);
    const perAncestor = cold.ancestorRequests / cold.ancestors;
    console.log(
      `${"requests per ancestor, cold".padEnd(46)} ${perAncestor.toFixed(2).padStart(12)}   goal <= 1      ${perAncestor <= 1 ? "(met)" : "(MISSED)"}`,
    );
    console.log(
      `${"requests per ancestor, warm at a pinned sha".padEnd(46)} ${(warm.ancestorRequests / warm.ancestors).toFixed(2).padStart(12)}   goal 0         ${warm.ancestorRequests === 0 ? "(met)" : "(MISSED)"}`,
    );
    console.log(`${"wall time, cold".padEnd(46)} ${`${cold.ms.toFixed(0)} ms`.padStart(12)}`);
    console.log(
      `${"wall time, warm".padEnd(46)} ${`${warm.ms.toFixed(1)} ms`.padStart(12)}   ${(cold.ms / warm.ms).toFixed(0)}x faster than cold`,
    );
  } finally {
    await hub.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
