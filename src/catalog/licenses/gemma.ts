import type { CatalogEntry, Source } from "../types.js";

/**
 * Google's Gemma Terms of Use (March 24, 2025) and the Gemma Prohibited Use Policy they incorporate.
 * Checked against the ScanCode LicenseDB copies, aboutcode-org/scancode-licensedb@053a651f
 * docs/gemma-tou-2025-03-24.LICENSE and docs/gemma-pup-2024-02-21.LICENSE (test/fixtures/license-texts/
 * gemma-tou-2025-03-24.txt, gemma-prohibited-use-policy.txt). §3.1's conditions are unlabelled in the text and are
 * cited by position. ai.google.dev/gemma/terms serves whatever version is current, so sources cite the saved copy.
 */

const LICENSEDB = "053a651f5e0182bec226b90c4ad47a709da8687b";
const touUrl = `https://github.com/aboutcode-org/scancode-licensedb/blob/${LICENSEDB}/docs/gemma-tou-2025-03-24.LICENSE`;
const pupUrl = `https://github.com/aboutcode-org/scancode-licensedb/blob/${LICENSEDB}/docs/gemma-pup-2024-02-21.LICENSE`;
const TOU = "Gemma Terms of Use (March 24, 2025)";
const PUP = "Gemma Prohibited Use Policy (February 21, 2024)";
const cite = (section: string, quote?: string): Source => ({
  document: TOU,
  section,
  url: touUrl,
  ...(quote ? { quote } : {}),
});

export const gemmaLicenses: CatalogEntry[] = [
  {
    key: "gemma",
    licensor: { name: "Google LLC", namespaces: ["google"], source: cite("§1.1(d)", '"Google" means Google LLC.') },
    name: "Gemma Terms of Use",
    kind: "license",
    spdx: null,
    hubIds: ["gemma"],
    licenseNames: ["gemma", "gemma-terms-of-use"],
    url: "https://ai.google.dev/gemma/terms",
    osi: { approved: false },
    terms: {
      // No clause limits commercial use: §2.2 conditions use only on the Agreement's own terms.
      commercialUse: {
        kind: "allowed",
        source: cite(
          "§2.2 Use",
          "You may use, reproduce, modify, Distribute, perform or display any of the Gemma Services only in accordance with the terms of this Agreement",
        ),
      },
      geographic: [],
      useRestrictions: {
        document: "Gemma Prohibited Use Policy (ai.google.dev/gemma/prohibited_use_policy)",
        catalogKey: "gemma-pup",
        mustPassOn: true,
        source: cite(
          "§3.2 Use Restrictions",
          'for the restricted uses set forth in the Gemma Prohibited Use Policy at ai.google.dev/gemma/prohibited_use_policy ("Prohibited Use Policy"), which is hereby incorporated by reference into this Agreement',
        ),
      },
      obligations: [
        {
          kind: "pass-on-use-restrictions",
          when: "distributing",
          source: cite(
            "§3.1, condition 1",
            "You must include the use restrictions referenced in Section 3.2 as an enforceable provision in any agreement (e.g., license agreement, terms of use, etc.) governing the use and/or distribution of Gemma or Model Derivatives",
          ),
        },
        { kind: "include-license-copy", when: "distributing", source: cite("§3.1, condition 2") },
        { kind: "mark-modifications", when: "distributing-derivatives", source: cite("§3.1, condition 3") },
        // Not required when Gemma is offered as a Hosted Service, which the Agreement otherwise counts as Distribution.
        {
          kind: "notice-file",
          text: "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms",
          when: "distributing",
          source: cite("§3.1, condition 4"),
        },
      ],
      outputs: {
        training: "conditional",
        detail:
          'Google claims no rights in Outputs (§3.3), but a model trained on Gemma\'s Outputs to perform similarly (distillation, synthetic data) is a "Model Derivative" and stays under the Terms of Use.',
        source: cite(
          "§1.1(e)",
          "any other machine learning model which is created by transfer of patterns of the weights, parameters, operations, or Output of Gemma, to that model in order to cause that model to perform similarly to Gemma, including distillation methods that use intermediate data representations or methods based on the generation of synthetic data Outputs by Gemma for training that model",
        ),
      },
      termination: [
        {
          kind: "breach",
          automatic: false,
          detail:
            "Google may terminate the Agreement on breach; you must then delete and stop using and Distributing all copies of Gemma and Model Derivatives.",
          source: cite("§4.5 Term, Termination, and Survival"),
        },
        {
          kind: "remote-restriction",
          automatic: false,
          detail:
            "Google may restrict (remotely or otherwise) usage of any of the Gemma Services it reasonably believes violates the Agreement.",
          source: cite(
            "§3.2 Use Restrictions",
            "Google reserves the right to restrict (remotely or otherwise) usage of any of the Gemma Services",
          ),
        },
        {
          kind: "unilateral-amendment",
          automatic: false,
          detail:
            "Google may update the Prohibited Use Policy, which the Agreement incorporates by reference, from time to time.",
          source: {
            document: PUP,
            url: pupUrl,
            quote: "Google reserves the right to update this Gemma Prohibited Use Policy from time to time.",
          },
        },
      ],
      governingLaw: {
        law: "the laws of the State of California, without regard to choice of law principles; the UN CISG does not apply",
        venue: "the state and federal courts of Santa Clara County, California (exclusive)",
        source: cite("§4.6 Governing Law and Jurisdiction"),
      },
    },
  },
  {
    key: "gemma-pup",
    name: "Gemma Prohibited Use Policy",
    kind: "use-policy",
    partOf: "gemma",
    spdx: null,
    hubIds: [],
    licenseNames: [],
    url: "https://ai.google.dev/gemma/prohibited_use_policy",
    osi: { approved: false },
  },
];
