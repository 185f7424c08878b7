import type { Catalog } from "../catalog/catalog.js";
import { keysOf } from "../identify/parse-expression.js";
import type { Clarification, Policy } from "../policy/policy.js";
import type { LicenseAnalysis, LicenseMention } from "../types/result.js";
import type { ModelSnapshot } from "../types/snapshot.js";

/** The model a clarification is matched against: the id it resolved to, the id asked for, its commit and texts. */
export type ClarifyTarget = Pick<ModelSnapshot, "id" | "requestedId" | "sha" | "texts">;

/** A clarify entry for this model whose pinned evidence no longer matches: what it pinned, and what is there now. */
export interface StaleClarification {
  entry: Clarification;
  pinned: "commit" | "file";
  expected: string;
  /** The commit, or the file's sha256, now; null when the file is not in the snapshot. */
  found: string | null;
}

export interface Clarifications {
  /** The first entry for this model whose evidence matches; it replaces what lic identified. */
  applied: Clarification | null;
  stale: StaleClarification[];
}

/** The policy's clarify entries that name this model, split into the one that applies and those that are stale. */
export function clarificationsFor(model: ClarifyTarget, policy: Policy): Clarifications {
  const stale: StaleClarification[] = [];
  let applied: Clarification | null = null;
  for (const entry of policy.clarify) {
    if (entry.model !== model.id && entry.model !== model.requestedId) continue;
    const mismatch = staleness(entry, model);
    if (mismatch) stale.push(mismatch);
    else applied ??= entry;
  }
  return { applied, stale };
}

function staleness(entry: Clarification, model: ClarifyTarget): StaleClarification | null {
  if (entry.commit && entry.commit !== model.sha)
    return { entry, pinned: "commit", expected: entry.commit, found: model.sha };
  if (entry.file) {
    const { path, sha256 } = entry.file;
    const shipped = model.texts.find((text) => text.path === path);
    if (shipped?.sha256 !== sha256) return { entry, pinned: "file", expected: sha256, found: shipped?.sha256 ?? null };
  }
  return null;
}

/**
 * The clarified license replaces what lic identified for the model itself: its licenses, expression and tree are the
 * entry's, nothing is left unidentified, and each license says it comes from the policy (the entry's file and
 * line). The identified texts stay, so a modified or unrecognized shipped text is still reported.
 */
export function applyClarification(licenses: LicenseAnalysis, entry: Clarification, catalog: Catalog): LicenseAnalysis {
  const { file, line, path } = entry.at;
  const clarifiedBy: NonNullable<LicenseMention["clarifiedBy"]> = {
    file,
    line,
    path,
    decidedBy: entry.decidedBy,
    reason: entry.reason,
    ...(entry.ticket ? { ticket: entry.ticket } : {}),
  };
  const ids = [...new Set(keysOf(entry.expression))];
  const mentions = ids.map((id): LicenseMention => {
    const known = catalog.get(id);
    // What the repo itself shows for this license stays as evidence beside the policy's word.
    const seen = licenses.licenses.find((mention) => mention.id === id)?.evidence ?? [];
    return {
      id,
      name: known?.name ?? id,
      known: known !== undefined,
      sources: ["policy"],
      evidence: seen,
      clarifiedBy,
    };
  });
  return {
    ...licenses,
    ids,
    licenses: mentions,
    expression: entry.spdx,
    unidentified: [],
    tree: entry.expression,
  };
}
