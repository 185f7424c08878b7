import type { Evidence, Finding } from "../types/finding.js";
import type { CheckResult, DatasetUsed } from "../types/result.js";
import { datasetOf } from "./dataset-of.js";
import { hubTreeUrl, repoLabel, shortCommit } from "./repo-label.js";
import type { EvidenceNumbering } from "./view-evidence.js";

/**
 * The data a repo was made from, as its section in every report shows it: each dataset pinned to the commit read,
 * its licenses, which card named it, and the findings about it under it. Facts and advisories about the data: a
 * dataset's license is never the model's (docs/reports.md).
 */
export interface TrainingDataView<F> {
  /** `Training data` for a model; `Source datasets` for a dataset checked on its own (its `source_datasets`). */
  heading: string;
  /** The one sentence above the datasets that says what they are not: the repo's own license. */
  note: string;
  /** The datasets its cards name, each with the datasets it was made from nested under it. */
  datasets: DatasetNode<F>[];
}

/** One dataset; `F`, a finding as the view spells it (view.ts's FindingView), kept apart so neither file imports the other. */
export interface DatasetNode<F> {
  id: string;
  sha: string | null;
  /** `dataset:org/name@1a2b3c4`; without a commit when it could not be read. */
  name: string;
  /** Its files at the commit read, on the Hub; null when it could not be read. */
  url: string | null;
  /** Its declared licenses by the catalog's name, the id beside when it differs; `not in catalog` when unknown. */
  licenses: string[];
  /** The card that names it and the key: `this model's card, datasets[0]`. */
  declared: string;
  gated: string | null;
  unavailable: DatasetUsed["unavailable"];
  /** Where it is named and where its license is declared, as refs into the section's numbered evidence. */
  evidenceRefs: string[];
  /** The findings about it, most severe first. */
  findings: F[];
  /** The datasets its own card names as its sources (`source_datasets`). */
  sources: DatasetNode<F>[];
}

/** What every format says where it names datasets of several repos at once (a run's summary). */
export const DATASETS_NOTE =
  "Findings about a dataset are advisories about the data, not the checked repo's license: a dataset's terms do not become the repo's; each finding's page says what they may still mean for you.";

/**
 * The training data of `result`, or null when none was read (the section is then left out, so a report without
 * datasets reads as it always did). `findings` are the result's, most severe first; those whose dataset is listed
 * are placed under it, each spelled once by `view`, in reading order (the evidence is numbered as it is cited).
 */
export function trainingDataView<F>(
  result: CheckResult,
  findings: Finding[],
  numbering: EvidenceNumbering,
  view: (finding: Finding) => F,
): TrainingDataView<F> | null {
  const { datasets } = result;
  if (!datasets) return null;
  const isDataset = result.repoType === "dataset";
  // Roots are named by a model's card (its own or an ancestor's), or by the dataset checked itself; any other
  // dataset is a source, nested under the dataset naming it. One in a cycle of sources only is shown as a root.
  // Each is shown once, where it is first reached.
  const roots = datasets.filter((dataset) => isRoot(result, dataset, datasets));
  const placed = new Set<DatasetUsed>();
  const unplaced = (dataset: DatasetUsed) => !placed.has(dataset);
  const findingsOf = (dataset: DatasetUsed) =>
    datasets.find((entry) => entry.id === dataset.id) === dataset
      ? findings.filter((finding) => datasetOf(finding) === dataset.id)
      : [];
  const node = (dataset: DatasetUsed): DatasetNode<F> => {
    placed.add(dataset);
    const evidenceRefs = numbering.refsOf(dataset.evidence, cardOwner(result, dataset));
    const own = findingsOf(dataset).map(view);
    const sources = datasets.filter(
      (source) =>
        source.declaredBy.kind === "dataset" && source.declaredBy.id === dataset.id && !roots.includes(source),
    );
    return {
      ...facts(result, dataset),
      evidenceRefs,
      findings: own,
      sources: sources.flatMap((source) => (unplaced(source) ? [node(source)] : [])),
    };
  };
  const shown = [...roots, ...datasets].flatMap((dataset) => (unplaced(dataset) ? [node(dataset)] : []));
  return {
    heading: isDataset ? "Source datasets" : "Training data",
    note: isDataset
      ? "Advisories about the data this dataset was made from, not this dataset's license: a source's terms do not become its own; each finding's page says what they may still mean for you."
      : "Advisories about the data the model was trained on, not the model's license: a dataset's terms do not become the model's; each finding's page says what they may still mean for you.",
    datasets: shown,
  };
}

