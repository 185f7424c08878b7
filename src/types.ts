/**
 * The data that flows through lic: what acquisition hands to the core (ModelSnapshot),
 * and what the core hands to the renderers (CheckResult). Plain, JSON-serialisable data only.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Severity = "error" | "warning" | "info";
export type Verdict = "allow" | "warn" | "block";

/** Why a file was read as license evidence. */
export type FileRole = "readme" | "license" | "notice" | "use-policy" | "license-link";

/** A file the repo ships, read at the snapshot's commit. `text` is at most the per-file cap. */
export interface SnapshotFile {
  path: string;
  role: FileRole;
  text: string;
  /** sha256 (hex) of the bytes read. */
  sha256: string;
  /** Bytes read (at most the cap). */
  bytes: number;
  /** True when the file is larger than the cap and only its head was read. */
  truncated: boolean;
}

/** Why evidence that should exist could not be read. */
export type GapReason =
  | "gated" // 401/403 with X-Error-Code: GatedRepo: the user has not been granted access
  | "unauthorized" // 401/403 for another reason (bad or missing token)
  | "not-found" // listed in the repo but answered 404
  | "not-text" // binary content
  | "error"; // the Hub failed (5xx, reset, timeout) after retries

export interface EvidenceGap {
  path: string;
  role: FileRole;
  reason: GapReason;
  /** HTTP status, where the Hub answered. */
  status?: number;
  detail: string;
}

/** Everything lic knows about one model at one commit. Acquired at the edge, checked by the pure core. */
export interface ModelSnapshot {
  /** The id as the user wrote it (may be a legacy or renamed id). */
  requestedId: string;
  /** The revision as the user wrote it (branch, tag or sha); "main" when none was given. */
  requestedRevision: string;
  /** The Hub's canonical id, after renames. */
  id: string;
  /** The commit every other field was read at. */
  sha: string;
  /** The Hub's gating mode. Metadata of gated repos is public; their files may not be. */
  gated: false | "auto" | "manual";
  private: boolean;
  pipelineTag: string | null;
  libraryName: string | null;
  /** Hub-computed tags, e.g. `license:llama3`, `base_model:finetune:org/name`. */
  tags: string[];
  /** The README front matter as the Hub parsed it (`cardData`); null when the card has none. */
  cardData: JsonObject | null;
  /** The model's `config` summary (architectures, model_type) as the Hub gives it. */
  config: JsonObject | null;
  /** The `baseModels` expand field, raw (shape is not documented; lineage reads it). */
  baseModels: JsonValue | null;
  /** Every file path in the repo at `sha`. */
  files: string[];
  /** License evidence files read at `sha`. */
  texts: SnapshotFile[];
  /** Evidence that should have been read and was not. */
  gaps: EvidenceGap[];
}

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
  | { source: "api"; field: string; value: JsonValue };

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

interface BaseFinding<Code extends string, Args> {
  code: Code;
  severity: Severity;
  args: Args;
  evidence: Evidence[];
  /** The policy setting that decided the finding's severity, when a policy did. */
  rule?: RuleReference;
  /** The license clause the finding rests on. */
  term?: TermReference;
  /** The waiver that applies to it. */
  waiver?: WaiverReference;
}

export type Finding =
  | BaseFinding<"license-missing", { texts: number }>
  | BaseFinding<"license-unidentified", { declared: string[] }>
  | BaseFinding<"license-not-in-catalog", { id: string }>
  | BaseFinding<"license-mismatch", { declared: string[]; detected: string; text: string }>
  | BaseFinding<"license-text-modified", { text: string; document: string; score: number; missing: string[]; added: string[] }>
  | BaseFinding<"license-text-unrecognized", { text: string }>
  | BaseFinding<"license-denied", { license: string; entry: string }>
  | BaseFinding<"license-not-allowed", { license: string }>
  | BaseFinding<"license-not-osi-approved", { license: string; stance: string | null }>
  | BaseFinding<"license-non-commercial", { license: string; scope: string }>
  | BaseFinding<"license-commercial-conditions", { license: string; conditions: string[]; exceeded: string | null }>
  | BaseFinding<"license-use-restrictions", { license: string; document: string; mustPassOn: boolean }>
  | BaseFinding<"license-output-restrictions", { license: string; detail: string }>
  | BaseFinding<"license-geographic-restriction", { license: string; region: string; domicile: string; multimodal: boolean }>
  | BaseFinding<"license-laundering", { declared: string[]; inherited: string; ancestor: string }>
  | BaseFinding<"lineage-obligation-missed", { license: string; ancestor: string; obligation: string; detail: string }>
  | BaseFinding<"ancestor-unavailable", { ancestor: string; reason: string; message: string }>
  | BaseFinding<"waiver-expired", { finding: string; expired: string }>
  | BaseFinding<"waiver-unused", { finding: string }>
  | BaseFinding<"card-metadata-invalid", { file: string; reason: string; line: number | null }>
  | BaseFinding<"license-files-unreadable", { files: string[]; reason: GapReason; status: number | null }>;

export type FindingCode = Finding["code"];

