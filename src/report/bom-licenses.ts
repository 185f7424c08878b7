/** A result's licenses as both BOM formats state them: what the card declares, and what lic concludes. */
import type { Catalog } from "../catalog/catalog.js";
import type { CheckResult, LicenseTree } from "../types/result.js";
import { licenseUrlOf, spdxIdOf } from "./bom-ids.js";

/** A `LicenseRef-` part of an expression, with what a reader needs to find its text. */
export interface CustomLicense {
  ref: string;
  name: string;
  url: string;
}

/** An SPDX license expression, and the licenses in it that SPDX does not list. */
export interface BomLicense {
  expression: string;
  custom: CustomLicense[];
}

/**
 * The author's statement: the card's `license:` as the result parsed it. SPDX 2.x and CycloneDX read "declared" as
 * this (wave2-research §2.3: SPDX 3.0.1's wording reads like "observed", which the formats keep in evidence instead).
 */
export function declaredLicense(result: CheckResult, catalog: Catalog): BomLicense | null {
  const { expression } = result.license;
  return expression === null ? null : withCustom(expression, keysByRef(result, catalog), catalog);
}

/**
 * lic's conclusion: every license in force, the declared choice kept as OR and each license detected only in a shipped
 * text or inherited along the lineage joined with AND. Null when lic identified none.
 */
export function concludedLicense(result: CheckResult, catalog: Catalog): BomLicense | null {
  const { tree } = result.license;
  return tree === null ? null : withCustom(spell(tree, catalog, true), keysByRef(result, catalog), catalog);
}

/** Licenses a repo's card declares, by key (an ancestor's, a dataset's), all applying: null when there are none. */
export function licenseOfKeys(keys: string[], catalog: Catalog): BomLicense | null {
  if (keys.length === 0) return null;
  const refs = new Map(keys.map((key) => [spdxIdOf(key, catalog), key]));
  return withCustom([...refs.keys()].join(" AND "), refs, catalog);
}

/** True when the expression is one license, with no AND, OR or WITH. */
export function isSingleLicense(expression: string): boolean {
  return !/\s/.test(expression.trim());
}

function spell(tree: LicenseTree, catalog: Catalog, top: boolean): string {
  if (tree.kind === "license") return spdxIdOf(tree.key, catalog);
  if (tree.kind === "with") return `${spdxIdOf(tree.key, catalog)} WITH ${tree.exception}`;
  const inner = `${spell(tree.left, catalog, false)} ${tree.kind.toUpperCase()} ${spell(tree.right, catalog, false)}`;
  return top ? inner : `(${inner})`;
}

function keysByRef(result: CheckResult, catalog: Catalog): Map<string, string> {
  return new Map(result.license.licenses.map((mention) => [spdxIdOf(mention.id, catalog), mention.id]));
}

function withCustom(expression: string, keys: Map<string, string>, catalog: Catalog): BomLicense {
  const refs = [...new Set(expression.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? [])];
  const custom = refs.map((ref) => {
    const key = keys.get(ref);
    return {
      ref,
      name: (key === undefined ? undefined : catalog.get(key)?.name) ?? key ?? ref,
      url: key === undefined ? licenseUrlOf(ref, catalog) : licenseUrlOf(key, catalog),
    };
  });
  return { expression, custom };
}
