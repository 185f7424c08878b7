import type { RepoKind } from "../types/code-reference.js";

/**
 * A repo as every report names it: a dataset as `dataset:org/name`, the spelling `lic check` takes, so a reviewer
 * never reads a dataset for a model of the same name; a model by its id alone, as reports always named it.
 */
export function repoLabel(kind: RepoKind, id: string): string {
  return kind === "dataset" ? `dataset:${id}` : id;
}

/** The repo's path on the Hub: datasets live under `/datasets/` (https://huggingface.co/docs/hub/datasets-overview). */
export function hubRepoPath(kind: RepoKind, id: string): string {
  const path = id.split("/").map(encodeURIComponent).join("/");
  return kind === "dataset" ? `datasets/${path}` : path;
}

/** The repo's files at one commit on the Hub: `https://huggingface.co/datasets/org/name/tree/<sha>`. */
export function hubTreeUrl(kind: RepoKind, id: string, sha: string): string {
  return `https://huggingface.co/${hubRepoPath(kind, id)}/tree/${encodeURIComponent(sha)}`;
}

/** A commit as the training data names it, git's short form: its first 7 hex digits. */
export function shortCommit(sha: string): string {
  return sha.slice(0, 7);
}
