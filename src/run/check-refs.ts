import { acquireLineage } from "../acquire/acquire-lineage.js";
import { type AcquireOptions, acquireSnapshot } from "../acquire/acquire-snapshot.js";
import { acquireTrainingData } from "../acquire/acquire-training-data.js";
import { HubError } from "../acquire/hub/hub-error.js";
import { ReadOnce } from "../acquire/read-once.js";
import { keepInCache } from "../acquire/store/keep-in-cache.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Policy } from "../policy/policy.js";
import type { ModelRef } from "../types/repo-ref.js";
import type { CheckResult, ModelError } from "../types/result.js";
import type { Lineage, ModelSnapshot } from "../types/snapshot.js";
import type { TrainingData } from "../types/training-data.js";
import { mapConcurrent } from "../util/map-concurrent.js";
import type { Redactor } from "../util/redact.js";
import { resultKey } from "./result-key.js";

export interface CheckRefOptions {
  policy: Policy;
  catalog: Catalog;
  /** Today (YYYY-MM-DD), for waiver expiry. */
  today: string;
  /** How snapshots are read: the Hub connection, the store, offline or not. */
  acquire: AcquireOptions;
  /** null: judge each model on its own (--no-lineage): no ancestors, and no datasets its cards name. */
  lineage: { maxDepth: number; concurrency: number } | null;
  /** Scrubs the tokens in play from error messages, which may quote what an upstream said. */
  redact: Redactor;
  /**
   * The build's identity (cli/build-id.ts), null when lic runs from its sources: with a cache, each result is kept
   * under the digest of its inputs and this build (result-key.ts), and a warm check reads it back.
   */
  build?: string | null;
  /** Told how many models a run will check, and when each starts and ends: what a terminal's progress line shows. */
  onProgress?: ((event: RunProgress) => void) | undefined;
}

/** A run's progress, model by model; `planned` comes first, once. */
export type RunProgress =
  | { event: "planned"; total: number }
  | { event: "started"; ref: ModelRef }
  | { event: "finished"; ref: ModelRef; ok: boolean };

/** One ref checked: its result and the snapshot it was read from, or why it could not be. */
export type RefOutcome = { ok: true; result: CheckResult; snapshot: ModelSnapshot } | { ok: false; error: ModelError };

/**
 * The one pipeline: acquire the snapshot, then its lineage and the datasets its cards name (a dataset has no
 * lineage: only its `source_datasets`), then `checkModel`. A HubError becomes a ModelError of its
 * kind; anything else is an `internal` one. Messages are redacted either way. Never throws.
 */
export async function checkRef(ref: ModelRef, options: CheckRefOptions): Promise<RefOutcome> {
  options.onProgress?.({ event: "started", ref });
  const outcome = await acquireAndCheck(ref, options);
  options.onProgress?.({ event: "finished", ref, ok: outcome.ok });
  return outcome;
}

async function acquireAndCheck(ref: ModelRef, options: CheckRefOptions): Promise<RefOutcome> {
  const { redact } = options;
  try {
    const snapshot = await acquireSnapshot(ref, options.acquire);
    const walk = options.lineage ? { ...options.acquire, ...options.lineage } : null;
    // Datasets name no base_model: their lineage is their source_datasets, read as their training data.
    const lineage = walk && snapshot.repoType !== "dataset" ? await acquireLineage(snapshot, walk) : undefined;
    const trainingData = walk ? await acquireTrainingData(snapshot, lineage, walk) : undefined;
    const result = await keptOrDecided(snapshot, lineage, trainingData, options);
    return { ok: true, result, snapshot };
  } catch (error) {
    const failed = { model: ref.id, revision: ref.revision };
    if (error instanceof HubError)
      return { ok: false, error: { ...failed, kind: error.kind, message: redact(error.message) } };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { ...failed, kind: "internal", message: redact(`${ref.id}: internal error: ${reason}`) },
    };
  }
}

/** Many refs through `checkRef`, `concurrency` at a time; results and errors keep the refs' order. */
export async function checkRefs(
  refs: ModelRef[],
  options: CheckRefOptions & { concurrency: number },
): Promise<{ results: CheckResult[]; errors: ModelError[] }> {
  options.onProgress?.({ event: "planned", total: refs.length });
  const run = forOneRun(options);
  const outcomes = await mapConcurrent(refs, options.concurrency, (ref) => checkRef(ref, run));
  return {
    results: outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : [])),
    errors: outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error])),
  };
}

/** The options for one run of many refs: the default branches its models name (ancestors, datasets) read once. */
export function forOneRun<Options extends CheckRefOptions>(options: Options): Options {
  return { ...options, acquire: { ...options.acquire, readOnce: options.acquire.readOnce ?? new ReadOnce() } };
}

/**
 * The result from the cache when this build decided the same inputs before, else decided now (and kept). The core and
 * the matcher's data are loaded only to decide: a warm check that finds its result never loads them.
 */
async function keptOrDecided(
  snapshot: ModelSnapshot,
  lineage: Lineage | undefined,
  trainingData: TrainingData | undefined,
  options: CheckRefOptions,
): Promise<CheckResult> {
  const { cache } = options.acquire;
  const { build, policy, today } = options;
  const key =
    cache && build ? resultKey({ build, policyDigest: policy.digest, today, snapshot, lineage, trainingData }) : null;
  const kept = key && cache ? await cache.readResult(key) : null;
  if (kept) return kept;
  const [{ checkModel }, { shippedReferences }] = await Promise.all([
    import("../evaluate/check-model.js"),
    import("../acquire/reference-data.js"),
  ]);
  const result = checkModel(snapshot, policy, {
    today,
    catalog: options.catalog,
    references: shippedReferences,
    ...(lineage ? { lineage } : {}),
    ...(trainingData ? { trainingData } : {}),
  });
  if (key && cache) await keepInCache(cache, options.acquire.onNotice, (store) => store.writeResult(key, result));
  return result;
}
