import { z } from "zod";

/**
 * The policy file as written (YAML), checked strictly: an unknown key is an error, not silently ignored.
 * `lic policy schema` prints this as a JSON Schema for editors. parse-policy.ts turns it into a Policy.
 */

const outcome = z.enum(["block", "warn", "allow"]);

const severity = z.enum(["error", "warning", "info", "off"]);

export const ContextSchema = z
  .strictObject({
    domicile: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 country code, e.g. DE or US")
      .optional()
      .describe("Where the organization is domiciled (individuals) or has its principal place of business (companies): an ISO 3166-1 alpha-2 code. EU membership is known."),
    use: z
      .enum(["commercial-product", "internal", "research"])
      .optional()
      .describe("What the models are used for: in a commercial product or service, internally in a business, or for non-commercial research."),
    distribution: z
      .enum(["internal-only", "customers", "publish-derivatives"])
      .optional()
      .describe("Whether models leave the organization: not at all, to customers (in a product or as weights), or as published derivatives (fine-tunes, quantizations)."),
    monthlyActiveUsers: z.number().int().nonnegative().optional().describe("Monthly active users of the organization's products, for licenses with a user threshold (Llama: 700 million)."),
    annualRevenueUsd: z.number().nonnegative().optional().describe("Annual revenue in US dollars, for licenses with a revenue threshold (Stability AI Community: US$1 million)."),
  })
  .describe("The organization the policy speaks for: the rules evaluate license terms against it.");

export const RulesSchema = z
  .strictObject({
    requireOsiApproved: z.boolean().optional().describe("Every license must be on OSI's approved list (unknown licenses fail too)."),
    forbidNonCommercial: z.boolean().optional().describe("Block licenses that forbid commercial use (non-commercial, research-only, non-production)."),
    forbidCommercialThresholds: z.boolean().optional().describe("Block licenses whose commercial use is conditional on a threshold or registration, even when the context is below it."),
    forbidPassOnRestrictions: z.boolean().optional().describe("Block licenses whose use restrictions must be passed on to recipients (RAIL Attachment A, Gemma §3.2)."),
    forbidUseRestrictions: z.boolean().optional().describe("Block licenses that carry any use policy (AUPs, RAIL attachments)."),
    forbidOutputTrainingRestrictions: z.boolean().optional().describe("Block licenses that restrict using outputs to train other models."),
    blockGeographicExclusions: z.boolean().optional().describe("Block licenses whose rights exclude the context's domicile for this model (the Llama 3.2/3.3/4 EU clause for multimodal models)."),
  })
  .describe("Rules on the catalog's terms.");

const WaiverSchema = z
  .strictObject({
    model: z.string().min(1).describe("The model id, as `org/name`."),
    revision: z.string().regex(/^[0-9a-f]{40}$/, "a 40-hex commit sha").optional().describe("Only at this commit; without it, any revision."),
    finding: z.string().min(1).describe("The finding code it waives, e.g. license-not-allowed."),
    reason: z.string().min(1).describe("Why the exception is granted."),
    approvedBy: z.string().min(1).describe("Who approved it."),
    ticket: z.string().min(1).optional().describe("Where the decision is recorded."),
    expires: z.iso.date("a date as YYYY-MM-DD").describe("The last day it applies (YYYY-MM-DD); after it the finding stands again."),
  })
  .describe("A time-boxed exception, with a name on it.");

export const PolicyFileSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe("The policy's name in reports; defaults to the file name."),
    description: z.string().optional().describe("Who the policy is for."),
    extends: z.string().min(1).optional().describe("A built-in policy name or a path relative to this file; this file's settings are laid over it."),
    context: ContextSchema.optional(),
    licenses: z
      .strictObject({
        allow: z.array(z.string().min(1)).optional().describe("Licenses allowed: catalog keys, Hub ids, SPDX ids or SPDX expressions. With an allow list, anything else is not allowed."),
        deny: z.array(z.string().min(1)).optional().describe("Licenses denied, whatever else allows them."),
      })
      .optional()
      .describe("Allow and deny lists. An OR in a model's license is satisfied by any allowed branch; AND needs every part."),
    rules: RulesSchema.optional(),
    unknownLicense: outcome.optional().describe("What a model whose license cannot be identified, or is not in the catalog, gets."),
    unreadableEvidence: outcome.optional().describe("What a model whose license files could not be read (gated, failing) gets."),
    conflictingEvidence: outcome.optional().describe("What a model whose shipped license differs from its declared one, or is a modified copy, gets."),
    severity: z.record(z.string(), severity).optional().describe("Severity per finding code, replacing the default: error, warning, info, or off."),
    waivers: z.array(WaiverSchema).optional(),
  })
  .describe("A lic policy: what an organization allows, evaluated against its context, with waivers.");

export type PolicyFile = z.infer<typeof PolicyFileSchema>;
export type Outcome = z.infer<typeof outcome>;
