import type { Evidence, Finding } from "../types/finding.js";
import type { CheckResult, DatasetUsed } from "../types/result.js";
import { datasetOf } from "./dataset-of.js";
import { hubRepoPath } from "./repo-label.js";

/** Where a dataset finding's dataset is named: the declaring repo's card, at its line, on the Hub. */
export interface DatasetDeclaration {
  dataset: DatasetUsed;
  /** `https://huggingface.co/org/model/blob/<sha>/README.md#L12`; null when the card's line is not known. */
  url: string | null;
  /** `org/model README.md:12`, for messages; the repo and the key when the line is not known. */
  label: string;
}

/**
 * The dataset a finding of `result` is about and the card line naming it, or null for a finding about the repo
 * itself. The line is on the Hub, in the declaring repo (the model, an ancestor, a dataset): evidence to link to,
 * never a place in the user's repository (user-location.ts says why).
 */
export function datasetDeclaration(result: CheckResult, finding: Finding): DatasetDeclaration | null {
  const id = datasetOf(finding);
  const dataset = id === null ? undefined : result.datasets?.find((entry) => entry.id === id);
  if (!dataset) return null;
  const { declaredBy } = dataset;
  const named = dataset.evidence.find(
    (evidence): evidence is Extract<Evidence, { source: "card" }> =>
      evidence.source === "card" && evidence.path[0] === dataset.via && evidence.commit === declaredBy.sha,
  );
  const repo = hubRepoPath(declaredBy.kind, declaredBy.id);
  if (named?.file === undefined || named.line === undefined)
    return { dataset, url: null, label: `${declaredBy.id} card ${dataset.via}` };
  return {
    dataset,
    url: `https://huggingface.co/${repo}/blob/${declaredBy.sha}/${named.file.split("/").map(encodeURIComponent).join("/")}#L${named.line}`,
    label: `${declaredBy.id} ${named.file}:${named.line}`,
  };
}

/**
 * The Hub repo each commit a result's evidence cites belongs to, as a path (`org/model`, `datasets/org/name`): the
 * repo checked, its datasets and the repos that name them. Evidence at another commit is taken for the repo's own.
 */
export function repoOfCommit(result: CheckResult): (commit: string) => string {
  const own = hubRepoPath(result.repoType ?? "model", result.model);
  const repos = new Map<string, string>();
  for (const dataset of result.datasets ?? []) {
    repos.set(dataset.declaredBy.sha, hubRepoPath(dataset.declaredBy.kind, dataset.declaredBy.id));
    if (dataset.sha !== null) repos.set(dataset.sha, hubRepoPath("dataset", dataset.id));
  }
  repos.set(result.revision, own);
  return (commit) => repos.get(commit) ?? own;
}
