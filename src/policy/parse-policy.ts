import { hash } from "node:crypto";
import type { z } from "zod";
import type { Catalog } from "../catalog/catalog.js";
import { FINDING_CODES } from "../findings/finding-info.js";
import { keysOf, leavesOf, parseLicenseExpression } from "../identify/parse-expression.js";
import type { FindingCode } from "../types/finding.js";
import { parseModelRef } from "../types/repo-ref.js";
import { parseYaml, type YamlPath } from "../util/parse-yaml.js";
import { didYouMean } from "../util/suggest.js";
import type { Clarification, LicenseListEntry, Policy, PolicyLocation, Setting, Waiver } from "./policy.js";
import {
  DATASET_SETTING_NAMES,
  EVIDENCE_OUTCOME_NAMES,
  type PolicyFile,
  PolicyFileSchema,
  RULE_NAMES,
} from "./schema.js";

/** A policy's text and the name it is known by (its path, or `policies/<name>.yaml` for a built-in one). */
export interface PolicySource {
  file: string;
  text: string;
}

/** Resolves an `extends:` reference (a built-in name or a path relative to `from`) to its source. */
export type PolicyResolver = (reference: string, from: PolicySource) => PolicySource | { error: string };

/** One problem with a policy, at its path and line, worded with the fix. */
export interface PolicyIssue {
  file: string;
  path: string;
  line: number | null;
  message: string;
}

export type ParsedPolicy = { ok: true; policy: Policy; warnings: PolicyIssue[] } | { ok: false; errors: PolicyIssue[] };

export interface ParsePolicyOptions {
  catalog: Catalog;
  resolve: PolicyResolver;
  /** Today, YYYY-MM-DD: waivers past their expiry are reported. */
  today: string;
}

const MAX_EXTENDS_DEPTH = 16;
/** The yaml library reports a document too deep for its recursive composer with V8's RangeError text, JavaScript's words. */
const STACK_EXHAUSTED = /maximum call stack size exceeded/i;

/**
 * Validates a policy file and everything it extends, and builds the Policy. Every problem is reported (not only
 * the first), each at its path and line, with a suggestion where one fits. Pure: files come through `resolve`.
 */
export function parsePolicy(source: PolicySource, options: ParsePolicyOptions): ParsedPolicy {
  const errors: PolicyIssue[] = [];
  const warnings: PolicyIssue[] = [];
  const layers = loadLayers(source, options, errors, [], 0);
  if (errors.length > 0 || layers.length === 0) return { ok: false, errors };
  const policy = merge(layers, source);
  for (const waiver of policy.waivers) {
    if (waiver.expires < options.today) {
      warnings.push({
        ...waiver.at,
        message: `the waiver for ${waiver.model} (${waiver.finding}) expired on ${waiver.expires}; renew it with a new date or remove it`,
      });
    }
  }
  return { ok: true, policy, warnings };
}

interface Layer {
  file: string;
  data: PolicyFile;
  at: (path: YamlPath) => PolicyLocation;
  allow: LicenseListEntry[] | null;
  deny: LicenseListEntry[];
  clarify: Clarification[];
}

/** The policy and its bases, base first; `chain` holds the files on the way here, to refuse cycles. */
function loadLayers(
  source: PolicySource,
  options: ParsePolicyOptions,
  errors: PolicyIssue[],
  chain: string[],
  depth: number,
): Layer[] {
  const yaml = parseYaml(source.text);
  // A key that is missing is reported at the nearest enclosing key that is written.
  const lineOf = (path: YamlPath): number | null => {
    for (let length = path.length; length >= 0; length--) {
      const line = yaml.lineOf(path.slice(0, length));
      if (line !== null || length === 0) return line;
    }
    return null;
  };
  const at = (path: YamlPath): PolicyLocation => ({ file: source.file, line: lineOf(path), path: formatPath(path) });
  if (yaml.error) {
    const reason = STACK_EXHAUSTED.test(yaml.error.reason) ? "nested too deeply" : yaml.error.reason;
    errors.push({ file: source.file, path: "", line: yaml.error.line, message: `not valid YAML: ${reason}` });
    return [];
  }
  const parsed = PolicyFileSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(...describeIssue(issue, at));
    return [];
  }
  const data = parsed.data;
  const before = errors.length;
  const layer: Layer = {
    file: source.file,
    data,
    at,
    allow: data.licenses?.allow
      ? parseList(data.licenses.allow, ["licenses", "allow"], at, options.catalog, errors)
      : null,
    deny: data.licenses?.deny ? parseList(data.licenses.deny, ["licenses", "deny"], at, options.catalog, errors) : [],
    clarify: parseClarifications(data, at, options.catalog, errors),
  };
  checkCodes(data, at, errors);
  if (errors.length > before) return [];

  if (!data.extends) return [layer];
  const where = at(["extends"]);
  if (depth >= MAX_EXTENDS_DEPTH) {
    errors.push({ ...where, message: `extends is nested more than ${MAX_EXTENDS_DEPTH} deep` });
    return [];
  }
  const base = options.resolve(data.extends, source);
  if ("error" in base) {
    errors.push({ ...where, message: base.error });
    return [];
  }
  if ([...chain, source.file].includes(base.file)) {
    errors.push({
      ...where,
      message: `extends "${data.extends}" makes a cycle: ${[...chain, source.file, base.file].join(" → ")}`,
    });
    return [];
  }
  const baseLayers = loadLayers(base, options, errors, [...chain, source.file], depth + 1);
  return baseLayers.length === 0 ? [] : [...baseLayers, layer];
}

