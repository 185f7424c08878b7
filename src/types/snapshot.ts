/** What acquisition hands to the core: one repo at one commit, and its lineage. Plain, JSON-serialisable data. */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Why a file was read as license evidence. */
export type FileRole = "readme" | "license" | "notice" | "use-policy" | "license-link";

/** A file the repo ships, read at the snapshot's commit. `text` is at most the per-file cap. */
export interface SnapshotFile {
  path: string;
  role: FileRole;
  text: string;
  /** sha256 (hex) of the bytes read. */
  sha256: string;
  /** Bytes read (at most the cap). */
  bytes: number;
  /** True when the file is larger than the cap and only its head was read. */
  truncated: boolean;
}

/** Why evidence that should exist could not be read. */
export type GapReason =
  | "gated" // 401/403 with X-Error-Code: GatedRepo: the user has not been granted access
  | "unauthorized" // 401/403 for another reason (bad or missing token)
  | "not-found" // listed in the repo but answered 404
  | "not-text" // binary content
  | "error"; // the Hub failed (5xx, reset, timeout) after retries

export interface EvidenceGap {
  path: string;
  role: FileRole;
  reason: GapReason;
  /** HTTP status, where the Hub answered. */
  status?: number;
  detail: string;
}

/** Everything lic knows about one model at one commit. Acquired at the edge, checked by the pure core. */
export interface ModelSnapshot {
  /** `dataset` for a dataset repo (read from /api/datasets); absent for a model. */
  repoType?: "dataset";
  /** The id as the user wrote it (may be a legacy or renamed id). */
  requestedId: string;
  /** The revision as the user wrote it (branch, tag or sha); "main" when none was given. */
  requestedRevision: string;
  /** The Hub's canonical id, after renames. */
  id: string;
  /** The commit every other field was read at. */
  sha: string;
  /** The Hub's gating mode. Metadata of gated repos is public; their files may not be. */
  gated: false | "auto" | "manual";
  private: boolean;
  pipelineTag: string | null;
  libraryName: string | null;
  /** Hub-computed tags, e.g. `license:llama3`, `base_model:finetune:org/name`. */
  tags: string[];
  /** The README front matter as the Hub parsed it (`cardData`); null when the card has none. */
  cardData: JsonObject | null;
  /** The model's `config` summary (architectures, model_type) as the Hub gives it. */
  config: JsonObject | null;
  /** The `baseModels` expand field, raw (shape is not documented; lineage reads it). */
  baseModels: JsonValue | null;
  /** Every file path in the repo at `sha`. */
  files: string[];
  /** License evidence files read at `sha`. */
  texts: SnapshotFile[];
  /** Evidence that should have been read and was not. */
  gaps: EvidenceGap[];
}

/** One ancestor of a model, pinned to its own commit (null when it could not be read). */
export interface Ancestor {
  id: string;
  sha: string | null;
  relation: "finetune" | "quantized" | "adapter" | "merge";
  /** 1 for a parent, 2 for a grandparent… */
  depth: number;
  /** The model it is a parent of. */
  parent: string;
  /** Its license ids, as its own metadata declares them (filled by the core). */
  licenses: string[];
  /** Its metadata, as acquired (not in reports). */
  snapshot?: ModelSnapshot;
  /** Why it could not be read: not found, private, gated, a cycle, beyond --max-depth, a Hub failure. */
  unavailable: { reason: string; message: string } | null;
}

/** A model's ancestry along `base_model`, to its roots. */
export interface Lineage {
  ancestors: Ancestor[];
  /** False when an ancestor could not be read for a reason that may pass (the lineage is then not cached), or offline. */
  complete: boolean;
}
