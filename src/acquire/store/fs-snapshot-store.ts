import { hash } from "node:crypto";
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import type { CheckResult } from "../../types/result.js";
import type { Lineage, ModelSnapshot } from "../../types/snapshot.js";
import type { TrainingData } from "../../types/training-data.js";
import { noSecrets, type Redactor } from "../../util/redact.js";
import type {
  CachedLineage,
  CachedRef,
  CachedResult,
  CachedSnapshot,
  CachedTrainingData,
  EntryKind,
} from "./cache-entries.js";
import { CACHE_VERSION } from "./cache-version.js";
import { openSeal, seal, withoutSeal } from "./entry-seal.js";
import type { SnapshotStore, StoredRepoType } from "./snapshot-store.js";

/** Larger than any entry lic writes (metadata is bounded at 32 MiB, evidence at 12 files of 1 MiB): anything larger is not ours. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** Directory levels created at most for one entry: a cache dir deeper than this below an existing one is refused. */
const MAX_NEW_LEVELS = 32;

export interface FsSnapshotStoreOptions {
  /** Scrubs the tokens in play from every entry before it is written: an upstream may echo one into a message. */
  redact?: Redactor;
  /**
   * This build's identity (cli/build-id.ts): its entries are sealed (entry-seal.ts) and read back unchecked while
   * intact. Without it (lic from its sources, the tests) every entry is checked as it is read.
   */
  build?: string | null;
}

/**
 * The snapshot store on disk (the SnapshotStore port), keyed by endpoint, model and commit sha. A repo at a commit
 * does not change, so an entry never goes stale; branch and tag names are kept apart (ref-*) and only --offline
 * trusts them. Layout: <dir>/v2/<endpoint digest>/models--<org>--<name>/{snapshot-<sha>, lineage-<sha>,
 * training-data-<sha>, ref-<revision>}.json, datasets--<org>--<name>/ beside them for datasets (which may share a
 * model's id), and results/<key>.json. One folder a repo: a folder cost some 120 us to create here against 45 for a
 * file, and v1's four a model (snapshots/, refs/, and results/ in 256 parts) were a tenth of a cold run.
 * Writes go to a temporary file renamed into place, so a reader sees a whole entry or none. Files are private to
 * the user (0600, in 0700 directories), and every entry is checked when read, unless this build sealed it and it is
 * intact (entry-seal.ts): anything else is a miss.
 * Entries are read and written with blocking calls: the check waits for each read anyway, and the promise API's
 * round trips through libuv's thread pool cost far more CPU than the calls themselves. Measured here, the 300 entries
 * (and 385 folders) of 100 cold models took 170-200 ms of the run through the pool, and 75 ms blocking; both about
 * 200 ms when the disk was still busy with a large removal just before (ext4 mounted with discard).
 */
export class FsSnapshotStore implements SnapshotStore {
  private readonly root: string;
  private readonly redact: Redactor;
  private readonly build: string | null;
  /**
   * Folders this store made (or found) in this process, the root among them, each made once: a run of 100 models
   * writes some 300 entries into some 100 folders. Below the root each is made after its parent, with one mkdir that
   * cannot fail for want of it (a failed mkdir is an error object, with its stack, and a retry).
   */
  private readonly folders = new Set<string>();

  constructor(
    readonly dir: string,
    endpoint: string,
    options: FsSnapshotStoreOptions = {},
  ) {
    const endpointDigest = hash("sha256", endpoint, "hex").slice(0, 16);
    this.root = join(dir, `v${CACHE_VERSION}`, endpointDigest);
    this.redact = options.redact ?? noSecrets;
    this.build = options.build ?? null;
  }

  get location(): string {
    return this.dir;
  }

  snapshotLocation(repoId: string, sha: string, repoType?: StoredRepoType): string {
    return this.snapshotPath(repoId, sha, repoType);
  }

  /** The snapshot at `sha`, unless it has access gaps that the token we now hold might fill. */
  async readSnapshot(
    repoId: string,
    sha: string,
    withToken: boolean,
    repoType?: StoredRepoType,
  ): Promise<ModelSnapshot | null> {
    const path = this.snapshotPath(repoId, sha, repoType);
    const entry = (await this.readEntry(path, "snapshot")) as CachedSnapshot | null;
    if (!entry || entry.snapshot.sha !== sha || entry.snapshot.repoType !== repoType) return null;
    const hasAccessGaps = entry.snapshot.gaps.some((gap) => gap.reason === "gated" || gap.reason === "unauthorized");
    if (hasAccessGaps && withToken && !entry.withToken) return null;
    return entry.snapshot;
  }

