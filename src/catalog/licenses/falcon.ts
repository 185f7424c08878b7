import type { CatalogEntry, Source } from "../types.js";
import { unreadTerms } from "../unread-terms.js";

/**
 * The Falcon 2 11B TII License Version 1.0 (May 2024), Apache-2.0 with an acceptable use policy and a publication
 * statement. Checked against the ScanCode LicenseDB copy, aboutcode-org/scancode-licensedb@053a651f
 * docs/falcon-2-11b-1.0.LICENSE (test/fixtures/license-texts/falcon-2-11b-tii-license-1.0.txt). That copy drops the
 * section numbers; the text's own references ("Sections 1 to 11", "Section 5", "Section 5.3", "Section 6") fix them:
 * 1 Definitions, 2–3 grants, 4 Redistribution, 5 Acceptable Use, 6 Publication, 7–11 as in Apache-2.0. §4's
 * conditions are cited by position, since the text gives no label for them.
 * Falcon 3 and Falcon-H1 cards name `falcon-llm-license` for the TII Falcon License 2.0, a different text we have
 * not saved or read: its entry below states only what the cards' link and secondary notes say, marked secondary.
 * The Acceptable Use Policy at FalconLLM.tii.ae is not saved either.
 */

const url =
  "https://github.com/aboutcode-org/scancode-licensedb/blob/053a651f5e0182bec226b90c4ad47a709da8687b/docs/falcon-2-11b-1.0.LICENSE";
const document = "Falcon 2 11B TII License Version 1.0 (May 2024)";
const cite = (section: string, quote?: string): Source => ({ document, section, url, ...(quote ? { quote } : {}) });

const FALCON_2_URL = "https://falconllm.tii.ae/falcon-terms-and-conditions.html";
const FALCON_2_SOURCE: Source = {
  document: "TII Falcon License 2.0 (text not read)",
  url: FALCON_2_URL,
  secondary: true,
};

export const falconLicenses: CatalogEntry[] = [
  {
    key: "falcon-2-11b-tii",
    licensor: {
      name: "Technology Innovation Institute – Sole Proprietorship L.L.C. (TII)",
      namespaces: ["tiiuae"],
      source: cite(
        'Definitions, "TII"',
        '"TII" shall mean the Technology Innovation Institute – Sole Proprietorship L.L.C., or any party nominated in writing by Technology Innovation Institute – Sole Proprietorship L.L.C. as its successor for the purposes of this License',
      ),
    },
    name: "Falcon 2 11B TII License Version 1.0",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["falcon-2-11b-tii-license-1.0"],
    url,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "allowed",
        source: cite(
          "§2 Grant of Copyright License",
          "Your copyright license to use the Work shall be royalty free and without charge.",
        ),
      },
      geographic: [],
      useRestrictions: {
        document: "Falcon LLM Acceptable Use Policy (FalconLLM.tii.ae)",
        mustPassOn: true,
        source: cite(
          "§4 Redistribution, condition 1",
          "use-based restrictions incorporating the Acceptable Use Policy in the manner set out in Section 5 of this license, and which do not otherwise conflict with the Acceptable Use Policy, must be included as enforceable provisions by You in any type of legal agreement (e.g. a license) governing the use and/or distribution of the Work or any Derivative Works that You distribute",
        ),
      },
      obligations: [
        { kind: "pass-on-use-restrictions", when: "distributing", source: cite("§4 Redistribution, condition 1") },
        { kind: "include-license-copy", when: "distributing", source: cite("§4 Redistribution, condition 2") },
        {
          kind: "mark-modifications",
          when: "distributing-derivatives",
          source: cite("§4 Redistribution, condition 3"),
        },
        // Conditions 4 and 5: keep the Work's copyright, patent, trademark and attribution notices, and the
        // attribution notices of its NOTICE file if it has one.
        { kind: "retain-notices", when: "distributing-derivatives", source: cite("§4 Redistribution, conditions 4–5") },
        // TII may approve a "reasonably adjusted version" of the statement for a given publication.
        {
          kind: "display-attribution",
          text: "[name of relevant Derivative Work] is built using Falcon LLM technology from the Technology Innovation Institute",
          when: "publishing",
          source: cite(
            "§6 Publication",
            "You shall include prominently in any public statement regarding a Derivative Work the following statement",
          ),
        },
      ],
      outputs: {
        training: "conditional",
        detail: "Allowed, except to create works for any purpose that conflicts with the Acceptable Use Policy.",
        source: cite(
          "§5.2",
          "You may not use the Work or any Derivative Work or any output from the Work or Derivative Work, whether directly or indirectly, to create other works for any purpose which conflicts with the Acceptable Use Policy.",
        ),
      },
      termination: [
        {
          kind: "ip-litigation",
          automatic: true,
          detail:
            "Patent licenses under the License end as of the date you file patent litigation alleging the Work infringes; the copyright license is unaffected.",
          source: cite("§3 Grant of Patent License"),
        },
        {
          kind: "unilateral-amendment",
          automatic: false,
          detail:
            'The Acceptable Use Policy is "the latest version from time to time" of the policy hosted at FalconLLM.tii.ae; users must monitor it and comply with updates.',
          source: cite("§5.3", "The Acceptable Use Policy may be updated from time to time."),
        },
      ],
      governingLaw: null,
    },
  },
  {
    // `falcon-llm-license` is a `license_name` on `license: other` cards (tiiuae/Falcon3-*, Falcon-H1-*), not a Hub id.
    // Reported as Apache-2.0-based with an acceptable use policy "updated from time to time"; not read here, so only
    // commercial use is stated, and it is secondary.
    key: "tii-falcon-2.0",
    licensor: { name: "Technology Innovation Institute (TII)", namespaces: ["tiiuae"], source: FALCON_2_SOURCE },
    name: "TII Falcon License 2.0",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["falcon-llm-license", "tii-falcon-license-2.0", "tii-falcon-license"],
    url: FALCON_2_URL,
    osi: { approved: false },
    terms: {
      ...unreadTerms({ kind: "allowed", source: FALCON_2_SOURCE }, FALCON_2_SOURCE),
      // The acceptable use policy is reported (docs/model-licenses.md of the research, secondary); the duty to pass it
      // on is carried over from Falcon 2 11B TII 1.0 §4, which 2.0 is reported to build on, and is unverified for 2.0:
      // lic warns of it rather than assume it away.
      useRestrictions: {
        document: "Falcon LLM Acceptable Use Policy (FalconLLM.tii.ae; not read)",
        mustPassOn: true,
        source: FALCON_2_SOURCE,
      },
    },
  },
];
