import type { Catalog } from "../../catalog/catalog.js";
import type { LicenseAnalysis, LicenseTree } from "../../types/result.js";
import type { Ancestor } from "../../types/snapshot.js";
import { analyzeLicenses } from "../analyze-licenses.js";
import { parseFrontMatter } from "../card/parse-front-matter.js";
import type { ReferenceLibrary } from "../matcher/reference-library.js";

/** Each ancestor with the licenses its own metadata declares (card, tags, gate prompt). */
export function licenseAncestors(ancestors: Ancestor[], catalog: Catalog, references: ReferenceLibrary): Ancestor[] {
  return ancestors.map(({ snapshot, ...ancestor }) => ({
    ...ancestor,
    licenses: snapshot ? analyzeLicenses(snapshot, parseFrontMatter(""), catalog, references).ids : [],
  }));
}

/**
 * Adds the licenses a model inherits: fine-tunes, quantizations and adapters come under their base's terms, and a
 * merge under every parent's, whatever the derivative's card says. An inherited license joins `ids`, the
 * licenses and the expression (AND: it applies on top of the model's own), with the ancestor it came from.
 */
export function inheritLicenses(analysis: LicenseAnalysis, ancestors: Ancestor[], catalog: Catalog): LicenseAnalysis {
  const licenses = analysis.licenses.map((license) => ({
    ...license,
    sources: [...license.sources],
    evidence: [...license.evidence],
  }));
  let tree = analysis.tree;
  for (const ancestor of ancestors) {
    for (const id of ancestor.licenses) {
      const evidence = {
        source: "api" as const,
        field: "lineage",
        value: `${ancestor.id}@${ancestor.sha ?? "?"} (${ancestor.relation}, depth ${ancestor.depth})`,
      };
      const existing = licenses.find((license) => license.id === id);
      if (existing) {
        if (!existing.sources.includes("inherited")) existing.sources.push("inherited");
        existing.evidence.push(evidence);
        continue;
      }
      const entry = catalog.get(id);
      licenses.push({
        id,
        name: entry?.name ?? id,
        known: entry !== undefined,
        sources: ["inherited"],
        evidence: [evidence],
      });
      const leaf: LicenseTree = { kind: "license", key: id, known: entry !== undefined };
      tree = tree ? { kind: "and", left: tree, right: leaf } : leaf;
    }
  }
  return { ...analysis, ids: licenses.map((license) => license.id), licenses, tree };
}
