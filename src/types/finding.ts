/** Findings as data: a code, typed args, the evidence and the rule and clause behind it. */
import type { RepoKind } from "./code-reference.js";
import type { GapReason, JsonValue } from "./snapshot.js";
import type { Verdict } from "./verdict.js";

export type Severity = "error" | "warning" | "info";

/** Where a fact came from, precise enough for a reviewer to find it again. */
export type Evidence =
  | { source: "tag"; tag: string }
  | {
      source: "card";
      /** Path in the card metadata, e.g. ["license"] or ["extra_gated_prompt"]. */
      path: (string | number)[];
      /** Present when the README at the commit was read: where the key stands. */
      file?: string;
      line?: number;
      quote?: string;
      commit: string;
    }
  | { source: "file"; file: string; commit: string; sha256: string; line?: number; quote?: string }
  | { source: "api"; field: string; value: JsonValue }
  /** A place in the user's own code or config (a path relative to the scanned root). */
  | { source: "code"; file: string; line: number; column: number; via: string }
  /** An entry of the project's lic.lock, by its line. */
  | { source: "lock"; file: string; line: number; entry: string };

/** Where a policy setting is written: the rule that decided a finding. */
export interface RuleReference {
  file: string;
  line: number | null;
  path: string;
}

/** The license clause a finding rests on, as the catalog cites it. */
export interface TermReference {
  document: string;
  section?: string;
  url: string;
  quote?: string;
  secondary?: true;
}

/** A waiver that applied to a finding (its severity is then `info`), or that expired. */
export interface WaiverReference {
  reason: string;
  approvedBy: string;
  ticket?: string;
  expires: string;
  rule: RuleReference;
}

/**
 * What a finding is about: one license of the model's expression (an OR keeps a finding only if its license's branch
 * is in force), or null for the model as a whole. Kept out of the JSON report for now: its `args` name the license.
 */
export type FindingSubject = { license: string } | null;

export interface BaseFinding<Code extends string, Args> {
  code: Code;
  severity: Severity;
  args: Args;
  subject: FindingSubject;
  evidence: Evidence[];
  /** The policy setting that decided the finding's severity, when a policy did. */
  rule?: RuleReference;
  /** The license clause the finding rests on. */
  term?: TermReference;
  /** The waiver that applies to it. */
  waiver?: WaiverReference;
  /**
   * Why the finding is an advisory rather than a verdict on the model's license: on every dataset finding about a
   * model's training data, the positions that make a dataset's terms on a trained model depend on jurisdiction and
   * exceptions (evaluate/datasets/advisory.ts).
   */
  advisory?: TermReference[];
}

