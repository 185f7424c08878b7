import type { SnapshotStore } from "./snapshot-store.js";

/**
 * Writes to the cache, and says so when it cannot (a full disk, a read-only home): a cache that fails is news for
 * stderr, never a failed check, since what was to be kept is in hand. The disk store writes with blocking calls, so
 * a write is done when its promise settles, one turn later.
 */
export async function keepInCache(
  cache: SnapshotStore,
  onNotice: ((message: string) => void) | undefined,
  write: (cache: SnapshotStore) => Promise<void>,
): Promise<void> {
  try {
    await write(cache);
  } catch (error) {
    onNotice?.(
      `could not write the cache at ${cache.location}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
