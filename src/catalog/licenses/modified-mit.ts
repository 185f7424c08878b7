import type { CatalogEntry, Source } from "../types.js";

/**
 * The "modified MIT" licenses: the MIT License with one added sentence, a duty to display the model's name when a
 * product passes a user or revenue threshold. Cards declare it as `license: other`, `license_name: modified-mit`
 * (moonshotai/Kimi-K2*, Kimi-K3; MiniMax-AI/MiniMax-M2). The text is not saved in test/fixtures/license-texts/ and
 * the Kimi K2 LICENSE (github.com/moonshotai/Kimi-K2, huggingface.co/moonshotai/Kimi-K2-Instruct) could not be
 * opened here: the added clause is taken from Simon Willison's note of 2025-07-12, which quotes it in full (read in a
 * mirror of the note, the address cited), so every fact is secondary. Kimi K2.5's text is reported to be the same
 * with "Kimi K2.5"; Kimi K3's is reported to be a different "Kimi K3 License" (not this entry). MiniMax-M2's text
 * under the same name was not read: a third-party summary gives 100 million MAU or US$30 million annual recurring
 * revenue and "MiniMax M2" (unverified), and its M2.5 *model* license is a different, RAIL-like text per ScanCode.
 * The clause below is Kimi K2's.
 * The MIT part is the MIT License as SPDX publishes it.
 */

const URL = "https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/LICENSE";
const K2: Source = {
  document: "Modified MIT License (Kimi K2), as quoted in Simon Willison's note of 2025-07-12",
  section: "the paragraph added after the MIT text",
  url: "https://personal-info-aggregator.pages.dev/article/AI模型突破与技术进展_-_关于大模型、多模态模型等前沿技术突破/20250712-moonshotaiKimi-K2-Instruct.html",
  quote: 'you shall prominently display "Kimi K2" on the user interface of such product or service',
  secondary: true,
};
const MIT: Source = { document: "MIT License", url: "https://spdx.org/licenses/MIT.html" };

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
        source: K2,
      },
      geographic: [],
      useRestrictions: null,
      obligations: [
        {
          kind: "include-license-copy",
          when: "distributing",
          source: {
            ...MIT,
            quote:
              "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.",
          },
        },
      ],
      outputs: { training: "not-addressed", detail: "Neither MIT nor the added clause speaks of outputs.", source: K2 },
      termination: [],
      governingLaw: null,
    },
  },
];
