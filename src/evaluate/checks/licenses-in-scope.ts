import type { CatalogEntry } from "../../catalog/types.js";
import { leavesOf } from "../../identify/parse-expression.js";
import type { Evidence } from "../../types/finding.js";
import type { CheckContext } from "./define-check.js";

/** A license the model comes under, with its catalog entry (if any) and the evidence that it applies. */
export interface LicenseInScope {
  key: string;
  exception: string | null;
  entry: CatalogEntry | undefined;
  evidence: Evidence[];
}

/** Every license in the model's license expression, once each, in order. */
export function licensesInScope({ licenses, catalog }: CheckContext): LicenseInScope[] {
  const seen = new Map<string, LicenseInScope>();
  for (const leaf of licenses.tree ? leavesOf(licenses.tree) : []) {
    if (seen.has(leaf.key)) continue;
    const evidence = licenses.licenses.find((license) => license.id === leaf.key)?.evidence ?? [];
    seen.set(leaf.key, {
      key: leaf.key,
      exception: leaf.kind === "with" ? leaf.exception : null,
      entry: catalog.get(leaf.key),
      evidence,
    });
  }
  return [...seen.values()];
}
