/**
 * The license catalog's shape: what a license says, as typed data a legal reviewer can read and a policy can
 * evaluate. Every fact carries the Source it was read from.
 */

/** Where a fact is written, precisely enough for a reviewer to open it and find the words. */
export interface Source {
  /** The document and its version, e.g. "Llama 3.2 Community License Agreement (September 25, 2024)". */
  document: string;
  /** Section, clause or paragraph, as the document numbers it: "§1.b.iv", "Attachment A", "§3.2". */
  section?: string;
  /** Where the text can be read. */
  url: string;
  /** The words themselves, verbatim, where a policy or report quotes them. */
  quote?: string;
  /**
   * True when the fact rests on a secondary source (Hub docs, ScanCode metadata, a third-party page) because the
   * license text itself was not available to check it against.
   */
  secondary?: true;
}

export type CommercialUse =
  | { kind: "allowed"; source: Source }
  /** Allowed until a condition is met (a user or revenue threshold), or only after a step (registration). */
  | { kind: "conditional"; conditions: CommercialCondition[]; source: Source }
  | { kind: "forbidden"; scope: "non-commercial" | "research-only" | "non-production"; source: Source };

export type CommercialCondition =
  | {
      /** Over `threshold` monthly active users (measured as `measuredAt` says) needs a separate license. */
      kind: "monthly-active-users";
      threshold: number;
      measuredAt: string;
      consequence: string;
    }
  | { kind: "annual-revenue"; thresholdUsd: number; consequence: string }
  | { kind: "registration"; consequence: string };

/**
 * Rights a license withholds by where the licensee is: a territorial restriction as data. Which families' clauses
 * bite on which models: Llama 3.2, 3.3 and 4 (the use policy's EU clause) on multimodal models only, and the whole
 * Llama 4 family is multimodal (`identify/card/is-multimodal.ts`); Tencent Hunyuan community licenses on every model.
 */
export interface GeographicRestriction {
  /**
   * The territories excluded: ISO 3166-1 alpha-2 codes, with `EU` for the member states of the European Union as a
   * group (not the EEA, not Switzerland; `policy/eu-members.ts`).
   */
  territories: string[];
  /** Which models the restriction covers. */
  appliesTo: "multimodal-models" | "all-models";
  /** Who is excluded: individuals domiciled in the region, companies whose principal place of business is there. */
  excludes: ("individuals-domiciled" | "companies-principal-place-of-business")[];
  /** End users of a product or service that incorporates the model are not excluded. */
  endUsersExempt: boolean;
  /** The rights withheld, in the license's words. */
  rightsWithheld: string;
  source: Source;
}

/** A use policy the license binds its users to (an AUP, a RAIL Attachment A, a prohibited-use policy). */
export interface UseRestrictions {
  document: string;
  /** The catalog key of the use policy, where we catalog it. */
  catalogKey?: string;
  /** Whether a redistributor must impose the restrictions on its own recipients. */
  mustPassOn: boolean;
  source: Source;
}

export type ObligationKind =
  | "include-license-copy" // give recipients a copy of the agreement
  | "notice-file" // keep a Notice text file with the given text
  | "display-attribution" // display a phrase ("Built with Llama") on a website, UI, docs
  | "name-prefix" // derivative model names must begin with the given text
  | "mark-modifications" // modified files carry a notice that they were changed
  | "pass-on-use-restrictions" // impose the use restrictions on recipients, in an enforceable way
  | "use-latest-version" // reasonable efforts to use the latest version of the model
  | "attribution" // credit the licensor (CC BY, academic citation)
  | "retain-notices" // keep the copyright, patent, trademark and attribution notices already there
  | "no-redistribution"; // the license grants no right to distribute at all

export interface Obligation {
  kind: ObligationKind;
  /** The exact text to reproduce (the notice, the phrase, the prefix), where the license gives one. */
  text?: string;
  /** What triggers it. */
  when: "using" | "distributing" | "distributing-derivatives" | "training-on-outputs" | "publishing";
  source: Source;
}

