/** What the core hands to the renderers: the licenses that apply, the findings, the verdict. */
import type { CodeLocation, RepoKind } from "./code-reference.js";
import type { Evidence, Finding, RuleReference, TermReference } from "./finding.js";
import type { Ancestor, EvidenceGap, FileRole } from "./snapshot.js";

import type { Verdict } from "./verdict.js";

export type { Verdict };

/** A license that applies to the model, with every piece of evidence that says so. */
export interface LicenseMention {
  /** The Hub's license id where the Hub has one (`apache-2.0`, `llama4`), our catalog key for other model licenses, the SPDX id for other SPDX licenses, else the declared name folded (see docs/catalog.md). */
  id: string;
  /** The catalog's name for it, or the id when the catalog does not know it. */
  name: string;
  /** Whether the catalog knows this license (and so its terms, for model licenses). */
  known: boolean;
  /**
   * Declared in metadata (card, tags), stated in words by the README's license section (`card-text`: "released
   * under CC BY-NC 4.0"), detected in a shipped text, inherited from an ancestor along `base_model`, or stated by
   * the policy's `clarify:` entry for this model (`policy`), which then replaces what lic identified.
   */
  sources: ("declared" | "card-text" | "detected" | "inherited" | "policy")[];
  evidence: Evidence[];
  /** With source `policy`: the clarify entry (its file, line and path) and who decided it, and why. */
  clarifiedBy?: RuleReference & { decidedBy: string; reason: string; ticket?: string };
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
  /** Where the project's code loads it, when the models came from a scan (lic check --scan, --locked). */
  uses?: CodeUse[];
  /** `dataset` when the repo checked is a dataset (`lic check dataset:org/name`); absent for a model. */
  repoType?: "dataset";
  /**
   * What the model is, as its metadata says: the Hub's task (`pipeline_tag`) and its config's `architectures`, for
   * the ML-BOMs' model card. Absent for a dataset, and when the metadata says neither.
   */
  about?: { task: string | null; architectures: string[] };
  /**
   * The datasets its card and its ancestors' cards name (`datasets:`), and their `source_datasets`, each with its
   * declared licenses; their findings are in `findings` (args.dataset names it). Absent when none was read.
   */
  datasets?: DatasetUsed[];
}

/** A dataset a model was trained on (or a dataset was made from), as reports show it: facts, not the model's license. */
export interface DatasetUsed {
  id: string;
  /** The commit read (its default branch's when read); null when it could not be read. */
  sha: string | null;
  /** The repo whose card names it, and the key that does. */
  declaredBy: { kind: RepoKind; id: string; sha: string };
  via: "datasets" | "source_datasets";
  /** 1: named by a model's own card or an ancestor's; 2: a source of one of those; and so on. */
  depth: number;
  /** Its licenses as its card declares them: the Hub's id (or catalog key), the catalog's name, whether known. */
  licenses: { id: string; name: string; known: boolean }[];
  gated: false | "auto" | "manual";
  /** Where it is named (the declaring card's key), and where its license is declared. */
  evidence: Evidence[];
  /** Why it could not be read (not found, private, gated files, a cycle, a bound, a Hub failure). */
  unavailable: { reason: string; message: string } | null;
}

/** A place in the project's code or configs that loads a model (or dataset), and how. */
export interface CodeUse extends CodeLocation {
  via: string;
}

/** A model lic could not decide on, and why (the CLI exits 3). */
export interface ModelError {
  model: string;
  revision: string | null;
  /** A HubError kind, e.g. `repo-not-found`, `rate-limited`, `offline-miss`. */
  kind: string;
  message: string;
  uses?: CodeUse[];
}

/** What a run found about the project itself, beyond each model: its code's loads and its lic.lock. */
export interface ProjectReport {
  /** The scanned folder, as given. */
  root: string;
  /** The lock compared with, relative to the root; null without --locked. */
  lock: string | null;
  /** Findings about the code (dynamic loads, model confusion) and the lock's drift, severities decided. */
  findings: Finding[];
  /**
   * The datasets the code loads, as it asks for them, with where. Each is checked as a result of its own too
   * (`repoType: "dataset"`), which is what the human formats show; the JSON result keeps this list for its readers.
   */
  datasets: { id: string; requested: string; uses: CodeUse[] }[];
}

/** The policy a run applied, and what a reader must know of it to trust the verdicts. */
export interface PolicyUsed {
  name: string;
  digest: string;
  /**
   * How it was chosen: named with --policy, by the project's configuration (lic.yaml), or `default` because nothing
   * named one: then the permissive built-in policy was used, and every report says so.
   */
  chosenBy?: "flag" | "config" | "default";
  /**
   * Who the policy takes the organization to be, as its `context:` says (domicile, use, distribution, monthly
   * active users, annual revenue): the assumptions every verdict rests on. Empty when the policy states none.
   */
  context?: Record<string, string | number>;
}

/** One run of lic over one or more models, as every renderer receives it. */
export interface RunReport {
  tool: { name: string; version: string };
  policy: PolicyUsed;
  /** When the run happened (ISO 8601, UTC): SOURCE_DATE_EPOCH when set, so a re-run gives the same bytes. */
  generatedAt: string;
  results: CheckResult[];
  errors: ModelError[];
  /** Present when the models came from the project's code (lic check --scan, --locked). */
  project?: ProjectReport;
}
