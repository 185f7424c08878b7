import type { LicenseExpression } from "../identify/parse-expression.js";
import type { FindingCode, Severity } from "../types/finding.js";
import type {
  ContextFile,
  DatasetOutcome,
  DatasetSettingName,
  EvidenceOutcomeName,
  Outcome,
  RuleName,
} from "./schema.js";

export type { DatasetOutcome, DatasetSettingName, EvidenceOutcomeName, Outcome, RuleName } from "./schema.js";

/** Where a setting is written: the policy file, its line, and its path in the file. */
export interface PolicyLocation {
  file: string;
  line: number | null;
  path: string;
}

export interface Setting<T> {
  value: T;
  at: PolicyLocation;
}

/** The organization's context, each setting with where it is written (the schema's ContextSchema, located). */
export type PolicyContext = { [Key in keyof ContextFile]?: Setting<NonNullable<ContextFile[Key]>> };

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

/** A model's license as the organization states it, applied only while the evidence it pins still matches. */
export interface Clarification {
  model: string;
  commit?: string;
  /** A license file and its sha256, checked against the snapshot's texts. */
  file?: { path: string; sha256: string };
  /** As written in the policy. */
  raw: string;
  expression: LicenseExpression;
  /** The expression in SPDX form, as the result's `expression` shows it. */
  spdx: string;
  decidedBy: string;
  reason: string;
  ticket?: string;
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
  /** The `datasets:` section: what each dataset finding gets, where set. */
  datasets: Partial<Record<DatasetSettingName, Setting<DatasetOutcome>>>;
  /** lic gate: what files get when no decision can be made; absent means block (fail closed). */
  undecided?: Setting<Outcome>;
  severity: Partial<Record<FindingCode, Setting<Severity | "off">>>;
  waivers: Waiver[];
  clarify: Clarification[];
}

export const OUTCOME_SEVERITY: Record<Outcome, Severity> = { block: "error", warn: "warning", allow: "info" };
