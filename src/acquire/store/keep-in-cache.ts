import type { SnapshotStore } from "./snapshot-store.js";

/**
 * Writes to the cache without the check waiting for it, and says so when it cannot (a full disk, a read-only home):
 * a cache that fails is news for stderr, never a failed check, since what was to be kept is in hand. The disk store
 * writes at once; a store whose writes wait for the event loop (a network one) must not hold a model's place in the
 * run's concurrency meanwhile. A run waits for every write it began (`SnapshotStore.settled`) before it ends.
 */
export function keepInCache(
  cache: SnapshotStore,
  onNotice: ((message: string) => void) | undefined,
  write: (cache: SnapshotStore) => Promise<void>,
): void {
  write(cache).catch((error: unknown) =>
    onNotice?.(
      `could not write the cache at ${cache.location}: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
}
