import type { CheckResult } from "../../types/result.js";
import type { Lineage, ModelSnapshot } from "../../types/snapshot.js";
import type { TrainingData } from "../../types/training-data.js";

/** `dataset` for a dataset repo: kept apart from models, as a dataset and a model may share an id. */
export type StoredRepoType = "dataset" | undefined;

/** What a branch or tag pointed to when it was last resolved; only --offline trusts it. */
export interface StoredRef {
  sha: string;
  /** ISO time of the resolution, so --offline can say how old its answer is. */
  resolvedAt: string;
}

/**
 * Where acquired snapshots are kept between runs, keyed by model and commit sha (a repo at a commit does not change,
 * so an entry never goes stale). The file system today (`FsSnapshotStore`); a shared store for gate replicas later.
 * A store scrubs the tokens in play from what it writes, and treats anything it cannot vouch for when reading as a
 * miss (null), never as an error: acquisition then reads the Hub again.
 */
export interface SnapshotStore {
  /** Where the store is, for messages that tell the user what is missing (a directory, a URL without credentials). */
  readonly location: string;
  /** The snapshot at `sha`, unless it has access gaps (gated, unauthorized) that a token now held might fill. */
  readSnapshot(
    repoId: string,
    sha: string,
    withToken: boolean,
    repoType?: StoredRepoType,
  ): Promise<ModelSnapshot | null>;
  /**
   * Under every id the snapshot answers to, apart by its `repoType`; a snapshot with transient gaps (`error`) is not
   * kept.
   */
  writeSnapshot(snapshot: ModelSnapshot, withToken: boolean): Promise<void>;
  /** A model's resolved lineage at a commit: its ancestors pinned to the commits they had when first resolved. */
  readLineage(repoId: string, sha: string): Promise<Lineage | null>;
  writeLineage(repoId: string, sha: string, lineage: Lineage): Promise<void>;
  /** A repo's training data at a commit: the datasets its cards name, pinned to the commits first resolved. */
  readTrainingData(repoId: string, sha: string, repoType?: StoredRepoType): Promise<TrainingData | null>;
  writeTrainingData(repoId: string, sha: string, trainingData: TrainingData, repoType?: StoredRepoType): Promise<void>;
  /** A check's result kept under the digest of its inputs (run/result-key.ts); null when none is. */
  readResult(key: string): Promise<CheckResult | null>;
  writeResult(key: string, result: CheckResult): Promise<void>;
  readRef(repoId: string, revision: string, repoType?: StoredRepoType): Promise<StoredRef | null>;
  writeRef(repoId: string, revision: string, sha: string, now: Date, repoType?: StoredRepoType): Promise<void>;
  /** Where the snapshot of `repoId` at `sha` would be kept, for the message of an offline miss. */
  snapshotLocation(repoId: string, sha: string, repoType?: StoredRepoType): string;
}
