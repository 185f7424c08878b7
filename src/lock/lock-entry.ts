import type { CheckResult } from "../types/result.js";
import type { ModelSnapshot } from "../types/snapshot.js";
import type { LockEntry } from "./lock-file.js";
import { type RepoUse, useLabel } from "./repo-uses.js";

/** What the lock records of a model lic checked: its commit, verdict, licenses, evidence hashes, lineage, uses. */
export function modelEntry(repo: RepoUse, result: CheckResult, snapshot: ModelSnapshot): LockEntry {
  return {
    id: repo.id,
    kind: "model",
    requested: repo.requested,
    revision: result.revision,
    ...(result.model !== repo.id ? { resolvedAs: result.model } : {}),
    verdict: result.verdict,
    licenses: result.license.licenses.map((mention) => ({ id: mention.id, sources: [...mention.sources] })),
    evidence: snapshot.texts.map((text) => ({ path: text.path, sha256: text.sha256 })),
    lineage: result.lineage.map((ancestor) => `${ancestor.id}@${ancestor.sha ?? "unavailable"}`),
    uses: repo.uses.map(useLabel),
  };
}

/** A dataset is locked by where it is used; its license is evaluated by no lic command yet. */
export function datasetEntry(repo: RepoUse): LockEntry {
  return { id: repo.id, kind: "dataset", requested: repo.requested, uses: repo.uses.map(useLabel) };
}