  /** Stores a snapshot under every id it answers to; snapshots with transient gaps are not stored. */
  async writeSnapshot(snapshot: ModelSnapshot, withToken: boolean): Promise<void> {
    if (snapshot.gaps.some((gap) => gap.reason === "error")) return;
    const entry: CachedSnapshot = { cacheVersion: CACHE_VERSION, withToken, snapshot };
    for (const repoId of new Set([snapshot.id, snapshot.requestedId])) {
      this.keep(this.snapshotPath(repoId, snapshot.sha, snapshot.repoType), entry);
    }
  }

  /** A model's resolved lineage at a commit: its ancestors pinned to the commits they had when first resolved. */
  async readLineage(repoId: string, sha: string): Promise<Lineage | null> {
    const entry = (await this.readEntry(this.lineagePath(repoId, sha), "lineage")) as CachedLineage | null;
    return entry?.lineage ?? null;
  }

  async writeLineage(repoId: string, sha: string, lineage: Lineage): Promise<void> {
    const entry: CachedLineage = { cacheVersion: CACHE_VERSION, lineage };
    this.keep(this.lineagePath(repoId, sha), entry);
  }

  /** A repo's training data at a commit, as the training-data walk left it complete. */
  async readTrainingData(repoId: string, sha: string, repoType?: StoredRepoType): Promise<TrainingData | null> {
    const path = this.trainingDataPath(repoId, sha, repoType);
    const entry = (await this.readEntry(path, "trainingData")) as CachedTrainingData | null;
    return entry?.trainingData ?? null;
  }

  async writeTrainingData(
    repoId: string,
    sha: string,
    trainingData: TrainingData,
    repoType?: StoredRepoType,
  ): Promise<void> {
    const entry: CachedTrainingData = { cacheVersion: CACHE_VERSION, trainingData };
    this.keep(this.trainingDataPath(repoId, sha, repoType), entry);
  }

  async readResult(key: string): Promise<CheckResult | null> {
    const entry = (await this.readEntry(this.resultPath(key), "result")) as CachedResult | null;
    return entry?.key === key ? entry.result : null;
  }

  async writeResult(key: string, result: CheckResult): Promise<void> {
    const entry: CachedResult = { cacheVersion: CACHE_VERSION, key, result };
    this.keep(this.resultPath(key), entry);
  }

  async readRef(repoId: string, revision: string, repoType?: StoredRepoType): Promise<CachedRef | null> {
    return (await this.readEntry(this.refPath(repoId, revision, repoType), "ref")) as CachedRef | null;
  }

  async writeRef(repoId: string, revision: string, sha: string, now: Date, repoType?: StoredRepoType): Promise<void> {
    const entry: CachedRef = { cacheVersion: CACHE_VERSION, sha, resolvedAt: now.toISOString() };
    this.keep(this.refPath(repoId, revision, repoType), entry);
  }

  /** Where the snapshot of `repoId` at `sha` would be, for messages that tell the user what is missing. */
  snapshotPath(repoId: string, sha: string, repoType?: StoredRepoType): string {
    return join(this.repoDir(repoId, repoType), `snapshot-${sha}.json`);
  }

  /** Results by the digest of their inputs, in one folder (ext4 and its kin index a large one). */
  private resultPath(key: string): string {
    return join(this.root, "results", `${key}.json`);
  }

  private lineagePath(repoId: string, sha: string): string {
    return join(this.repoDir(repoId, undefined), `lineage-${sha}.json`);
  }

  private trainingDataPath(repoId: string, sha: string, repoType: StoredRepoType): string {
    return join(this.repoDir(repoId, repoType), `training-data-${sha}.json`);
  }

  private refPath(repoId: string, revision: string, repoType: StoredRepoType): string {
    return join(this.repoDir(repoId, repoType), `ref-${encodeURIComponent(revision)}.json`);
  }

  /**
   * The Python client's folder naming (`models--org--name`, `datasets--org--name`); ids were validated, so no
   * traversal is possible.
   */
  private repoDir(repoId: string, repoType: StoredRepoType): string {
    const kind = repoType === "dataset" ? "datasets" : "models";
    return join(this.root, `${kind}--${repoId.split("/").join("--")}`);
  }

