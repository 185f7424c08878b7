/** What `lic dist` hands to its renderers: the duties a distribution triggers and whether the model meets them. */
import type { DistRead, RefusedPath } from "./dist-read.js";
import type { TermReference } from "./finding.js";
import type { PolicyUsed } from "./result.js";

/** The duties `lic dist` checks, one spelling everywhere (JSON, docs, renderers). */
export const DUTY_KINDS = [
  "distribution-allowed",
  "license-copy",
  "notice-file",
  "attribution",
  "name-prefix",
  "use-policy",
  "modification-notice",
  "retain-notices",
  "card-license",
  "card-base-model",
  "card-relation",
  "no-relabelling",
  "weight-metadata",
  "folder-contents",
] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/**
 * `met`: the model shows it. `missing`: it does not (exit 1). `review`: lic cannot tell from the files (a credit
 * the license wants without fixing its words); a person checks. `unknown`: what it depends on could not be read
 * (an ancestor on the Hub): exit 3 unless something is missing.
 */
export type DutyStatus = "met" | "missing" | "review" | "unknown";

export interface Duty {
  kind: DutyKind;
  status: DutyStatus;
  /** The license that puts the duty on the distributor; null for the Hub's card metadata and the folder's own checks. */
  license: string | null;
  /** The clause, as the catalog cites it (or the Hub's documentation for card metadata). */
  clause: TermReference | null;
  /** What is required, in the license's words where it gives them: the notice, the phrase, the prefix, the key. */
  expected?: string;
  /** What the model has instead: a file, the name, a card value, a header's value. */
  found?: string;
  /** The file the duty concerns. */
  file?: string;
  /** Why the status is what it is, in a few words (a parse error, the near match's first difference). */
  reason?: string;
  /** Whether `--fix` can write what is missing. */
  fixable: boolean;
}

/** A parent the distribution derives from, and where lic learned of it. */
export interface DistParent {
  id: string;
  sha: string | null;
  relation: string;
  depth: number;
  licenses: string[];
  /** The card's `base_model`, the adapter's `base_model_name_or_path`, or a weights header's base model. */
  from: "card" | "adapter-config" | "weight-header" | "lineage";
  unavailable: { reason: string; message: string } | null;
}

/** A file `--fix` wrote (or, with --dry-run, would write). */
export interface FixApplied {
  path: string;
  action: "create" | "update";
  /** Unified diff of the change, against /dev/null for a new file. */
  diff: string;
}

/** A fix `--fix` left alone: an existing file without --force, a path outside the folder, a text lic does not ship. */
export interface FixSkipped {
  duty: DutyKind;
  path: string | null;
  reason: string;
}

export interface DistReport {
  tool: { name: string; version: string };
  generatedAt: string;
  policy: PolicyUsed;
  target: DistRead["target"];
  /** The name the derivative is published under, and where it came from. */
  name: { value: string; from: "--name" | "folder" | "repo" };
  /** Licenses in force on the distribution: the model's own and every ancestor's. */
  licenses: string[];
  parents: DistParent[];
  /** `ready`: every duty met. `not-ready`: a duty missing or distribution not allowed. `undecided`: a duty unknown. */
  verdict: "ready" | "not-ready" | "undecided";
  duties: Duty[];
  read: {
    files: number;
    weights: { path: string; format: string; problem: string | null }[];
    refused: RefusedPath[];
    bytesRead: number;
  };
  /** Present with --fix or --dry-run. */
  fixes?: { dryRun: boolean; applied: FixApplied[]; skipped: FixSkipped[] };
}
