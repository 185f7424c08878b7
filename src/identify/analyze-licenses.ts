import { type Catalog, foldLicenseName } from "../catalog/catalog.js";
import type { Evidence } from "../types/finding.js";
import type { LicenseAnalysis, LicenseMention, LicenseTree } from "../types/result.js";
import type { JsonValue, ModelSnapshot } from "../types/snapshot.js";
import type { FrontMatter } from "./card/parse-front-matter.js";
import { CUSTOM_LICENSE, UNKNOWN_LICENSE } from "./hf-license-ids.js";
import { findLicenseSection, identifyTexts } from "./identify-texts.js";
import type { ReferenceLibrary } from "./matcher/reference-library.js";
import { keysOf, licenseRefOf, parseLicenseExpression } from "./parse-expression.js";
import { statedLicenses } from "./stated-licenses.js";

const TAG_PREFIX = "license:";

/**
 * Every license that applies to the model: declared (the card's `license` and `license_name`, the Hub's
 * `license:*` tags), stated in words by the README's license section ("card-text"), and detected (shipped texts
 * matched unchanged against the catalog), with the evidence for each. A bare `other` names what the repo itself
 * identifies: on the Hub, `other` is a custom license whose text the repo ships in a LICENSE file or at
 * `license_link` (hub-docs: docs/hub/model-cards.md "Specifying a license"; modelcard.md: `license_link` "If
 * license = other, specify "LICENSE" or "LICENSE.md" to link to a file of that name inside the repo, or a URL"),
 * so the shipped texts, the gate prompt and the card's own words say which; only an `other` nothing identifies is
 * unidentified.
 */
export function analyzeLicenses(
  snapshot: ModelSnapshot,
  card: FrontMatter,
  catalog: Catalog,
  references: ReferenceLibrary,
): LicenseAnalysis {
  const licenses = new Map<string, LicenseMention>();
  const unidentified = new Map<string, { reason: string; evidence: Evidence[] }>();
  // A bare `other` holds its place (null) until the texts are identified.
  const spdxParts: (string | null)[] = [];
  const treeParts: (LicenseTree | null)[] = [];
  const bareOthers: { evidence: Evidence; at: number | null }[] = [];
  const leaf = (id: string): LicenseTree => ({ kind: "license", key: id, known: catalog.get(id) !== undefined });
  const mention = (id: string, source: LicenseMention["sources"][number], evidence: Evidence[]) => {
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
      if (!licenseName) {
        bareOthers.push({ evidence, at: inCard ? spdxParts.length : null });
        if (inCard) {
          spdxParts.push(null);
          treeParts.push(null);
        }
        return;
      }
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
  const named = new Map<string, Evidence[]>();
  for (const { text, evidence } of identified) {
    for (const match of text.matches) {
      if (match.kind !== "exact") continue;
      mention(match.id, "detected", [evidence]);
      named.set(match.id, [...(named.get(match.id) ?? []), evidence]);
    }
  }
  for (const file of snapshot.texts) {
    if (file.role !== "readme") continue;
    const section = findLicenseSection(file.text);
    if (!section) continue;
    for (const stated of statedLicenses(section.text, section.line, catalog)) {
      const evidence: Evidence = {
        source: "file",
        file: file.path,
        commit: snapshot.sha,
        sha256: file.sha256,
        line: stated.line,
        quote: stated.quote,
      };
      mention(stated.id, "card-text", [evidence]);
      named.set(stated.id, [...(named.get(stated.id) ?? []), evidence]);
    }
  }

  // A bare `other` names every license the repo identifies; with none, it is unidentified.
  for (const { evidence, at } of bareOthers) {
    if (named.size === 0) {
      unknown(CUSTOM_LICENSE, "`other` without a `license_name`", evidence);
      continue;
    }
    for (const [id, textEvidence] of named) mention(id, "declared", [evidence, ...textEvidence]);
    if (at === null) continue;
    const ids = [...named.keys()];
    spdxParts[at] = ids.map((id) => spdxRef(id, catalog)).join(" AND ");
    treeParts[at] = ids.map(leaf).reduce((tree, part) => ({ kind: "and", left: tree, right: part }));
  }

  const ordered = [...licenses.values()].sort((a, b) => rank(a) - rank(b));
  // The card's declaration first (it may offer a choice); then every license the tags or texts add, all of which apply.
  const tree = treeParts.filter((part): part is LicenseTree => part !== null);
  const spdx = spdxParts.filter((part): part is string => part !== null);
  const inTree = new Set(tree.flatMap(keysOf));
  for (const entry of ordered) if (!inTree.has(entry.id)) tree.push(leaf(entry.id));
  for (const entry of ordered) entry.evidence = dedupe(entry.evidence);
  return {
    ids: ordered.map((entry) => entry.id),
    licenses: ordered,
    // A list of licenses in a card means all of them apply.
    expression: spdx.length === 0 ? null : spdx.join(" AND "),
    unidentified: [...unidentified].map(([value, entry]) => ({
      value,
      reason: entry.reason,
      evidence: dedupe(entry.evidence),
    })),
    texts: identified.map((item) => item.text),
    tree: tree.reduce<LicenseTree | null>(
      (tree, part) => (tree ? { kind: "and", left: tree, right: part } : part),
      null,
    ),
    choices: [],
  };
}

/** Declared licenses first, in the order declared; then those stated in the card's words; then those only detected. */
function rank(mention: LicenseMention): number {
  if (mention.sources.includes("declared")) return 0;
  return mention.sources.includes("card-text") ? 1 : 2;
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