  private async readEntry(path: string, kind: EntryKind): Promise<unknown> {
    const text = readRegularFile(path, MAX_ENTRY_BYTES);
    if (text === null) return null;
    try {
      const intact = this.build === null ? null : openSeal(text, this.build);
      if (intact !== null) return JSON.parse(intact);
      // The schemas are loaded only for an entry that needs them: a warm run of this build reads none.
      const { ENTRY_SCHEMAS } = await import("./cache-entries.js");
      const parsed = ENTRY_SCHEMAS[kind].safeParse(JSON.parse(withoutSeal(text)));
      if (!parsed.success) return null;
      // Sealed anew, so this build checks it once: entries of an older build would otherwise be checked on every run.
      if (this.build !== null) this.keepQuietly(path, parsed.data);
      return parsed.data;
    } catch {
      // Half-written by a crashed older version, or not JSON: a miss, fetched again.
      return null;
    }
  }

  /** Writes an entry at once: the port's write methods call it without awaiting anything first. */
  private keep(path: string, entry: unknown): void {
    let text = JSON.stringify(entry);
    if (this.redact.holdsSecret(text)) text = JSON.stringify(this.redact.deepSecrets(entry));
    if (this.build !== null) text = seal(text, this.build);
    try {
      this.writeFileNow(path, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      // Folders made earlier in the run and removed since: made again, once.
      this.folders.clear();
      this.writeFileNow(path, text);
    }
  }

  /** An entry sealed anew as it is read: a failure only means it is checked again next time. */
  private keepQuietly(path: string, entry: unknown): void {
    try {
      this.keep(path, entry);
    } catch {
      // Read-only or full: the entry read is still good.
    }
  }

  /** Writes `text` to a temporary file beside `path`, then renames it into place. */
  private writeFileNow(path: string, text: string): void {
    this.folder(dirname(path));
    // Unique among this process's writes (the count) and every other process's (the pid).
    const temporary = `${path}.${process.pid}.${++written}.tmp`;
    try {
      writeFileSync(temporary, text, { mode: 0o600 });
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Makes `folder` (the root, or a folder below it) unless this store has; the root as makeDirectory does, bounded
   * and level by level. A failure is not remembered: the next write tries again.
   */
  private folder(folder: string): void {
    if (this.folders.has(folder)) return;
    if (folder === this.root || !folder.startsWith(`${this.root}/`)) makeDirectory(folder);
    else {
      this.folder(dirname(folder));
      if (makeLevel(folder) === "missing-parent") throw folderGone(folder);
    }
    this.folders.add(folder);
  }
}

/** Temporary files named so far by this process. */
let written = 0;

/**
 * The text of a regular file of at most `maxBytes`, or null: missing, a directory, a device or FIFO (opened
 * non-blocking, so a FIFO with no writer cannot hang the read), or too large.
 */
function readRegularFile(path: string, maxBytes: number): string | null {
  // Most reads of a cold run are misses: asked first, they cost no error (an open that fails makes one, stack and all).
  if (!existsSync(path)) return null;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return null;
    const buffer = Buffer.alloc(info.size);
    const bytesRead = readSync(fd, buffer, 0, info.size, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates `path` and the missing levels above it, each 0700, one level at a time. Node's `mkdir({ recursive: true })`
 * loops forever where a parent exists but refuses children (`/proc/self/x`); here each level is tried once after its
 * parent exists, and at most MAX_NEW_LEVELS are created.
 */
export function makeDirectory(path: string, levelsLeft = MAX_NEW_LEVELS): void {
  if (makeLevel(path) === "made") return;
  const parent = dirname(path);
  if (parent === path || levelsLeft <= 0)
    throw new Error(`cannot create ${path}: too many missing directories above it`);
  makeDirectory(parent, levelsLeft - 1);
  if (makeLevel(path) === "missing-parent") throw new Error(`cannot create ${path}: its parent exists, but refuses it`);
}

/** One folder, 0700: made, or found made by another writer; or its parent is missing. */
function makeLevel(path: string): "made" | "missing-parent" {
  try {
    mkdirSync(path, { mode: 0o700 });
    return "made";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" && statSync(path).isDirectory()) return "made";
    if (code === "ENOENT") return "missing-parent";
    throw error;
  }
}

/** A folder's parent, made earlier in the run, is gone: ENOENT, which a write answers by making the folders again. */
function folderGone(folder: string): Error {
  return Object.assign(new Error(`cannot create ${folder}: its parent was removed`), { code: "ENOENT" });
}
