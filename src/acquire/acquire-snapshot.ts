import { isCommitSha, type ModelRef } from "../types/repo-ref.js";
import type { ModelSnapshot } from "../types/snapshot.js";
import type { FetchSnapshotOptions } from "./hub/fetch-model-snapshot.js";
import { HubError } from "./hub/hub-error.js";
import type { ReadOnce } from "./read-once.js";
import { keepInCache } from "./store/keep-in-cache.js";
import type { SnapshotStore } from "./store/snapshot-store.js";

export interface AcquireOptions {
  hub: FetchSnapshotOptions;
  /** Where snapshots are kept between runs (the file system today); null: none at all. */
  cache: SnapshotStore | null;
  /** Answer from the cache only; a miss is a HubError of kind `offline-miss`. */
  offline: boolean;
  now?: () => Date;
  /** Non-fatal news for stderr: a stale offline ref, a cache that could not be written. */
  onNotice?: (message: string) => void;
  /** A run's reads of default branches (ancestors, datasets, generators), each made once (read-once.ts). */
  readOnce?: ReadOnce;
}

/** The revision the Hub and the Python client read when none is given. */
export const DEFAULT_REVISION = "main";

/**
 * The snapshot of one model (or dataset, by `ref.repoType`), from the cache when the commit is known and cached,
 * else from the Hub. A pinned sha that is cached costs no request; a branch costs one metadata request to learn its sha.
 */
export async function acquireSnapshot(ref: ModelRef, options: AcquireOptions): Promise<ModelSnapshot> {
  const revision = ref.revision ?? DEFAULT_REVISION;
  const { cache } = options;
  const { repoType } = ref;
  const withToken = Boolean(options.hub.token);
  const asRequested = (snapshot: ModelSnapshot): ModelSnapshot => ({
    ...snapshot,
    requestedId: ref.id,
    requestedRevision: revision,
  });

  if (cache && isCommitSha(revision)) {
    const cached = await cache.readSnapshot(ref.id, revision, withToken && !options.offline, repoType);
    if (cached) return asRequested(cached);
  }
  if (options.offline) return asRequested(await readOffline(ref, revision, cache, options));

  // Loaded on demand: the Hub client and its schema cost ~100 ms of start-up that a warm, pinned check never needs.
  const { fetchModelInfo, fetchEvidence } = await import("./hub/fetch-model-snapshot.js");
  const hub = { ...options.hub, repoType };
  const info = await fetchModelInfo(ref.id, revision, hub);
  const cached = cache ? await cache.readSnapshot(info.name, info.sha, withToken, repoType) : null;
  const snapshot = cached ? asRequested(cached) : await fetchEvidence(ref.id, revision, info, hub);
  if (cache) {
    await keepInCache(cache, options.onNotice, async (store) => {
      if (!cached) await store.writeSnapshot(snapshot, withToken);
      if (!isCommitSha(revision))
        await store.writeRef(ref.id, revision, snapshot.sha, (options.now ?? (() => new Date()))(), repoType);
    });
  }
  return snapshot;
}

async function readOffline(
  { id: repoId, repoType }: ModelRef,
  revision: string,
  cache: SnapshotStore | null,
  options: AcquireOptions,
): Promise<ModelSnapshot> {
  const where = `${repoId}@${revision}`;
  if (!cache)
    throw new HubError("offline-miss", `${where}: --offline needs the cache, and the cache is turned off`, { repoId });
  let sha = revision;
  if (!isCommitSha(revision)) {
    const ref = await cache.readRef(repoId, revision, repoType);
    if (!ref) {
      throw new HubError(
        "offline-miss",
        `${where}: offline, and the cache at ${cache.location} does not know which commit "${revision}" is; run once without --offline, or pin a commit sha`,
        { repoId },
      );
    }
    sha = ref.sha;
    options.onNotice?.(`${where}: offline: using commit ${sha}, which "${revision}" pointed to at ${ref.resolvedAt}`);
  }
  const cached = await cache.readSnapshot(repoId, sha, false, repoType);
  if (!cached) {
    throw new HubError(
      "offline-miss",
      `${where}: offline, and the cache has no snapshot at commit ${sha} (looked for ${cache.snapshotLocation(repoId, sha, repoType)}); run once without --offline to fill it`,
      { repoId },
    );
  }
  return cached;
}