/** Allow and deny entries are license expressions over licenses the catalog knows. */
function parseList(
  entries: string[],
  path: YamlPath,
  at: (path: YamlPath) => PolicyLocation,
  catalog: Catalog,
  errors: PolicyIssue[],
): LicenseListEntry[] {
  const list: LicenseListEntry[] = [];
  entries.forEach((raw, index) => {
    const where = at([...path, index]);
    const parsed = parseLicenseExpression(raw, catalog);
    if (!parsed.ok) {
      errors.push({
        ...where,
        message: `"${raw}" is not a license expression (${parsed.reason}); write an id such as Apache-2.0, or an expression such as "MIT OR Apache-2.0"`,
      });
      return;
    }
    const unknown = leavesOf(parsed.expression).filter((leaf) => !leaf.known);
    for (const leaf of unknown) {
      const candidates = catalog.entries.map((entry) => entry.spdx ?? entry.key);
      errors.push({ ...where, message: `"${leaf.key}" is not a known license${didYouMean(leaf.key, candidates)}` });
    }
    if (unknown.length === 0) list.push({ raw, expression: parsed.expression, at: where });
  });
  return list;
}

/** Each clarification's license is parsed like an allow entry; its model must be a model id. */
function parseClarifications(
  data: PolicyFile,
  at: (path: YamlPath) => PolicyLocation,
  catalog: Catalog,
  errors: PolicyIssue[],
): Clarification[] {
  const entries = data.clarify ?? [];
  const licenses = parseList(
    entries.map((entry) => entry.license),
    ["clarify"],
    (path) => at([...path, "license"]),
    catalog,
    errors,
  );
  const byRaw = new Map(licenses.map((entry) => [entry.at.path, entry]));
  return entries.flatMap((entry, index): Clarification[] => {
    const ref = parseModelRef(entry.model);
    if (!ref.ok || ref.ref.revision !== null) {
      errors.push({
        ...at(["clarify", index, "model"]),
        message: `"${entry.model}" is not a model id (org/name); pin a revision in commit:`,
      });
      return [];
    }
    const parsed = byRaw.get(at(["clarify", index, "license"]).path);
    const spdx = parseLicenseExpression(entry.license, catalog);
    if (!parsed || !spdx.ok) return [];
    return [
      {
        model: entry.model,
        ...(entry.commit ? { commit: entry.commit } : {}),
        ...(entry.file && entry.sha256 ? { file: { path: entry.file, sha256: entry.sha256 } } : {}),
        raw: entry.license,
        expression: parsed.expression,
        spdx: spdx.spdx,
        decidedBy: entry.decidedBy,
        reason: entry.reason,
        ...(entry.ticket ? { ticket: entry.ticket } : {}),
        at: at(["clarify", index]),
      },
    ];
  });
}

/** Severity keys and waived findings must be finding codes; waived models must be model ids. */
function checkCodes(data: PolicyFile, at: (path: YamlPath) => PolicyLocation, errors: PolicyIssue[]): void {
  const codes: readonly string[] = FINDING_CODES;
  for (const code of Object.keys(data.severity ?? {})) {
    if (!codes.includes(code))
      errors.push({ ...at(["severity", code]), message: `"${code}" is not a finding code${didYouMean(code, codes)}` });
  }
  (data.waivers ?? []).forEach((waiver, index) => {
    if (!codes.includes(waiver.finding)) {
      errors.push({
        ...at(["waivers", index, "finding"]),
        message: `"${waiver.finding}" is not a finding code${didYouMean(waiver.finding, codes)}`,
      });
    }
    const ref = parseModelRef(waiver.model);
    if (!ref.ok || ref.ref.revision !== null) {
      errors.push({
        ...at(["waivers", index, "model"]),
        message: `"${waiver.model}" is not a model id (org/name); give a revision in revision:`,
      });
    }
  });
}

