import * as z from "zod";
import { isDomicileCode } from "./eu-members.js";

/**
 * The policy file as written (YAML), checked strictly: an unknown key is an error, not silently ignored.
 * `lic policy schema` prints this as a JSON Schema for editors. parse-policy.ts turns it into a Policy.
 */

/** What a policy gives a license with some kind of term, or a model with some kind of evidence. */
export const OutcomeSchema = z.enum(["block", "warn", "allow"]);
const outcome = OutcomeSchema;

const severity = z.enum(["error", "warning", "info", "off"]);

/** The one slip common enough to name: UK is reserved in ISO 3166-1, the United Kingdom is GB. */
function hintFor(input: unknown): string {
  return typeof input === "string" && input.toUpperCase() === "UK" ? "; the United Kingdom is GB" : "";
}

export const ContextSchema = z
  .strictObject({
    domicile: z
      .string()
      // Membership, not only shape: a code that names no country (`XX`) would silently turn the EU rule off.
      .refine(isDomicileCode, {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not an ISO 3166-1 alpha-2 country code (or EU)${hintFor(issue.input)}`,
      })
      .meta({ pattern: "^[A-Za-z]{2}$" })
      .optional()
      .describe(
        "Where the organization is domiciled (individuals) or has its principal place of business (companies): an ISO 3166-1 alpha-2 code, or EU for an EU member state. EU membership is known.",
      ),
    use: z
      .enum(["commercial-product", "internal", "research"])
      .optional()
      .describe(
        "What the models are used for: in a commercial product or service, internally in a business, or for non-commercial research.",
      ),
    distribution: z
      .enum(["internal-only", "customers", "publish-derivatives"])
      .optional()
      .describe(
        "Whether models leave the organization: not at all, to customers (in a product or as weights), or as published derivatives (fine-tunes, quantizations).",
      ),
    monthlyActiveUsers: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe(
        "Monthly active users of the organization's products, for licenses with a user threshold (Llama: 700 million).",
      ),
    annualRevenueUsd: z
      .number()
      .nonnegative()
      .optional()
      .describe(
        "Annual revenue in US dollars, for licenses with a revenue threshold (Stability AI Community: US$1 million).",
      ),
  })
  .describe("The organization the policy speaks for: the rules evaluate license terms against it.");

export const RulesSchema = z
  .strictObject({
    osiApproved: outcome
      .optional()
      .describe("What a license that is not OSI-approved gets (block: allow only OSI-approved licenses)."),
    nonCommercial: outcome
      .optional()
      .describe("What a license that forbids commercial use (non-commercial, research-only, non-production) gets."),
    commercialConditions: outcome
      .optional()
      .describe(
        "What a license whose commercial use is conditional (a user or revenue threshold, registration) gets. Over a threshold the context states, the model is blocked whatever this says.",
      ),
    useRestrictions: outcome
      .optional()
      .describe("What a license that binds you to a use policy (an AUP, a RAIL Attachment A) gets."),
    passOnRestrictions: outcome
      .optional()
      .describe("What a license whose use restrictions must be passed on to recipients gets."),
    outputTrainingRestrictions: outcome
      .optional()
      .describe("What a license that forbids using outputs to train other models gets."),
    geographicExclusions: outcome
      .optional()
      .describe(
        "What a license whose rights exclude the context's domicile for this model gets (the Llama 3.2/3.3/4 EU clause, for multimodal models).",
      ),
  })
  .describe("Rules on the catalog's terms: what a license with each kind of term gets.");

/**
 * What a dataset finding gets: block (error), warn (warning), allow (shown as information, never counted against the
 * model), or off (not reported). A dataset's terms are advisories on a model trained on it, never its license.
 */
export const DatasetOutcomeSchema = z.enum(["block", "warn", "allow", "off"]);
const datasetOutcome = DatasetOutcomeSchema;

export const DatasetsSchema = z
  .strictObject({
    nonCommercial: datasetOutcome
      .optional()
      .describe("A training dataset whose license forbids commercial use (CC BY-NC). Default: warn."),
    researchOnly: datasetOutcome
      .optional()
      .describe(
        "A dataset for research only: by its license, its gate's terms or its card's words (a dataset checked on its own included). Default: warn.",
      ),
    shareAlike: datasetOutcome
      .optional()
      .describe(
        "A training dataset under a share-alike license (CC BY-SA, ODbL, CDLA-Sharing). Default: allow (information).",
      ),
    noDerivatives: datasetOutcome
      .optional()
      .describe("A training dataset whose license forbids sharing adaptations (CC BY-ND). Default: warn."),
    unlicensed: datasetOutcome
      .optional()
      .describe("A training dataset that declares no license (or only `unknown`). Default: warn."),
    unavailable: datasetOutcome
      .optional()
      .describe(
        "A dataset that could not be read (missing, private, gated, a cycle, a bound). Default: allow (information).",
      ),
    notDeclared: datasetOutcome
      .optional()
      .describe("A model that names no training data in its card or its ancestors'. Default: off."),
    fromRestrictedModel: datasetOutcome
      .optional()
      .describe(
        "A dataset generated by a model whose license forbids using its outputs to train other models (Llama 2 and 3). Default: warn.",
      ),
  })
  .describe(
    "What each dataset finding gets: the training data a model's cards name, and the sources of a dataset checked on its own.",
  );

/** What a model gets for the state of its license evidence, at the policy's top level. */
export const EvidenceOutcomesSchema = z.strictObject({
  unknownLicense: outcome
    .optional()
    .describe(
      "What a model gets when nothing identifies a license (none declared, `other` without a name, `unknown`).",
    ),
  unreadableEvidence: outcome
    .optional()
    .describe("What a model whose license files could not be read (gated, failing) gets."),
  conflictingEvidence: outcome
    .optional()
    .describe("What a model whose shipped license differs from its declared one, or is a modified copy, gets."),
});

const WaiverSchema = z
  .strictObject({
    model: z.string().min(1).describe("The model id, as `org/name`."),
    revision: z
      .string({ error: 'a 40-hex commit sha, in quotes (YAML reads a sha such as 1234e5… as a number): revision: "…"' })
      .regex(/^[0-9a-f]{40}$/, "a 40-hex commit sha")
      .optional()
      .describe("Only at this commit; without it, any revision."),
    finding: z.string().min(1).describe("The finding code it waives, e.g. license-not-allowed."),
    reason: z.string().min(1).describe("Why the exception is granted."),
    approvedBy: z.string().min(1).describe("Who approved it."),
    ticket: z.string().min(1).optional().describe("Where the decision is recorded."),
    expires: z.iso
      .date("a date as YYYY-MM-DD")
      .describe("The last day it applies (YYYY-MM-DD); after it the finding stands again."),
  })
  .describe("A time-boxed exception, with a name on it.");

const ClarificationSchema = z
  .strictObject({
    model: z.string().min(1).describe("The model id, as `org/name`."),
    commit: z
      .string({ error: 'a 40-hex commit sha, in quotes (YAML reads a sha such as 1234e5… as a number): commit: "…"' })
      .regex(/^[0-9a-f]{40}$/, "a 40-hex commit sha")
      .optional()
      .describe("Only while the model is at this commit; at another, the clarification is stale and not applied."),
    file: z
      .string()
      .min(1)
      .optional()
      .describe("A license file in the repo (e.g. LICENSE) whose hash pins the clarification; needs sha256."),
    sha256: z
      .string({ error: "a 64-hex sha256 of the file, in quotes" })
      .regex(/^[0-9a-f]{64}$/, "a 64-hex sha256")
      .optional()
      .describe("The sha256 of `file` as shipped; when the file changes, the clarification is stale and not applied."),
    license: z
      .string()
      .min(1)
      .describe("The model's license: a catalog key, Hub id, SPDX id or expression, validated like allow entries."),
    decidedBy: z.string().min(1).describe("Who decided what the license is."),
    reason: z.string().min(1).describe("Why: what was read and where."),
    ticket: z.string().min(1).optional().describe("Where the decision is recorded."),
  })
  .refine((entry) => (entry.file === undefined) === (entry.sha256 === undefined), {
    error: "file and sha256 go together: name the license file and its sha256",
    path: ["sha256"],
  })
  .describe(
    "A model's license, stated by the organization where lic cannot tell; applied only while its evidence matches.",
  );

export const PolicyFileSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe("The policy's name in reports; defaults to the file name."),
    description: z.string().optional().describe("Who the policy is for."),
    extends: z
      .string()
      .min(1)
      .optional()
      .describe("A built-in policy name or a path relative to this file; this file's settings are laid over it."),
    context: ContextSchema.optional(),
    licenses: z
      .strictObject({
        allow: z
          .array(z.string().min(1))
          .optional()
          .describe(
            "Licenses allowed: catalog keys, Hub ids, SPDX ids or SPDX expressions. With an allow list, anything else is not allowed.",
          ),
        deny: z.array(z.string().min(1)).optional().describe("Licenses denied, whatever else allows them."),
      })
      .optional()
      .describe(
        "Allow and deny lists. An OR in a model's license is satisfied by any allowed branch; AND needs every part.",
      ),
    rules: RulesSchema.optional(),
    datasets: DatasetsSchema.optional(),
    ...EvidenceOutcomesSchema.shape,
    undecided: outcome
      .optional()
      .describe(
        "lic gate: what a model's files get when no decision can be made (the upstream fails): block (fail closed, the default) answers 503; warn and allow serve them, marked undecided. lic check exits 3 either way.",
      ),
    severity: z
      .record(z.string(), severity)
      .optional()
      .describe("Severity per finding code, replacing the default: error, warning, info, or off."),
    waivers: z.array(WaiverSchema).optional(),
    clarify: z
      .array(ClarificationSchema)
      .optional()
      .describe(
        "Licenses stated by model id (cargo-deny's clarify): each replaces what lic identified while the model id, and the commit or license file's sha256 it pins, still match.",
      ),
  })
  .describe("A lic policy: what an organization allows, evaluated against its context, with waivers.");

export type PolicyFile = z.infer<typeof PolicyFileSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
/** The organization's context as written; the domain's PolicyContext adds where each setting is. */
export type ContextFile = z.infer<typeof ContextSchema>;

/** The rules' names, from the schema: a rule added there is merged, applied and listed without another list to keep. */
export const RULE_NAMES = RulesSchema.keyof().options;
export type RuleName = (typeof RULE_NAMES)[number];

export const EVIDENCE_OUTCOME_NAMES = EvidenceOutcomesSchema.keyof().options;

export type DatasetOutcome = z.infer<typeof DatasetOutcomeSchema>;
export const DATASET_SETTING_NAMES = DatasetsSchema.keyof().options;
export type DatasetSettingName = (typeof DATASET_SETTING_NAMES)[number];
export type EvidenceOutcomeName = (typeof EVIDENCE_OUTCOME_NAMES)[number];
