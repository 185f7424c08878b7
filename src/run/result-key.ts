import { hash } from "node:crypto";
import type { Lineage, ModelSnapshot } from "../types/snapshot.js";
import type { TrainingData } from "../types/training-data.js";

/** Everything a check's result is a function of: checkModel is pure, so equal inputs give an equal result. */
export interface ResultInputs {
  /** The build's identity (the bundle's digest): the code, the catalog and the matcher's data that decide. */
  build: string;
  policyDigest: string;
  /** Waivers expire by the day. */
  today: string;
  snapshot: ModelSnapshot;
  lineage: Lineage | undefined;
  trainingData: TrainingData | undefined;
}

/**
 * The digest a result is kept under in the cache, so that a warm check of a pinned model reads its result instead of
 * deciding it again (the matcher, every check: most of a warm run once its modules are loaded). Any change to an
 * input, or another build of lic, is another key: an entry is never stale, only unused.
 */
export function resultKey(inputs: ResultInputs): string {
  const { build, policyDigest, today, snapshot, lineage, trainingData } = inputs;
  return hash(
    "sha256",
    JSON.stringify([build, policyDigest, today, snapshot, lineage ?? null, trainingData ?? null]),
    "hex",
  );
}
