import type { CatalogEntry, Source } from "../types.js";

/**
 * The Stability AI Community License Agreement (July 5, 2024). Checked against the ScanCode LicenseDB copy,
 * aboutcode-org/scancode-licensedb@053a651f docs/stability-ai-community-2024.LICENSE (test/fixtures/license-texts/
 * stabilityai-community.txt). That copy drops the section numerals; the agreement's own references ("Section III",
 * "Section IV(a)", "Section V below") fix them: I Introduction, II Research & Non-Commercial, III Commercial,
 * IV General Terms (a–g), V Definitions. The Stability AI Acceptable Use Policy it incorporates is not saved.
 */

const url =
  "https://github.com/aboutcode-org/scancode-licensedb/blob/053a651f5e0182bec226b90c4ad47a709da8687b/docs/stability-ai-community-2024.LICENSE";
const document = "Stability AI Community License Agreement (July 5, 2024)";
const cite = (section: string, quote?: string): Source => ({ document, section, url, ...(quote ? { quote } : {}) });

const REVENUE_CLAUSE =
  "If at any time You or Your Affiliate(s), either individually or in aggregate, generate more than USD $1,000,000 in annual revenue (or the equivalent thereof in Your local currency), regardless of whether that revenue is generated directly or indirectly from the Stability AI Materials or Derivative Works, any licenses granted to You under this Agreement shall terminate as of such date.";

export const stabilityLicenses: CatalogEntry[] = [
  {
    key: "stabilityai-community",
    licensor: {
      name: "Stability AI Ltd. and its Affiliates",
      namespaces: ["stabilityai"],
      source: cite(
        'V Definitions, "Stability AI"',
        '"Stability AI" or "we" means Stability AI Ltd. and its Affiliates.',
      ),
    },
    name: "Stability AI Community License Agreement",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["stabilityai-ai-community", "stabilityai-community", "stability-ai-community"],
    url,
    osi: { approved: false },
    terms: {
      // §III does not apply to someone who receives the Materials from a Licensee as part of an integrated end user product.
      commercialUse: {
        kind: "conditional",
        conditions: [
          {
            kind: "registration",
            consequence:
              "register with Stability AI at https://stability.ai/community-license before using or distributing the Stability AI Materials for a Commercial Purpose",
          },
          {
            kind: "annual-revenue",
            thresholdUsd: 1_000_000,
            consequence:
              "every license under the Agreement ends as of that date, whatever the revenue's source (You and Your Affiliates, individually or in aggregate); you must request an enterprise license from Stability AI, which it may grant in its sole discretion",
          },
        ],
        source: cite("§III Commercial Use License", REVENUE_CLAUSE),
      },
      geographic: [],
      useRestrictions: {
        document: "Stability AI Acceptable Use Policy (https://stability.ai/use-policy)",
        // The licenses are non-sublicensable, so each recipient holds its own license from Stability AI and is bound
        // by the AUP through the copy of the Agreement §IV.a(i) requires; nothing asks a redistributor to impose the
        // AUP in its own terms, as the RAIL licenses do.
        mustPassOn: false,
        source: cite(
          "§IV.b Use Restrictions",
          "adhere to the Documentation and Stability AI’s AUP, which is hereby incorporated by reference",
        ),
      },
      obligations: [
        { kind: "include-license-copy", when: "distributing", source: cite("§IV.a(i)") },
        {
          kind: "notice-file",
          text: "This Stability AI Model is licensed under the Stability AI Community License, Copyright © Stability AI Ltd. All Rights Reserved",
          when: "distributing",
          source: cite("§IV.a(ii)"),
        },
        {
          kind: "display-attribution",
          text: "Powered by Stability AI",
          when: "distributing",
          source: cite("§IV.a(iii)"),
        },
        // Worded as the proviso to adding your own attribution notices to a Derivative Work's Notice file; catalogued
        // as a duty, the cautious reading.
        {
          kind: "mark-modifications",
          when: "distributing-derivatives",
          source: cite(
            "§IV.a",
            "state in the “Notice” text file that You changed the Stability AI Materials and how it was modified",
          ),
        },
      ],
      outputs: {
        training: "forbidden",
        detail:
          "Neither the Materials, Derivative Works nor their outputs may be used to create or improve any foundational generative AI model (excluding the Models or Derivative Works); fine-tunes and LoRAs of the Models are Derivative Works and allowed.",
        source: cite(
          "§IV.b Use Restrictions",
          "You will not use the Stability AI Materials or Derivative Works, or any output or results of the Stability AI Materials or Derivative Works, to create or improve any foundational generative AI model (excluding the Models or Derivative Works).",
        ),
      },
      termination: [
        {
          kind: "revenue-threshold",
          automatic: true,
          detail:
            "Every license under the Agreement ends as of the date You or Your Affiliates generate more than US$1,000,000 in annual revenue, from any source.",
          source: cite("§III Commercial Use License", REVENUE_CLAUSE),
        },
        {
          kind: "ip-litigation",
          automatic: true,
          detail:
            "Every license under the Agreement ends as of the date you or your Affiliates sue Stability AI alleging the Materials, Derivative Works or their outputs infringe your rights.",
          source: cite("§IV.c(iv) Disputes"),
        },
        {
          kind: "breach",
          automatic: false,
          detail:
            "Stability AI may terminate the Agreement on breach; you must then delete and cease use of the Materials and Derivative Works.",
          source: cite("§IV.f Term and Termination"),
        },
        {
          kind: "unilateral-amendment",
          automatic: false,
          detail:
            'The Acceptable Use Policy the Agreement incorporates is the one at stability.ai/use-policy "as may be updated from time to time".',
          source: cite('§V Definitions, "AUP"'),
        },
      ],
      governingLaw: {
        law: "the laws of the United States and the State of California, without regard to choice of law principles; the UN CISG does not apply",
        source: cite("§IV.g Governing Law"),
      },
    },
  },
];
