import type { CatalogEntry, Source } from "../types.js";

/**
 * Meta's FAIR Noncommercial Research License v1 (October 16, 2024), with the FAIR Acceptable Use Policy it embeds.
 * Checked against facebookresearch/pixio@b83555d6:LICENSE (copy in test/fixtures/license-texts/). Section numbers
 * are the license's own; the definitions before §1 are unnumbered.
 */

const URL = "https://github.com/facebookresearch/pixio/blob/b83555d6581f4906f6f1fc1ae0abb04f622db32f/LICENSE";
const cite = (section: string, quote?: string): Source => ({
  document: "FAIR Noncommercial Research License v1 (October 16, 2024)",
  section,
  url: URL,
  ...(quote ? { quote } : {}),
});

export const fairLicenses: CatalogEntry[] = [
  {
    key: "fair-noncommercial-research-license",
    name: "FAIR Noncommercial Research License",
    kind: "license",
    spdx: null,
    hubIds: ["fair-noncommercial-research-license"],
    licenseNames: ["fair-noncommercial-research-license", "fair-noncommercial-research", "fair-nc-research-license"],
    url: URL,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "forbidden",
        scope: "research-only",
        source: cite(
          "§1.b.i",
          "You will not use the Research Materials or any outputs or results of the Research Materials in connection with any commercial uses or for any uses other than Noncommercial Research Uses",
        ),
      },
      geographic: [],
      useRestrictions: {
        document: "FAIR Acceptable Use Policy",
        // Unlike the Llama agreements, §1.b.ii lets you distribute "only under the terms of this Agreement", which
        // incorporates the policy (§1.b.iv); the policy also bars you from allowing others to break it.
        mustPassOn: true,
        source: cite(
          "§1.b.iv",
          "adhere to the FAIR Acceptable Use Policy, which is hereby incorporated by reference into this Agreement",
        ),
      },
      obligations: [
        {
          kind: "include-license-copy",
          when: "distributing",
          source: cite("§1.b.ii", "You shall also provide a copy of this Agreement to such third party."),
        },
        {
          kind: "pass-on-use-restrictions",
          when: "distributing",
          source: cite(
            "§1.b.ii",
            "If you distribute or make the Research Materials, or any derivative works thereof, available to a third party, you may only do so under the terms of this Agreement.",
          ),
        },
        {
          kind: "attribution",
          when: "publishing",
          source: cite(
            "§1.b.iii",
            "If you submit for publication the results of research you perform on, using, or otherwise in connection with Research Materials, you must acknowledge the use of Research Materials in your publication.",
          ),
        },
      ],
      outputs: {
        training: "conditional",
        detail:
          "Outputs and results may be used only for Noncommercial Research Uses, so training another model on them is limited to noncommercial research.",
        source: cite("§1.b.i"),
      },
      termination: [
        {
          kind: "breach",
          automatic: false,
          detail:
            "Meta may terminate the Agreement if you are in breach; you must then delete and cease use of the Research Materials.",
          source: cite("§6"),
        },
        {
          kind: "ip-litigation",
          automatic: true,
          detail:
            "Licenses end as of the date you file litigation alleging that the Research Materials, outputs or results infringe your IP or other rights.",
          source: cite("§5.b"),
        },
        {
          kind: "unilateral-amendment",
          automatic: false,
          detail:
            'Meta may modify the Agreement from time to time ("similar in spirit"); changes take effect immediately and continued use is acceptance.',
          source: cite("§8"),
        },
      ],
      governingLaw: {
        law: "State of California, without regard to choice of law principles; the UN CISG does not apply",
        venue: "the courts of California (exclusive)",
        source: cite("§7"),
      },
    },
  },
];