/** The findings about the repo itself: every finding but those placed under a listed dataset. */
export function ownFindings(result: CheckResult, findings: Finding[]): Finding[] {
  const listed = new Set((result.datasets ?? []).map((dataset) => dataset.id));
  return findings.filter((finding) => !listed.has(datasetOf(finding) ?? ""));
}

function isRoot(result: CheckResult, dataset: DatasetUsed, datasets: DatasetUsed[]): boolean {
  const { declaredBy } = dataset;
  if (declaredBy.kind === "model") return true;
  if (isDeclaredBySelf(result, dataset)) return true;
  return !datasets.some((other) => other.id === declaredBy.id);
}

function facts(result: CheckResult, dataset: DatasetUsed) {
  const at = dataset.sha ? `@${shortCommit(dataset.sha)}` : "";
  return {
    id: dataset.id,
    sha: dataset.sha,
    name: `${repoLabel("dataset", dataset.id)}${at}`,
    url: dataset.sha ? hubTreeUrl("dataset", dataset.id, dataset.sha) : null,
    licenses: dataset.licenses.map(
      (license) =>
        `${license.name}${license.name === license.id ? "" : ` (${license.id})`}${license.known ? "" : ", not in catalog"}`,
    ),
    declared: declaredWords(result, dataset),
    gated: dataset.gated || null,
    unavailable: dataset.unavailable,
  };
}

/** `this model's card, datasets[0]`; `the card of ancestor org/base@1a2b3c4, datasets[1]`; a dataset's likewise. */
function declaredWords(result: CheckResult, dataset: DatasetUsed): string {
  const { declaredBy } = dataset;
  const key = keyOf(dataset) ?? dataset.via;
  if (isDeclaredBySelf(result, dataset)) return `this ${declaredBy.kind}'s card, ${key}`;
  const who = declaredBy.kind === "model" ? `ancestor ${declaredBy.id}` : repoLabel("dataset", declaredBy.id);
  return `the card of ${who}@${shortCommit(declaredBy.sha)}, ${key}`;
}

/** Whether the repo checked names it in its own card. */
function isDeclaredBySelf(result: CheckResult, dataset: DatasetUsed): boolean {
  return dataset.declaredBy.id === result.model && dataset.declaredBy.kind === (result.repoType ?? "model");
}

/** The card key that names it, as `datasets[0]`, from its evidence in the declaring card. */
function keyOf(dataset: DatasetUsed): string | null {
  const named = dataset.evidence.find(
    (evidence): evidence is Extract<Evidence, { source: "card" }> =>
      evidence.source === "card" && evidence.path[0] === dataset.via,
  );
  if (!named) return null;
  return named.path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join("");
}

/**
 * Whose card a piece of the dataset's evidence stands in, by its commit: the dataset's own (where its license is
 * declared) or the declaring repo's, when that is not the section's own repo: `the dataset:org/name card`.
 */
function cardOwner(result: CheckResult, dataset: DatasetUsed): (evidence: Evidence) => string | null {
  const isSelf = isDeclaredBySelf(result, dataset);
  return (evidence) => {
    if (evidence.source !== "card") return null;
    if (dataset.sha !== null && evidence.commit === dataset.sha) return `the ${repoLabel("dataset", dataset.id)} card`;
    const { kind, id, sha } = dataset.declaredBy;
    if (evidence.commit === sha && !isSelf) return `the ${repoLabel(kind, id)}${kind === "model" ? " model" : ""} card`;
    return null;
  };
}

/** The datasets in reading order, each with how deep it stands (0 for one its repo's card names). */
export function flattenDatasets<F>(nodes: DatasetNode<F>[], depth = 0): { node: DatasetNode<F>; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenDatasets(node.sources, depth + 1)]);
}
