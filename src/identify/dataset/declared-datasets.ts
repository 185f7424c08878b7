import type { Evidence } from "../../types/finding.js";
import { parseRepoRef } from "../../types/repo-ref.js";
import type { ModelSnapshot } from "../../types/snapshot.js";

/** A dataset a card names, where it names it. */
export interface DeclaredDataset {
  id: string;
  evidence: Evidence[];
}

/**
 * `source_datasets` values that say how a dataset was made, not from which repo: `original` (made for it) and
 * `extended` (an `extended|<source>` prefix names the source after the bar). hub-docs datasetcard.md:
 * https://github.com/huggingface/hub-docs/blob/main/datasetcard.md
 */
const PROVENANCE_WORDS = new Set(["original", "extended"]);

/**
 * The datasets a card names under `key`: a model card's `datasets` (hub-docs modelcard.md), or a dataset card's
 * `source_datasets`; each a string or a list of them. Values that are not repo ids (URLs, free text, provenance words)
 * are left out; legacy single names (`squad`, `wikipedia`) are repo ids. Deduplicated case-insensitively, the first
 * place that names one kept first.
 */
export function declaredDatasets(snapshot: ModelSnapshot, key: "datasets" | "source_datasets"): DeclaredDataset[] {
  const declared = snapshot.cardData?.[key];
  const values = Array.isArray(declared) ? declared : declared === undefined || declared === null ? [] : [declared];
  const found = new Map<string, DeclaredDataset>();
  values.forEach((value, index) => {
    if (typeof value !== "string") return;
    const named = value.includes("|") ? value.slice(value.lastIndexOf("|") + 1) : value;
    const trimmed = named.trim();
    if (PROVENANCE_WORDS.has(trimmed.toLowerCase())) return;
    const parsed = parseRepoRef(trimmed, "dataset");
    if (!parsed.ok || parsed.ref.revision !== null || parsed.ref.repoType !== "dataset") return;
    const path = Array.isArray(declared) ? [key, index] : [key];
    const evidence: Evidence = { source: "card", path, commit: snapshot.sha };
    const current = found.get(parsed.ref.id.toLowerCase());
    if (current) current.evidence.push(evidence);
    else found.set(parsed.ref.id.toLowerCase(), { id: parsed.ref.id, evidence: [evidence] });
  });
  return [...found.values()];
}
