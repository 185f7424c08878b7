/**
 * The data a model was trained on, as its card and its ancestors' cards say (`datasets:`), and what those datasets
 * were made from (a dataset card's `source_datasets`). Facts acquired at the edge; their licenses are advisories on
 * the model, never its license (see evaluate/datasets/).
 */
import type { RepoKind } from "./code-reference.js";
import type { Evidence } from "./finding.js";
import type { ModelSnapshot } from "./snapshot.js";

/** One dataset named by a model, an ancestor of it, or another dataset, pinned to the commit it was read at. */
export interface DatasetLink {
  /** The Hub's id for it (after a rename), or as written when it could not be read. */
  id: string;
  /** The commit its default branch had when it was read; null when it could not be. */
  sha: string | null;
  /** The repo whose card names it: the model itself, one of its ancestors, or a dataset (source_datasets). */
  declaredBy: { kind: RepoKind; id: string; sha: string };
  /** The card key that names it: a model's `datasets`, a dataset's `source_datasets`. */
  via: "datasets" | "source_datasets";
  /** 1: named by a model's card (the model's or an ancestor's); 2: a source of such a dataset; and so on. */
  depth: number;
  /** Where in the declaring card it is named (`datasets[0]`). */
  evidence: Evidence[];
  /** Its metadata (card data, tags, gating), as acquired; not in reports. */
  snapshot?: ModelSnapshot;
  /** Why it could not be read: not found, private, gated, a cycle, beyond the depth bound, a Hub failure. */
  unavailable: { reason: string; message: string } | null;
  /**
   * Models its card says generated its data (a synthetic dataset), each read from its metadata alone, so the core
   * can tell whether the generator's license forbids training other models on its outputs.
   */
  generators?: GeneratorModel[];
}

/** A model named by a dataset's card as the source of its data (identify/dataset/generator-models.ts). */
export interface GeneratorModel {
  id: string;
  sha: string | null;
  /** Where the dataset's card names it. */
  evidence: Evidence[];
  /** Its metadata (card data, tags), as acquired; not in reports. */
  snapshot?: ModelSnapshot;
  unavailable: { reason: string; message: string } | null;
}

/** Every dataset a model's cards name, and their sources, to the bounds. */
export interface TrainingData {
  datasets: DatasetLink[];
  /**
   * For a dataset checked on its own: the models its own card names as generators of its data (its `datasets` are
   * then its `source_datasets`). Absent for a model.
   */
  generators?: GeneratorModel[];
  /** False when a dataset could not be read for a reason that may pass (then not cached), or offline. */
  complete: boolean;
}
