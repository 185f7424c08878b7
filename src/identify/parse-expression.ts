import parseSpdx from "spdx-expression-parse";
import type { Catalog } from "../catalog/catalog.js";

import type { LicenseTree } from "../types/result.js";

/** A license expression over catalog keys: AND (both apply), OR (a choice), WITH (an exception). */
export type LicenseExpression = LicenseTree;

export type ParsedExpression =
  | { ok: true; expression: LicenseExpression; spdx: string }
  | { ok: false; reason: string };

/** Our LicenseRef prefix; the rest is the catalog key with characters SPDX refuses replaced (`openrail++`). */
const LICENSE_REF = "LicenseRef-lic-";
const OPERATOR = /^(and|or|with)$/i;
const MAX_EXPRESSION_LENGTH = 1000;

/**
 * Parses a declared license (`apache-2.0`, `Apache-2.0 OR MIT`, `llama3.1 AND cc-by-4.0`, `GPL-2.0-only WITH
 * Classpath-exception-2.0`) into catalog keys. Each id is looked up on its own, as an SPDX id or a Hub id or
 * license name, never the whole string (spdx-correct mangles expressions: `mit OR apache-2.0` → `Apache-2.0`);
 * the expression's syntax is then checked by spdx-expression-parse.
 */
export function parseLicenseExpression(raw: string, catalog: Catalog): ParsedExpression {
  if (raw.length > MAX_EXPRESSION_LENGTH)
    return { ok: false, reason: `longer than ${MAX_EXPRESSION_LENGTH} characters` };
  const words = raw
    .trim()
    .split(/(\(|\)|\s+)/)
    .filter((word) => word.trim().length > 0);
  if (words.length === 0) return { ok: false, reason: "empty" };

  const keysByRef = new Map<string, { key: string; known: boolean }>();
  let afterWith = false;
  const spdx = words
    .map((word) => {
      if (word === "(" || word === ")") return word;
      if (OPERATOR.test(word)) {
        afterWith = word.toLowerCase() === "with";
        return word.toUpperCase();
      }
      if (afterWith) {
        afterWith = false;
        return word;
      }
      const entry = catalog.bySpdx(word) ?? catalog.byName(word);
      const key = entry?.key ?? word;
      const ref = entry?.spdx ?? licenseRefOf(key);
      keysByRef.set(ref, { key, known: entry !== undefined });
      return ref;
    })
    .join(" ")
    .replace(/\( /g, "(")
    .replace(/ \)/g, ")");

  let tree: parseSpdx.Info;
  try {
    tree = parseSpdx(spdx);
  } catch (error) {
    return { ok: false, reason: syntaxReason(error) };
  }
  return { ok: true, expression: toExpression(tree, keysByRef), spdx };
}

/**
 * spdx-expression-parse words its own syntax errors (plain Errors: "Expected `)`"); an expression that ends on an
 * operator ("MIT OR") makes it fail on a null instead, a TypeError whose text is JavaScript's, not the user's.
 */
function syntaxReason(error: unknown): string {
  if (error instanceof TypeError) return "an AND, OR, WITH or parenthesis has no license beside it";
  return error instanceof Error && error.message ? error.message : "not a license expression";
}

function toExpression(node: parseSpdx.Info, keys: Map<string, { key: string; known: boolean }>): LicenseExpression {
  if ("license" in node) {
    const { key, known } = keys.get(node.license) ?? { key: node.license, known: false };
    return node.exception ? { kind: "with", key, known, exception: node.exception } : { kind: "license", key, known };
  }
  return { kind: node.conjunction, left: toExpression(node.left, keys), right: toExpression(node.right, keys) };
}

/** A license an expression names: its key, whether the catalog knows it, and its exception, if any. */
export type LicenseLeaf = Extract<LicenseExpression, { key: string }>;

/** Every license an expression names, in order. */
export function leavesOf(expression: LicenseExpression): LicenseLeaf[] {
  return "left" in expression ? [...leavesOf(expression.left), ...leavesOf(expression.right)] : [expression];
}

/** Every license key an expression names, in order. */
export function keysOf(expression: LicenseExpression): string[] {
  return leavesOf(expression).map((leaf) => leaf.key);
}

/** How a license without an SPDX id is written in an SPDX expression: our LicenseRef, with characters SPDX refuses replaced. */
export function licenseRefOf(key: string): string {
  return `${LICENSE_REF}${key.replace(/\+/g, "-plus").replace(/[^A-Za-z0-9.-]/g, "-")}`;
}