export type Finding =
  | BaseFinding<"license-missing", { texts: number }>
  | BaseFinding<"license-unidentified", { declared: string[] }>
  | BaseFinding<"license-not-in-catalog", { id: string }>
  | BaseFinding<"license-mismatch", { declared: string[]; detected: string; text: string }>
  | BaseFinding<"license-stated-differently", { declared: string[]; stated: string; file: string; line: number }>
  | BaseFinding<
      "license-text-modified",
      { text: string; document: string; score: number; missing: string[]; added: string[] }
    >
  | BaseFinding<"license-text-unrecognized", { text: string }>
  | BaseFinding<"license-denied", { license: string; entry: string }>
  | BaseFinding<"license-not-allowed", { license: string }>
  | BaseFinding<"license-not-osi-approved", { license: string; stance: string | null }>
  | BaseFinding<"license-non-commercial", { license: string; scope: string }>
  | BaseFinding<"license-commercial-conditions", { license: string; conditions: string[]; exceeded: string | null }>
  | BaseFinding<"license-use-restrictions", { license: string; document: string; mustPassOn: boolean }>
  | BaseFinding<"license-output-restrictions", { license: string; detail: string }>
  | BaseFinding<
      "license-geographic-restriction",
      { license: string; region: string; domicile: string; multimodal: boolean }
    >
  | BaseFinding<"license-laundering", { declared: string[]; inherited: string; ancestor: string }>
  | BaseFinding<"lineage-obligation-missed", { license: string; ancestor: string; obligation: string; detail: string }>
  | BaseFinding<"ancestor-unavailable", { ancestor: string; reason: string; message: string }>
  | BaseFinding<"waiver-expired", { finding: string; expired: string }>
  | BaseFinding<"waiver-unused", { finding: string }>
  | BaseFinding<
      "clarification-stale",
      { model: string; pinned: "commit" | "file"; file?: string; expected: string; found: string | null }
    >
  | BaseFinding<"card-metadata-invalid", { file: string; reason: string; line: number | null }>
  | BaseFinding<"license-files-unreadable", { files: string[]; reason: GapReason; status: number | null }>
  | BaseFinding<"reference-dynamic", { via: string; expression: string }>
  | BaseFinding<"model-confusion", { id: string; directory: string }>
  | BaseFinding<"lock-entry-missing", { id: string; kind: RepoKind; requested: string }>
  | BaseFinding<"lock-entry-unused", { id: string; kind: RepoKind; requested: string }>
  | BaseFinding<"lock-revision-mismatch", { id: string; kind: RepoKind; inCode: string; locked: string }>
  | BaseFinding<
      "lock-verdict-changed",
      { id: string; revision: string; locked: Verdict; now: Verdict; changed: ("policy" | "catalog")[] }
    >
  | BaseFinding<
      "lock-evidence-changed",
      { id: string; revision: string; path: string; locked: string; found: string | null }
    >
  | BaseFinding<"lock-commit-missing", { id: string; revision: string; message: string }>
  | BaseFinding<"dataset-non-commercial", { dataset: string; license: string; scope: string }>
  | BaseFinding<"dataset-research-only", { dataset: string; signal: ResearchOnlySignal; detail: string }>
  | BaseFinding<"dataset-share-alike", { dataset: string; license: string }>
  | BaseFinding<"dataset-no-derivatives", { dataset: string; license: string }>
  | BaseFinding<"dataset-unlicensed", { dataset: string; declared: string[] }>
  | BaseFinding<"dataset-unavailable", { dataset: string; reason: string; message: string }>
  | BaseFinding<"dataset-not-declared", { model: string }>
  | BaseFinding<
      "dataset-from-restricted-model",
      { dataset: string; generator: string; license: string; detail: string }
    >;

/** What says a dataset is for research only: its license's terms, its gate's terms, or its card's words. */
export type ResearchOnlySignal = "license" | "gated-terms" | "card-text";

export type FindingCode = Finding["code"];

export type FindingOf<Code extends FindingCode> = Extract<Finding, { code: Code }>;

/**
 * Facts a finding's severity rests on that its args do not show: the report shows args, the policy decides on these.
 * A check states them; apply-policy reads them and drops them.
 */
export interface DecisionBasis {
  /** Nothing else identifies a license, so the model has none that is known. */
  "license-unidentified": { alone: boolean };
  /** The deny list entry that names the license. */
  "license-denied": { entry: RuleReference };
  /** Where the allow list is written. */
  "license-not-allowed": { allowList: RuleReference };
  /** The context setting (users, revenue) that is over one of the license's thresholds, if one is. */
  "license-commercial-conditions": { overThreshold: RuleReference | null };
  /** The use policy must be passed on to recipients, and the organization distributes models. */
  "license-use-restrictions": { bindsRecipients: boolean };
  /** Where `context.domicile` is written, when it is inside the restriction's territory; null otherwise (or unset). */
  "license-geographic-restriction": { domicileInside: RuleReference | null };
  /** The clarify entry whose evidence no longer matches. */
  "clarification-stale": { entry: RuleReference };
}

type BasisOf<Code extends FindingCode> = Code extends keyof DecisionBasis ? { basis: DecisionBasis[Code] } : unknown;

/** What a check reports: a finding before the policy decides its severity (no severity, rule or waiver yet). */
export type FactOf<Code extends FindingCode> = Omit<FindingOf<Code>, "severity" | "rule" | "waiver"> & BasisOf<Code>;

export type Fact = { [Code in FindingCode]: FactOf<Code> }[FindingCode];
