import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { shippedReferences } from "../../src/acquire/reference-data.js";
import { getCatalog } from "../../src/catalog/catalog.js";
import { type CheckOptions, checkModel } from "../../src/evaluate/check-model.js";
import { type ParsedPolicy, type PolicySource, parsePolicy } from "../../src/policy/parse-policy.js";
import type { Policy } from "../../src/policy/policy.js";
import type { CheckResult } from "../../src/types/result.js";
import type { ModelSnapshot } from "../../src/types/snapshot.js";

export const POLICIES = fileURLToPath(new URL("../../policies/", import.meta.url));
/** The date the tests run "on", so waiver expiry does not depend on the clock. */
export const TODAY = "2026-11-26";

/** Resolves `extends:` as the CLI does: a shipped policy by name (shown as policies/NAME.yaml), else a path beside the file. */
function resolvePolicy(reference: string, from: PolicySource): PolicySource | { error: string } {
  const builtIn = /^[a-z][a-z0-9-]*$/.test(reference);
  const file = builtIn ? `policies/${reference}.yaml` : resolve(dirname(from.file), reference);
  try {
    return { file, text: readFileSync(builtIn ? `${POLICIES}${reference}.yaml` : file, "utf8") };
  } catch {
    return { error: `cannot read ${reference}` };
  }
}

export function parsePolicyText(text: string, file = "/policies-under-test/policy.yaml", today = TODAY): ParsedPolicy {
  return parsePolicy({ file, text }, { catalog: getCatalog(), resolve: resolvePolicy, today });
}

export function policyFrom(text: string, file?: string): Policy {
  const parsed = parsePolicyText(text, file);
  if (!parsed.ok) throw new Error(parsed.errors.map((issue) => `${issue.path}: ${issue.message}`).join("\n"));
  return parsed.policy;
}

export function builtInPolicy(name: string): Policy {
  return policyFrom(readFileSync(`${POLICIES}${name}.yaml`, "utf8"), `policies/${name}.yaml`);
}

export function check(snapshot: ModelSnapshot, policy: Policy = builtInPolicy("default")): CheckResult {
  return checkModel(snapshot, policy, checkOptions());
}

/** What checkModel needs besides the snapshot and policy, as the CLI hands it in: today, the catalog, the matcher. */
export function checkOptions(more: Partial<CheckOptions> = {}): CheckOptions {
  return { today: TODAY, catalog: getCatalog(), references: shippedReferences, ...more };
}
