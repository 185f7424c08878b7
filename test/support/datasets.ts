import type { JsonObject } from "../../src/types/snapshot.js";
import type { DatasetLink, GeneratorModel, TrainingData } from "../../src/types/training-data.js";
import { snapshotOf } from "./snapshots.js";

/** The model the dataset tables hang their training data on (snapshotWith's id and commit). */
export const MODEL = { id: "org/model", sha: "a".repeat(40) };

/** A dataset's metadata-only snapshot, from an /api/datasets/{id} body's shape (cardData, tags, gated). */
export function datasetSnapshot(id: string, cardData: JsonObject | null, extra: JsonObject = {}) {
  return {
    ...snapshotOf({ id, sha: "d".repeat(40), tags: [], ...(cardData ? { cardData } : {}), ...extra }),
    repoType: "dataset" as const,
  };
}

/** A dataset the model's card names at `datasets[index]`, read with the given card data. */
export function namedDataset(
  id: string,
  cardData: JsonObject | null,
  more: { index?: number; generators?: GeneratorModel[]; extra?: JsonObject } = {},
): DatasetLink {
  return {
    id,
    sha: "d".repeat(40),
    declaredBy: { kind: "model", ...MODEL },
    via: "datasets",
    depth: 1,
    evidence: [{ source: "card", path: ["datasets", more.index ?? 0], commit: MODEL.sha }],
    snapshot: datasetSnapshot(id, cardData, more.extra),
    unavailable: null,
    ...(more.generators ? { generators: more.generators } : {}),
  };
}

/** A dataset the card names that could not be read. */
export function unreadableDataset(id: string, reason: string, message: string): DatasetLink {
  return {
    id,
    sha: null,
    declaredBy: { kind: "model", ...MODEL },
    via: "datasets",
    depth: 1,
    evidence: [{ source: "card", path: ["datasets", 0], commit: MODEL.sha }],
    unavailable: { reason, message },
  };
}

/** A model a dataset's card names as its generator, with its metadata (card data as the Hub gives it). */
export function generatorModel(id: string, cardData: JsonObject): GeneratorModel {
  return {
    id,
    sha: "e".repeat(40),
    evidence: [{ source: "api", field: "cardData.generated_by", value: id }],
    snapshot: snapshotOf({ id, sha: "e".repeat(40), cardData }),
    unavailable: null,
  };
}

export function trainedOn(...datasets: DatasetLink[]): TrainingData {
  return { datasets, complete: true };
}
