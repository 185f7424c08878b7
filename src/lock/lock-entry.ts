import type { CheckResult } from "../types/result.js";
import type { ModelSnapshot } from "../types/snapshot.js";
import type { LockEntry } from "./lock-file.js";
import { type RepoUse, useLabel } from "./repo-uses.js";

/**
 * What the lock records of a model or dataset lic checked: its commit, verdict, licenses, evidence hashes, lineage
 * (a model's), uses.
 */
export function repoEntry(repo: RepoUse, result: CheckResult, snapshot: ModelSnapshot): LockEntry {
  return {
    id: repo.id,
    kind: repo.kind,
    requested: repo.requested,
    revision: result.revision,
    ...(result.model !== repo.id ? { resolvedAs: result.model } : {}),
    verdict: result.verdict,
    licenses: result.license.licenses.map((mention) => ({ id: mention.id, sources: [...mention.sources] })),
    evidence: snapshot.texts.map((text) => ({ path: text.path, sha256: text.sha256 })),
    ...(repo.kind === "model"
      ? { lineage: result.lineage.map((ancestor) => `${ancestor.id}@${ancestor.sha ?? "unavailable"}`) }
      : {}),
    uses: repo.uses.map(useLabel),
  };
}