/** Lays each layer over the one before: scalars and per-key settings replace, lists and waivers add up. */
function merge(layers: Layer[], source: PolicySource): Policy {
  const top = layers[layers.length - 1]!;
  const policy: Omit<Policy, "digest"> = {
    name: top.data.name ?? policyNameOf(source.file),
    ...(top.data.description ? { description: top.data.description } : {}),
    files: layers.map((layer) => layer.file),
    context: {},
    allow: null,
    deny: [],
    rules: {},
    outcomes: {},
    datasets: {},
    severity: {},
    waivers: [],
    clarify: [],
  };
  for (const layer of layers) {
    const { data, at } = layer;
    for (const [key, value] of Object.entries(data.context ?? {})) {
      (policy.context as Record<string, Setting<unknown>>)[key] = { value, at: at(["context", key]) };
    }
    if (layer.allow) policy.allow = [...(policy.allow ?? []), ...layer.allow];
    policy.deny.push(...layer.deny);
    for (const rule of RULE_NAMES) {
      const value = data.rules?.[rule];
      if (value) policy.rules[rule] = { value, at: at(["rules", rule]) };
    }
    for (const name of EVIDENCE_OUTCOME_NAMES) {
      const value = data[name];
      if (value) policy.outcomes[name] = { value, at: at([name]) };
    }
    for (const name of DATASET_SETTING_NAMES) {
      const value = data.datasets?.[name];
      if (value) policy.datasets[name] = { value, at: at(["datasets", name]) };
    }
    if (data.undecided) policy.undecided = { value: data.undecided, at: at(["undecided"]) };
    for (const [code, value] of Object.entries(data.severity ?? {})) {
      policy.severity[code as FindingCode] = { value, at: at(["severity", code]) };
    }
    (data.waivers ?? []).forEach((waiver, index) => {
      const entry: Waiver = { ...waiver, at: at(["waivers", index]) };
      policy.waivers.push(entry);
    });
    policy.clarify.push(...layer.clarify);
  }
  return { ...policy, digest: digestOf(policy) };
}

/** The digest covers what the policy decides, not where it was written. */
function digestOf(policy: Omit<Policy, "digest">): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== "at" && key !== "files" && key !== "expression")
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, inner]) => [key, strip(inner)]),
      );
    }
    return value;
  };
  // A policy without clarifications, or without a `datasets:` setting, keeps the digest it had before the section
  // existed: lic.lock files and reports carry digests.
  const { clarify, datasets, ...rest } = policy;
  const decided = {
    ...rest,
    ...(clarify.length > 0 ? { clarify } : {}),
    ...(Object.keys(datasets).length > 0 ? { datasets } : {}),
  };
  return `sha256:${hash("sha256", JSON.stringify(strip(decided)), "hex")}`;
}

function policyNameOf(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.ya?ml$/i, "");
}

/** A zod issue as policy issues: one per unknown key, each with the closest known key. */
function describeIssue(issue: z.core.$ZodIssue, at: (path: YamlPath) => PolicyLocation): PolicyIssue[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(path);
    return issue.keys.map((key) => ({
      ...at([...path, key]),
      message: `unknown key "${key}"${didYouMean(key, known)}`,
    }));
  }
  return [{ ...at(path), message: issue.message }];
}

/** The keys the schema allows at a path, for suggestions. */
function knownKeys(path: (string | number)[]): string[] {
  let schema: unknown = PolicyFileSchema;
  for (const key of path) {
    schema = unwrap(schema);
    if (typeof key === "number") schema = (schema as { element?: unknown }).element;
    else schema = (schema as { shape?: Record<string, unknown> }).shape?.[key];
  }
  const shape = (unwrap(schema) as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown } | undefined;
  while (current && typeof current.unwrap === "function") current = current.unwrap() as typeof current;
  return current;
}

function formatPath(path: YamlPath): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    "",
  );
}

/** Every license key a list names, for reports. */
export function listKeys(list: LicenseListEntry[]): string[] {
  return list.flatMap((entry) => keysOf(entry.expression));
}