export interface OutputsTerm {
  /** May outputs of the model be used to train or improve other models? */
  training: "allowed" | "conditional" | "forbidden" | "not-addressed";
  detail: string;
  source: Source;
}

/**
 * What a license asks of adapted material, a notion data licenses need: `share-alike` (an adaptation or derivative
 * database that is shared must carry the same license: CC BY-SA, ODbL §4.4, CDLA-Sharing §3.1(a)) or
 * `no-derivatives` (adaptations may not be shared: CC BY-ND). Whether a model trained on the data is adapted
 * material is unsettled, so the dataset findings that read this are advisories (docs/findings/dataset-share-alike.md).
 */
export interface AdaptationsTerm {
  kind: "share-alike" | "no-derivatives";
  detail: string;
  source: Source;
}

export interface TerminationTrigger {
  kind:
    | "breach" // the licensor may terminate on breach
    | "ip-litigation" // suing the licensor over IP ends the license
    | "revenue-threshold" // the license ends when revenue passes a threshold
    | "guardrail-bypass" // circumventing safety guardrails ends the license
    | "unilateral-amendment" // the licensor may change the terms
    | "remote-restriction"; // the licensor may restrict use remotely
  /** Ends without notice or action by the licensor. */
  automatic: boolean;
  detail: string;
  source: Source;
}

export interface GoverningLaw {
  law: string;
  venue?: string;
  source: Source;
}

export interface OsiStatus {
  /** On OSI's list of approved licenses (SPDX `osiApproved`). */
  approved: boolean;
  /** Where OSI has publicly said this license is not open source. */
  stance?: { statement: string; url: string; date: string };
}

/**
 * Who grants the license, and the Hub namespaces that are the licensor's own. A repo under one of those namespaces
 * carrying this license is the licensor publishing its own model: the duties the license puts on licensees and
 * distributors (a NOTICE file, "Built with …", a name prefix, passing the terms on) do not bind it.
 */
export interface Licensor {
  /** The party the license's own definition names ("Meta" means Meta Platforms, Inc. …). */
  name: string;
  /** Hub namespaces (organizations) that are the licensor's own, matched exactly as the Hub spells them. */
  namespaces: string[];
  /** Where the license defines the licensor. */
  source: Source;
}

/** What a model license lets you do and requires of you. */
export interface LicenseTerms {
  commercialUse: CommercialUse;
  geographic: GeographicRestriction[];
  useRestrictions: UseRestrictions | null;
  obligations: Obligation[];
  outputs: OutputsTerm;
  /** Absent where the license asks nothing of adapted material beyond its obligations. */
  adaptations?: AdaptationsTerm;
  termination: TerminationTrigger[];
  governingLaw: GoverningLaw | null;
}

export interface CatalogEntry {
  /** The key in `license.ids`: the Hub's license id where the Hub has one, else ours (documented in docs/catalog.md). */
  key: string;
  name: string;
  /**
   * `license`: a license agreement. `use-policy`: a document a license incorporates (an AUP), identified on its own
   * when shipped as a file. `family`: a Hub id that names a group (`openrail`, `bsd`), not one text.
   */
  kind: "license" | "use-policy" | "family";
  /** For a use policy: the license that incorporates it. */
  partOf?: string;
  /** The SPDX id, where SPDX has one. */
  spdx: string | null;
  /** The Hub `license:` ids that mean this entry. */
  hubIds: string[];
  /** `license_name` values seen on Hub cards with `license: other` (matched case-insensitively). */
  licenseNames: string[];
  /** Where the canonical text is published. */
  url: string;
  osi: OsiStatus;
  /** Structured terms; absent for licenses we have not catalogued beyond their SPDX data. */
  terms?: LicenseTerms;
  /** The licensor, for a license one company grants on its own models; absent for licenses anyone may apply. */
  licensor?: Licensor;
}
