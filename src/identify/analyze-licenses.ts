import { type Catalog, foldLicenseName } from "../catalog/catalog.js";
import type { Evidence } from "../types/finding.js";
import type { LicenseAnalysis, LicenseMention, LicenseTree } from "../types/result.js";
import type { JsonValue, ModelSnapshot } from "../types/snapshot.js";
import type { FrontMatter } from "./card/parse-front-matter.js";
import { CUSTOM_LICENSE, UNKNOWN_LICENSE } from "./hf-license-ids.js";
import { identifyTexts } from "./identify-texts.js";
import type { ReferenceLibrary } from "./matcher/reference-library.js";
import { keysOf, licenseRefOf, parseLicenseExpression } from "./parse-expression.js";

const TAG_PREFIX = "license:";

/**
 * Every license that applies to the model: declared (the card's `license` and `license_name`, the Hub's
 * `license:*` tags) and detected (shipped texts matched unchanged against the catalog), with the evidence for each.
 */
export function analyzeLicenses(
  snapshot: ModelSnapshot,
  card: FrontMatter,
  catalog: Catalog,
  references: ReferenceLibrary,
): LicenseAnalysis {
  const licenses = new Map<string, LicenseMention>();
  const unidentified = new Map<string, { reason: string; evidence: Evidence[] }>();
  const spdxParts: string[] = [];
  const treeParts: LicenseTree[] = [];
  const leaf = (id: string): LicenseTree => ({ kind: "license", key: id, known: catalog.get(id) !== undefined });
  const mention = (id: string, source: "declared" | "detected", evidence: Evidence[]) => {
    const entry = catalog.get(id);
    const current = licenses.get(id) ?? {
      id,
      name: entry?.name ?? id,
      known: entry !== undefined,
      sources: [],
      evidence: [],
    };
    if (!current.sources.includes(source)) current.sources.push(source);
    current.evidence.push(...evidence);
    licenses.set(id, current);
  };
  const unknown = (value: string, reason: string, evidence: Evidence) => {
    const current = unidentified.get(value) ?? { reason, evidence: [] };
    current.evidence.push(evidence);
    unidentified.set(value, current);
  };

  // The Hub derives cardData from the README; a registry that does not still serves the README itself.
  const cardData = snapshot.cardData ?? card.data ?? {};
  const licenseName = nonEmptyString(cardData["license_name"]);
  const cardEvidence = (path: (string | number)[]): Evidence => {
    const location = card.locate(path);
    return {
      source: "card",
      path,
      commit: snapshot.sha,
      ...(location ? { file: "README.md", line: location.line, quote: location.quote } : {}),
    };
  };

  /** One declared value: a license id or expression, `other` (then `license_name` names it), or nothing. */
  const declare = (value: JsonValue, evidence: Evidence, inCard: boolean) => {
    if (typeof value !== "string") return unknown(JSON.stringify(value), "not a string", evidence);
    const folded = value.trim().toLowerCase();
    if (folded === CUSTOM_LICENSE) {
      if (!licenseName) return unknown(folded, "`other` without a `license_name`", evidence);
      const id = catalog.byName(licenseName)?.key ?? foldLicenseName(licenseName);
      if (inCard) {
        spdxParts.push(spdxRef(id, catalog));
        treeParts.push(leaf(id));
      }
      return mention(id, "declared", [evidence, cardEvidence(["license_name"])]);
    }
    if (folded === UNKNOWN_LICENSE || foldLicenseName(folded) === "")
      return unknown(folded, "names no license", evidence);
    const single = catalog.byName(value) ?? catalog.bySpdx(value.trim());
    if (single || !/[\s()]/.test(value.trim())) {
      const id = single?.key ?? foldLicenseName(value);
      if (inCard) {
        spdxParts.push(spdxRef(id, catalog));
        treeParts.push(leaf(id));
      }
      return mention(id, "declared", [evidence]);
    }
    const parsed = parseLicenseExpression(value, catalog);
    if (!parsed.ok) return unknown(value.trim(), `not a license expression: ${parsed.reason}`, evidence);
    if (inCard) {
      spdxParts.push(keysOf(parsed.expression).length > 1 ? `(${parsed.spdx})` : parsed.spdx);
      treeParts.push(parsed.expression);
    }
    for (const id of keysOf(parsed.expression)) mention(id, "declared", [evidence]);
  };

  const declared = cardData["license"];
  if (Array.isArray(declared)) {
    for (const [index, value] of declared.entries()) declare(value, cardEvidence(["license", index]), true);
  } else if (declared !== undefined && declared !== null) {
    declare(declared, cardEvidence(["license"]), true);
  } else if (licenseName) {
    declare(CUSTOM_LICENSE, cardEvidence(["license_name"]), true);
  }
  for (const tag of snapshot.tags) {
    if (tag.startsWith(TAG_PREFIX)) declare(tag.slice(TAG_PREFIX.length), { source: "tag", tag }, false);
  }

  const identified = identifyTexts(snapshot, catalog, references, card.locate);
  for (const { text, evidence } of identified) {
    for (const match of text.matches) if (match.kind === "exact") mention(match.id, "detected", [evidence]);
  }

  const ordered = [...licenses.values()].sort((a, b) => rank(a) - rank(b));
  // The card's declaration first (it may offer a choice); then every license the tags or texts add, all of which apply.
  const inTree = new Set(treeParts.flatMap(keysOf));
  for (const entry of ordered) if (!inTree.has(entry.id)) treeParts.push(leaf(entry.id));
  for (const entry of ordered) entry.evidence = dedupe(entry.evidence);
  return {
    ids: ordered.map((entry) => entry.id),
    licenses: ordered,
    // A list of licenses in a card means all of them apply.
    expression: spdxParts.length === 0 ? null : spdxParts.join(" AND "),
    unidentified: [...unidentified].map(([value, entry]) => ({
      value,
      reason: entry.reason,
      evidence: dedupe(entry.evidence),
    })),
    texts: identified.map((item) => item.text),
    tree: treeParts.reduce<LicenseTree | null>(
      (tree, part) => (tree ? { kind: "and", left: tree, right: part } : part),
      null,
    ),
    choices: [],
  };
}

/** Declared licenses first, in the order declared; then those only detected. */
function rank(mention: LicenseMention): number {
  return mention.sources.includes("declared") ? 0 : 1;
}

function spdxRef(id: string, catalog: Catalog): string {
  return catalog.get(id)?.spdx ?? licenseRefOf(id);
}

function nonEmptyString(value: JsonValue | undefined): string | null {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : null;
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
