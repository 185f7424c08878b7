import { createHash } from "node:crypto";
import type { FindingCode, Severity } from "../types.js";

/** What an organization decides. The policy language (allow/deny lists, context, waivers) builds on this shape. */
export interface Policy {
  name: string;
  /** sha256 of the policy's canonical JSON, so every report names exactly the rules it was checked against. */
  digest: string;
  /** Severity per finding code, replacing the check's default; `off` drops the finding. */
  severity: Partial<Record<FindingCode, Severity | "off">>;
}

export function definePolicy(name: string, rules: Omit<Policy, "name" | "digest">): Policy {
  const canonical = JSON.stringify({ name, severity: sortKeys(rules.severity) });
  return { name, digest: `sha256:${createHash("sha256").update(canonical).digest("hex")}`, ...rules };
}

function sortKeys<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) as T;
}
