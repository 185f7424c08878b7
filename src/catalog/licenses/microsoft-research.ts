import type { CatalogEntry, Source } from "../types.js";

/**
 * Microsoft Research License Terms, the undated terms Microsoft ships with some research code, data and models.
 * Checked against ScanCode LicenseDB's copy (ms-research-license-terms.LICENSE @053a651f; copy in
 * test/fixtures/license-texts/). Sections are numbered "1)", "2) e)" in the text; written here as §1, §2(e).
 */

const URL =
  "https://github.com/aboutcode-org/scancode-licensedb/blob/053a651f5e0182bec226b90c4ad47a709da8687b/docs/ms-research-license-terms.LICENSE";
const cite = (section: string, quote?: string): Source => ({
  document: "Microsoft Research License Terms",
  section,
  url: URL,
  ...(quote ? { quote } : {}),
});

export const microsoftResearchLicenses: CatalogEntry[] = [
  {
    key: "microsoft-research",
    name: "Microsoft Research License Terms",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: [
      "microsoft-research-license",
      "msrla",
      "microsoft-research-license-terms",
      "microsoft-research-license-agreement",
    ],
    url: URL,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "forbidden",
        scope: "research-only",
        source: cite("§1", "to use The Materials solely for non-commercial, non-revenue generating, research purposes"),
      },
      geographic: [],
      // §2 limits scope (no reverse engineering, no malware, no hosting for others); it is not a use policy.
      useRestrictions: null,
      obligations: [
        {
          kind: "retain-notices",
          when: "using",
          source: cite(
            "§2(c)",
            "remove, minimize, block, or modify any notices of Microsoft or its suppliers in The Materials",
          ),
        },
        {
          kind: "no-redistribution",
          when: "distributing",
          source: cite(
            "§2(e)",
            "share, publish, distribute or lend The Materials, provide The Materials as a stand-alone hosted solution for others to use, or transfer The Materials or this agreement to any third party",
          ),
        },
      ],
      outputs: {
        training: "not-addressed",
        detail:
          "The terms do not mention model outputs. Results may be published provided no material or substantial portion of The Materials is included (§4); modifications may be given back to Microsoft only (§3).",
        source: cite("§4"),
      },
      termination: [],
      governingLaw: {
        law: "the law of the US state or Canadian province where you live (or your principal place of business is) if you acquired The Materials in the US or Canada, otherwise the law of the country of acquisition; the FAA governs arbitration, and US residents agree to binding individual arbitration (§9)",
        venue:
          "the federal court in King County, Washington, or failing federal jurisdiction the Superior Court of King County, Washington (exclusive, for disputes heard in court)",
        source: cite("§11"),
      },
    },
  },
];
