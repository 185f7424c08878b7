import type { CatalogEntry } from "../../catalog/types.js";
import type { Evidence, TermReference } from "../../types/finding.js";
import type { CheckContext } from "../checks/define-check.js";
import { DATASET_ADVISORY } from "./advisory.js";
import { type IdentifiedDataset, inRepo } from "./identify-datasets.js";

/** One license a dataset of the training data declares, with the catalog's entry and where it is said. */
export interface DatasetLicense {
  dataset: IdentifiedDataset;
  key: string;
  entry: CatalogEntry | undefined;
  /** Where the declaring card names the dataset, then where the dataset's card declares this license. */
  evidence: Evidence[];
}

/** Every license every readable dataset of the training data declares. */
export function datasetLicenses(context: CheckContext): DatasetLicense[] {
  return context.training.datasets.flatMap((dataset) =>
    (dataset.licenses?.licenses ?? []).map((license) => ({
      dataset,
      key: license.id,
      entry: context.catalog.get(license.id),
      evidence: [...dataset.link.evidence, ...license.evidence.map((item) => inRepo(item, dataset.link.snapshot!))],
    })),
  );
}

/** The advisory every finding about training data carries (a dataset's findings about itself carry none). */
export const ADVISORY: { advisory: TermReference[] } = { advisory: [...DATASET_ADVISORY] };

/** The datasets whose license asks `kind` of adapted material, with the clause that says so. */
export function datasetAdaptations(context: CheckContext, kind: "share-alike" | "no-derivatives") {
  return datasetLicenses(context).flatMap(({ dataset, key, entry, evidence }) => {
    const adaptations = entry?.terms?.adaptations;
    return adaptations?.kind === kind
      ? [{ dataset: dataset.link.id, license: key, evidence, term: adaptations.source }]
      : [];
  });
}
