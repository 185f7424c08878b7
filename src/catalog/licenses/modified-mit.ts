import type { CatalogEntry, Source } from "../types.js";

/**
 * The "modified MIT" licenses: the MIT License with one added paragraph, a duty to display the model's name when a
 * product passes a user or revenue threshold. Cards declare it as `license: other`, `license_name: modified-mit`
 * (moonshotai/Kimi-K2*; MiniMax-AI/MiniMax-M2). Kimi K2's text was checked against the ScanCode LicenseDB copy,
 * aboutcode-org/scancode-licensedb@053a651f docs/moonshot-ai-modified-mit-2025.LICENSE (ScanCode's source:
 * huggingface.co/moonshotai/Kimi-K2-Instruct/raw/main/LICENSE): headed "Modified MIT License", no copyright line, MIT's grant, condition and disclaimer
 * word for word, then the added paragraph. It is
 * not saved in test/fixtures/license-texts/, so the matcher has no reference text for it (it would match MIT).
 * Not read: Kimi K2.5's text (reported to be the same with "Kimi K2.5"), Kimi K3's (reported to be a different
 * "Kimi K3 License", not this entry), and MiniMax-M2's text under the same name (a third-party summary gives 100
 * million MAU or US$30 million annual recurring revenue and "MiniMax M2": unverified). MiniMax's M2.5 *model* license
 * is a different, RAIL-like text per ScanCode. The clause below is Kimi K2's.
 */

const URL = "https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/LICENSE";
const COPY_URL =
  "https://github.com/aboutcode-org/scancode-licensedb/blob/053a651f5e0182bec226b90c4ad47a709da8687b/docs/moonshot-ai-modified-mit-2025.LICENSE";
const cite = (section: string, quote?: string): Source => ({
  document: "Modified MIT License (Kimi K2)",
  section,
  url: COPY_URL,
  ...(quote ? { quote } : {}),
});

export const modifiedMitLicenses: CatalogEntry[] = [
  {
    key: "modified-mit",
    name: "Modified MIT License (Kimi K2)",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["modified-mit", "modified-mit-license", "kimi-k2-modified-mit", "moonshot-ai-modified-mit"],
    url: URL,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "conditional",
        // The clause sets two alternative thresholds: more than 100 million monthly active users, or more than
        // US$20 million monthly revenue. No condition kind expresses a monthly revenue, so that threshold is given
        // in the consequence, not as an `annual-revenue` condition it is not.
        conditions: [
          {
            kind: "monthly-active-users",
            threshold: 100_000_000,
            measuredAt: "the commercial product or service using the model or its derivatives",
            consequence:
              'prominently display "Kimi K2" on the product\'s user interface (the same duty applies above US$20 million in monthly revenue)',
          },
        ],
        source: cite(
          "the added paragraph",
          'you shall prominently display "Kimi K2" on the user interface of such product or service',
        ),
      },
      geographic: [],
      useRestrictions: null,
      obligations: [
        {
          kind: "include-license-copy",
          when: "distributing",
          source: cite(
            "the MIT conditions",
            "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.",
          ),
        },
      ],
      outputs: {
        training: "not-addressed",
        detail: "Neither MIT nor the added clause speaks of outputs.",
        source: cite("the whole text"),
      },
      termination: [],
      governingLaw: null,
    },
  },
];
