import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Catalog } from "../catalog/catalog.js";
import type { PolicyIssue, PolicySource } from "../policy/parse-policy.js";
import type { Policy } from "../policy/policy.js";
import { didYouMean } from "../util/suggest.js";
import { readCappedFile } from "./read-capped-file.js";
import { UsageError } from "./usage-error.js";

/** The shipped policies, a YAML file each. */
export const POLICIES_DIR = fileURLToPath(new URL("../../policies/", import.meta.url));
/** The same, validated and merged with their bases at build time (scripts/compile-policies.mjs). */
const COMPILED_DIR = fileURLToPath(new URL("../policies/", import.meta.url));
/** How a built-in policy is named (`eu`); anything else is a path. */
export const BUILT_IN_NAME = /^[a-z][a-z0-9-]*$/;
/** A policy file larger than this is not a policy. */
const MAX_POLICY_BYTES = 1024 * 1024;

/** A policy that cannot be used: the CLI exits 2 and prints every issue. */
export class PolicyError extends UsageError {
  constructor(readonly issues: PolicyIssue[]) {
    // In file and line order, so a long list reads top to bottom as the file does.
    super([...issues].sort(byPlace).map(formatIssue).join("\n"));
  }
}

export function builtInPolicyNames(): string[] {
  return readdirSync(POLICIES_DIR)
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .sort();
}

/**
 * Loads `--policy NAME|FILE`: a built-in name (policies/NAME.yaml) or a path. Throws PolicyError with every problem
 * at its line; returns the policy and any warnings (expired waivers) for stderr.
 */
export async function loadPolicy(
  nameOrFile: string,
  catalog: Catalog,
  today: string,
): Promise<{ policy: Policy; warnings: PolicyIssue[] }> {
  // A built-in policy was validated when lic was built: no YAML parse and no schema library on the way to a check.
  const compiled = BUILT_IN_NAME.test(nameOrFile) ? join(COMPILED_DIR, `${nameOrFile}.json`) : null;
  if (compiled && existsSync(compiled))
    return { policy: JSON.parse(readFileSync(compiled, "utf8")) as Policy, warnings: [] };
  const source = readSource(nameOrFile, null);
  if ("error" in source) throw new UsageError(source.error);
  const { parsePolicy } = await import("../policy/parse-policy.js");
  const parsed = parsePolicy(source, { catalog, today, resolve: readSource });
  if (!parsed.ok) throw new PolicyError(parsed.errors);
  return { policy: parsed.policy, warnings: parsed.warnings };
}

/** A shipped policy parsed from its YAML, for the build step that compiles them. */
export async function parseBuiltInPolicy(name: string, catalog: Catalog): Promise<Policy> {
  const source = readSource(name, null);
  if ("error" in source) throw new Error(source.error);
  const { parsePolicy } = await import("../policy/parse-policy.js");
  const parsed = parsePolicy(source, { catalog, today: "1970-01-01", resolve: readSource });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join("\n"));
  return parsed.policy;
}

/**
 * A built-in policy by name, shown as `policies/NAME.yaml` wherever lic is installed, so reports do not depend on
 * the install path; otherwise a file, as given or relative to the policy that extends it.
 */
function readSource(reference: string, from: PolicySource | null): PolicySource | { error: string } {
  const builtIn = BUILT_IN_NAME.test(reference) && existsSync(join(POLICIES_DIR, `${reference}.yaml`));
  const file = builtIn
    ? `policies/${reference}.yaml`
    : from && !isAbsolute(reference)
      ? join(from.file.startsWith("policies/") ? "policies" : dirname(from.file), reference)
      : reference;
  const path = builtIn
    ? join(POLICIES_DIR, `${reference}.yaml`)
    : from?.file.startsWith("policies/") && !isAbsolute(reference)
      ? join(POLICIES_DIR, reference)
      : resolve(file);
  const read = readCappedFile(path, MAX_POLICY_BYTES);
  if (read.ok) return { file, text: read.text };
  if (read.problem === "not-a-regular-file") return { error: `policy "${reference}" is not a regular file` };
  if (read.problem === "too-large") return { error: `policy "${reference}" is larger than 1 MiB` };
  const names = builtInPolicyNames();
  const hint = BUILT_IN_NAME.test(reference)
    ? `${didYouMean(reference, names)} (built-in policies: ${names.join(", ")})`
    : "";
  return { error: `policy "${reference}" is not a built-in policy and cannot be read as a file (${read.code})${hint}` };
}

function byPlace(a: PolicyIssue, b: PolicyIssue): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}

/** `policies/eu.yaml:12: rules.geographicExclusions: …` */
export function formatIssue(issue: PolicyIssue): string {
  return `${issue.file}${issue.line === null ? "" : `:${issue.line}`}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}`;
}
