import * as z from "zod";
import type { Evidence } from "../../types/finding.js";
import { COMMIT_SHA, parseModelRef } from "../../types/repo-ref.js";
import type { CheckResult } from "../../types/result.js";
import type { JsonObject, JsonValue, Lineage, ModelSnapshot } from "../../types/snapshot.js";
import type { TrainingData } from "../../types/training-data.js";
import { CACHE_VERSION } from "./cache-version.js";

/**
 * The shapes the cache stores, checked when read back: a file edited by hand, written by another version or
 * tampered with must read as a miss (and be fetched again), never crash a check deep in the core.
 */

const modelId = z.string().refine((id) => {
  const parsed = parseModelRef(id);
  return parsed.ok && parsed.ref.revision === null;
}, "a model id");
const commitSha = z.string().regex(COMMIT_SHA, "a 40-hex commit sha");
const jsonValue = z.custom<JsonValue>(() => true);
const jsonObject = z.custom<JsonObject>(
  (value) => value !== null && typeof value === "object" && !Array.isArray(value),
);
const fileRole = z.enum(["readme", "license", "notice", "use-policy", "license-link"]);

const SnapshotSchema = z.object({
  repoType: z.literal("dataset").optional(),
  requestedId: modelId,
  requestedRevision: z.string(),
  id: modelId,
  sha: commitSha,
  gated: z.union([z.literal(false), z.literal("auto"), z.literal("manual")]),
  private: z.boolean(),
  pipelineTag: z.string().nullable(),
  libraryName: z.string().nullable(),
  tags: z.array(z.string()),
  cardData: jsonObject.nullable(),
  config: jsonObject.nullable(),
  baseModels: jsonValue.nullable(),
  files: z.array(z.string()),
  texts: z.array(
    z.object({
      path: z.string(),
      role: fileRole,
      text: z.string(),
      sha256: z.string(),
      bytes: z.number(),
      truncated: z.boolean(),
    }),
  ),
  gaps: z.array(
    z.object({
      path: z.string(),
      role: fileRole,
      reason: z.enum(["gated", "unauthorized", "not-found", "not-text", "error"]),
      status: z.number().optional(),
      detail: z.string(),
    }),
  ),
});

const AncestorSchema = z.object({
  id: z.string(),
  sha: commitSha.nullable(),
  relation: z.enum(["finetune", "quantized", "adapter", "merge"]),
  depth: z.number().int().min(1),
  parent: z.string(),
  licenses: z.array(z.string()),
  snapshot: SnapshotSchema.optional(),
  unavailable: z.object({ reason: z.string(), message: z.string() }).nullable(),
});

const unavailable = z.object({ reason: z.string(), message: z.string() }).nullable();
/** Evidence is written by lic and only reported; its shape is the core's to read, so only its kind is checked. */
const evidence = z.custom<Evidence>(
  (value) => value !== null && typeof value === "object" && typeof (value as { source?: unknown }).source === "string",
);

const GeneratorModelSchema = z.object({
  id: z.string(),
  sha: commitSha.nullable(),
  evidence: z.array(evidence),
  snapshot: SnapshotSchema.optional(),
  unavailable,
});

const DatasetLinkSchema = z.object({
  id: z.string(),
  sha: commitSha.nullable(),
  declaredBy: z.object({ kind: z.enum(["model", "dataset"]), id: z.string(), sha: commitSha }),
  via: z.enum(["datasets", "source_datasets"]),
  depth: z.number().int().min(1),
  evidence: z.array(evidence),
  snapshot: SnapshotSchema.optional(),
  unavailable,
  generators: z.array(GeneratorModelSchema).optional(),
});

const version = z.literal(CACHE_VERSION);

export const CachedSnapshotSchema = z.object({
  cacheVersion: version,
  withToken: z.boolean(),
  snapshot: SnapshotSchema,
});
export const CachedLineageSchema = z.object({
  cacheVersion: version,
  lineage: z.object({ ancestors: z.array(AncestorSchema), complete: z.boolean() }),
});
export const CachedTrainingDataSchema = z.object({
  cacheVersion: version,
  trainingData: z.object({ datasets: z.array(DatasetLinkSchema), complete: z.boolean() }),
});
export const CachedRefSchema = z.object({ cacheVersion: version, sha: commitSha, resolvedAt: z.string() });
/**
 * A check's result, under the digest of everything it was decided from (run/result-key.ts). Its shape is the
 * core's own output, written by this build: the key names the build, so an entry is only ever read by the code that
 * wrote it; the check here is that it is one.
 */
export const CachedResultSchema = z.object({
  cacheVersion: version,
  key: z.string().regex(/^[0-9a-f]{64}$/),
  result: z.custom<CheckResult>(
    (value) =>
      value !== null &&
      typeof value === "object" &&
      typeof (value as { model?: unknown }).model === "string" &&
      Array.isArray((value as { findings?: unknown }).findings),
  ),
});

/** Each kind of entry's schema, by the name the store reads it under. */
export const ENTRY_SCHEMAS = {
  snapshot: CachedSnapshotSchema,
  lineage: CachedLineageSchema,
  trainingData: CachedTrainingDataSchema,
  ref: CachedRefSchema,
  result: CachedResultSchema,
} as const;

export type EntryKind = keyof typeof ENTRY_SCHEMAS;

/** The parsed entries, as the types the rest of lic uses (zod's optional fields are `T | undefined`). */
export interface CachedSnapshot {
  cacheVersion: typeof CACHE_VERSION;
  /** Whether a token was sent: a gated file unreadable without one may be readable with one. */
  withToken: boolean;
  snapshot: ModelSnapshot;
}

export interface CachedLineage {
  cacheVersion: typeof CACHE_VERSION;
  lineage: Lineage;
}

export interface CachedTrainingData {
  cacheVersion: typeof CACHE_VERSION;
  trainingData: TrainingData;
}

export interface CachedRef {
  cacheVersion: typeof CACHE_VERSION;
  sha: string;
  /** When the revision was last resolved, so --offline can say how old its answer is. */
  resolvedAt: string;
}

export interface CachedResult {
  cacheVersion: typeof CACHE_VERSION;
  key: string;
  result: CheckResult;
}
