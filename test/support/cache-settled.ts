import type { SnapshotStore } from "../../src/acquire/store/snapshot-store.js";

/**
 * An acquisition as a test reads it: resolved (or rejected) once the cache writes it began have ended. Acquisition
 * writes the cache in the background (keep-in-cache.ts), and `lic check` waits for `settled()` before it ends; a test
 * that reads the cache's files, or opens the folder with a store of its own, waits the same way.
 */
export function settling<Args extends unknown[], Result>(
  acquire: (...args: Args) => Promise<Result>,
  cacheOf: (...args: Args) => SnapshotStore | null | undefined,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await acquire(...args);
    } finally {
      await cacheOf(...args)?.settled();
    }
  };
}

/** The cache of an acquisition's options, its last argument. */
export function cacheOfOptions(...args: unknown[]): SnapshotStore | null | undefined {
  return (args.at(-1) as { cache?: SnapshotStore | null }).cache;
}
