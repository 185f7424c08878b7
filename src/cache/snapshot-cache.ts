import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ModelSnapshot } from "../types.js";

/** Bumped when the stored shape changes; older entries are then ignored, not misread. */
const CACHE_VERSION = 1;

interface CachedSnapshot {
  cacheVersion: typeof CACHE_VERSION;
  /** Whether a token was sent: a gated file unreadable without one may be readable with one. */
  withToken: boolean;
  snapshot: ModelSnapshot;
}

interface CachedRef {
  cacheVersion: typeof CACHE_VERSION;
  sha: string;
  /** When the revision was last resolved, so --offline can say how old its answer is. */
  resolvedAt: string;
}

/**
 * Snapshots on disk, keyed by endpoint, model and commit sha. A repo at a commit does not change, so an entry
 * never goes stale; branch and tag names are kept apart (refs/) and only --offline trusts them.
 * Layout: <dir>/v1/<endpoint digest>/models--<org>--<name>/{snapshots/<sha>.json, refs/<revision>.json}.
 * Writes go to a temporary file renamed into place, so a reader sees a whole entry or none.
 */
export class SnapshotCache {
  private readonly root: string;

  constructor(
    readonly dir: string,
    endpoint: string,
  ) {
    const endpointDigest = createHash("sha256").update(endpoint).digest("hex").slice(0, 16);
    this.root = join(dir, `v${CACHE_VERSION}`, endpointDigest);
  }

  /** The snapshot at `sha`, unless it has access gaps that the token we now hold might fill. */
  async readSnapshot(repoId: string, sha: string, withToken: boolean): Promise<ModelSnapshot | null> {
    const entry = await this.readJson<CachedSnapshot>(this.snapshotPath(repoId, sha));
    if (!entry || entry.snapshot?.sha !== sha) return null;
    const hasAccessGaps = entry.snapshot.gaps.some((gap) => gap.reason === "gated" || gap.reason === "unauthorized");
    if (hasAccessGaps && withToken && !entry.withToken) return null;
    return entry.snapshot;
  }

  /** Stores a snapshot under every id it answers to; snapshots with transient gaps are not stored. */
  async writeSnapshot(snapshot: ModelSnapshot, withToken: boolean): Promise<void> {
    if (snapshot.gaps.some((gap) => gap.reason === "error")) return;
    const entry: CachedSnapshot = { cacheVersion: CACHE_VERSION, withToken, snapshot };
    for (const repoId of new Set([snapshot.id, snapshot.requestedId])) {
      await this.writeJson(this.snapshotPath(repoId, snapshot.sha), entry);
    }
  }

  /** A model's resolved lineage at a commit: its ancestors pinned to the commits they had when first resolved. */
  async readLineage<T>(repoId: string, sha: string): Promise<T | null> {
    const entry = await this.readJson<{ cacheVersion: number; lineage: T }>(join(this.modelDir(repoId), "lineage", `${sha}.json`));
    return entry?.lineage ?? null;
  }

  async writeLineage(repoId: string, sha: string, lineage: unknown): Promise<void> {
    await this.writeJson(join(this.modelDir(repoId), "lineage", `${sha}.json`), { cacheVersion: CACHE_VERSION, lineage });
  }

  async readRef(repoId: string, revision: string): Promise<CachedRef | null> {
    return this.readJson<CachedRef>(this.refPath(repoId, revision));
  }

  async writeRef(repoId: string, revision: string, sha: string, now: Date): Promise<void> {
    const entry: CachedRef = { cacheVersion: CACHE_VERSION, sha, resolvedAt: now.toISOString() };
    await this.writeJson(this.refPath(repoId, revision), entry);
  }

  /** Where the snapshot of `repoId` at `sha` would be, for messages that tell the user what is missing. */
  snapshotPath(repoId: string, sha: string): string {
    return join(this.modelDir(repoId), "snapshots", `${sha}.json`);
  }

  private refPath(repoId: string, revision: string): string {
    return join(this.modelDir(repoId), "refs", `${encodeURIComponent(revision)}.json`);
  }

  /** The Python client's folder naming (`models--org--name`); ids were validated, so no traversal is possible. */
  private modelDir(repoId: string): string {
    return join(this.root, `models--${repoId.split("/").join("--")}`);
  }

  private async readJson<T extends { cacheVersion: number }>(path: string): Promise<T | null> {
    try {
      const value = JSON.parse(await readFile(path, "utf8")) as T;
      return value && value.cacheVersion === CACHE_VERSION ? value : null;
    } catch {
      // Missing, unreadable or half-written by a crashed older version: a miss, fetched again.
      return null;
    }
  }

  private async writeJson(path: string, value: unknown): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
