import type { LicenseExpression } from "../identify/parse-expression.js";
import type { FindingCode, Severity } from "../types/finding.js";

/** What a policy gives a license with some kind of term: block it, warn about it, or allow it. */
export type Outcome = "block" | "warn" | "allow";

/** Where a setting is written: the policy file, its line, and its path in the file. */
export interface PolicyLocation {
  file: string;
  line: number | null;
  path: string;
}

export type RuleName =
  | "osiApproved"
  | "nonCommercial"
  | "commercialConditions"
  | "useRestrictions"
  | "passOnRestrictions"
  | "outputTrainingRestrictions"
  | "geographicExclusions";

export type EvidenceOutcomeName = "unknownLicense" | "unreadableEvidence" | "conflictingEvidence";

export interface Setting<T> {
  value: T;
  at: PolicyLocation;
}

export interface PolicyContext {
  domicile?: Setting<string>;
  use?: Setting<"commercial-product" | "internal" | "research">;
  distribution?: Setting<"internal-only" | "customers" | "publish-derivatives">;
  monthlyActiveUsers?: Setting<number>;
  annualRevenueUsd?: Setting<number>;
}

export interface LicenseListEntry {
  /** As written in the policy. */
  raw: string;
  expression: LicenseExpression;
  at: PolicyLocation;
}

export interface Waiver {
  model: string;
  revision?: string;
  finding: string;
  reason: string;
  approvedBy: string;
  ticket?: string;
  /** The last day it applies, YYYY-MM-DD. */
  expires: string;
  at: PolicyLocation;
}

/** A validated policy: every setting with where it was written, so findings can name the rule that fired. */
export interface Policy {
  name: string;
  description?: string;
  /** sha256 of the policy's canonical form (settings, not locations), so every report names exactly what it was checked against. */
  digest: string;
  /** The files it was built from, base first (built-in policies are files in policies/). */
  files: string[];
  context: PolicyContext;
  /** null: no allow list, every license not denied is allowed. */
  allow: LicenseListEntry[] | null;
  deny: LicenseListEntry[];
  rules: Partial<Record<RuleName, Setting<Outcome>>>;
  outcomes: Partial<Record<EvidenceOutcomeName, Setting<Outcome>>>;
  /** lic gate: what files get when no decision can be made; absent means block (fail closed). */
  undecided?: Setting<Outcome>;
  severity: Partial<Record<FindingCode, Setting<Severity | "off">>>;
  waivers: Waiver[];
}

export const OUTCOME_SEVERITY: Record<Outcome, Severity> = { block: "error", warn: "warning", allow: "info" };