/** A license that applies to the model, with every piece of evidence that says so. */
export interface LicenseMention {
  /** The Hub's license id where the Hub has one (`apache-2.0`, `llama4`), our catalog key for other model licenses, the SPDX id for other SPDX licenses, else the declared name folded (see docs/catalog.md). */
  id: string;
  /** The catalog's name for it, or the id when the catalog does not know it. */
  name: string;
  /** Whether the catalog knows this license (and so its terms, for model licenses). */
  known: boolean;
  /** Declared in metadata (card, tags), detected in a shipped text, inherited from an ancestor along `base_model`. */
  sources: ("declared" | "detected" | "inherited")[];
  evidence: Evidence[];
}

/** A shipped text matched against a known license. */
export interface TextMatch {
  /** The license it stands for: for a use policy, the license that incorporates it. */
  id: string;
  /** The document it matched: a license key, a use policy's key (`llama3.2-aup`), or an SPDX id. */
  document: string;
  /** `exact`: the license unchanged. `near`: the same license with sentences changed: not taken as that license. */
  kind: "exact" | "near";
  /** Share of the reference's word 3-grams found in the text. */
  score: number;
  /** SPDX ids with the same text. */
  equivalents: string[];
  /** What a near match changes: the reference's sentences missing (first words), the text's sentences added. */
  differences: { missing: string[]; added: string[] };
}

/** A text that carries license terms (a LICENSE file, the README's license section, the gate prompt). */
export interface LicenseText {
  origin:
    | { kind: "file"; path: string; role: FileRole }
    | { kind: "readme-section"; path: string; line: number }
    | { kind: "card"; path: string[] };
  sha256: string;
  bytes: number;
  truncated: boolean;
  matches: TextMatch[];
  /** Sentences of the text that no match explains, of `sentences`. */
  unexplained: number;
  sentences: number;
}

export interface LicenseAnalysis {
  /** The effective license keys: every license declared or detected unchanged in a shipped text, declared first. */
  ids: string[];
  licenses: LicenseMention[];
  /** The card's `license` as an SPDX expression over catalog ids (LicenseRef-lic-… for ours), when it parses. */
  expression: string | null;
  /** Declared values that name no license (`other` without `license_name`, `unknown`, a broken expression). */
  unidentified: { value: string; reason: string; evidence: Evidence[] }[];
  texts: LicenseText[];
  /** The licenses as one expression: the declared ones (OR where the card offers a choice) AND every license detected only in a shipped text. */
  tree: LicenseTree | null;
  /** For each choice (OR) in `tree`, the branch the policy took: the first that passes. */
  choices: { expression: string; chosen: string }[];
}

/** A license expression over license ids. */
export type LicenseTree =
  | { kind: "license"; key: string; known: boolean }
  | { kind: "with"; key: string; known: boolean; exception: string }
  | { kind: "and" | "or"; left: LicenseTree; right: LicenseTree };

/** A duty a license in force puts on the organization, for what its policy's context says it does with the model. */
export interface ObligationDue {
  license: string;
  kind: string;
  /** The exact text to reproduce (the notice, the phrase, the prefix), where the license gives one. */
  text?: string;
  when: string;
  source: TermReference;
}

export interface CheckResult {
  model: string;
  requested: { model: string; revision: string };
  revision: string;
  gated: false | "auto" | "manual";
  verdict: Verdict;
  license: LicenseAnalysis;
  findings: Finding[];
  /** What the organization must do to comply, from the licenses in force (after any OR choice). */
  obligations: ObligationDue[];
  /** The model's ancestors along `base_model`, each with its commit, relation and licenses; empty with --no-lineage. */
  lineage: Ancestor[];
  gaps: EvidenceGap[];
}

/** One ancestor of a model, pinned to its own commit (null when it could not be read). */
export interface Ancestor {
  id: string;
  sha: string | null;
  relation: "finetune" | "quantized" | "adapter" | "merge";
  /** 1 for a parent, 2 for a grandparent… */
  depth: number;
  /** The model it is a parent of. */
  parent: string;
  /** Its license ids, as its own metadata declares them (filled by the core). */
  licenses: string[];
  /** Its metadata, as acquired (not in reports). */
  snapshot?: ModelSnapshot;
  /** Why it could not be read: not found, private, gated, a cycle, beyond --max-depth, a Hub failure. */
  unavailable: { reason: string; message: string } | null;
}

/** A model's ancestry along `base_model`, to its roots. */
export interface Lineage {
  ancestors: Ancestor[];
  /** False when an ancestor could not be read for a reason that may pass (the lineage is then not cached), or offline. */
  complete: boolean;
}

/** A model lic could not decide on, and why (the CLI exits 3). */
export interface ModelError {
  model: string;
  revision: string | null;
  /** A HubError kind, e.g. `repo-not-found`, `rate-limited`, `offline-miss`. */
  kind: string;
  message: string;
}

/** One run of lic over one or more models, as every renderer receives it. */
export interface RunReport {
  tool: { name: string; version: string };
  policy: { name: string; digest: string };
  /** When the run happened (ISO 8601, UTC): SOURCE_DATE_EPOCH when set, so a re-run gives the same bytes. */
  generatedAt: string;
  results: CheckResult[];
  errors: ModelError[];
}
