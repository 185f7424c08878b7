import type { CatalogEntry, Source } from "../types.js";
import { unreadTerms } from "../unread-terms.js";

/**
 * Black Forest Labs' FLUX.1 [dev] Non-Commercial License v1.1.1. The text is not saved in
 * test/fixtures/license-texts/, so every fact is secondary: read from black-forest-labs/flux@474dc420
 * (model_licenses/LICENSE-FLUX1-dev, 2025-06-27); the Hugging Face LICENSE.md was not compared with it.
 * Section numbers are the license's own.
 */

const URL = "https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md";
const COPY_URL =
  "https://github.com/black-forest-labs/flux/blob/474dc4205306cb76c46ba510e35eec7bbed5efd1/model_licenses/LICENSE-FLUX1-dev";
const cite = (section: string, quote?: string): Source => ({
  document: "FLUX.1 [dev] Non-Commercial License v1.1.1",
  section,
  url: COPY_URL,
  ...(quote ? { quote } : {}),
  secondary: true,
});

const FLUX2_URL = "https://huggingface.co/black-forest-labs/FLUX.2-dev/blob/main/LICENSE.txt";
const FLUX2_SOURCE: Source = {
  document: "FLUX [dev] Non-Commercial License, the FLUX.2 [dev] edition (text not read)",
  url: "https://docs.us.bfl.ai/flux_2/flux2_overview",
  secondary: true,
};

export const fluxLicenses: CatalogEntry[] = [
  {
    key: "flux-1-dev-non-commercial",
    licensor: {
      name: "Black Forest Labs, Inc.",
      namespaces: ["black-forest-labs"],
      source: cite(
        "preamble",
        "Black Forest Labs, Inc. (“we” or “our” or “Company”) is pleased to make available the weights, parameters and inference code for the FLUX.1 [dev] Model",
      ),
    },
    name: "FLUX.1 [dev] Non-Commercial License",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: [
      "flux-1-dev-non-commercial-license",
      "flux.1-dev-non-commercial-license",
      "flux-1-dev-non-commercial",
    ],
    url: URL,
    osi: { approved: false },
    terms: {
      // "Non-Commercial Purpose" (§1.c) admits testing and evaluation by companies, in a non-production environment.
      commercialUse: {
        kind: "forbidden",
        scope: "non-commercial",
        source: cite(
          "§2.b",
          "You may only access, use, Distribute, or create Derivatives of the FLUX.1 [dev] Model or Derivatives for Non-Commercial Purposes.",
        ),
      },
      geographic: [],
      useRestrictions: {
        document: "FLUX.1 [dev] Non-Commercial License §4 Restrictions",
        // Recipients take their rights directly from Black Forest Labs under this License (§3.a), which binds them to
        // §4 itself; the redistributor must not offer conflicting terms (§3.c(ii)) but need not restate §4 as its own.
        mustPassOn: false,
        source: cite("§4.a", "You will not, and will not permit, assist or cause any third party to"),
      },
      obligations: [
        {
          kind: "retain-notices",
          when: "using",
          source: cite(
            "§4.b",
            "alter or remove copyright and other proprietary notices which appear on or in any portion of the FLUX.1 [dev] Model",
          ),
        },
        { kind: "include-license-copy", when: "distributing", source: cite("§3.a") },
        {
          kind: "notice-file",
          text:
            "The FLUX.1 [dev] Model is licensed by Black Forest Labs Inc. under the FLUX.1 [dev] Non-Commercial License. Copyright Black Forest Labs Inc.\n" +
            "IN NO EVENT SHALL BLACK FOREST LABS INC. BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH USE OF THIS MODEL.",
          when: "distributing",
          source: cite("§3.b"),
        },
        {
          kind: "mark-modifications",
          when: "distributing-derivatives",
          source: cite(
            "§3.c(i)",
            "you must also include in the Attribution Notice a statement that you have modified the applicable FLUX.1 [dev] Model",
          ),
        },
      ],
      outputs: {
        training: "conditional",
        detail:
          "Outputs may be used for any purpose, including commercial purposes, except as the License prohibits; they may not be used to train, fine-tune or distill a model that competes with FLUX.1 [dev] or FLUX.1 Kontext [dev], and training other models for commercial use is not a Non-Commercial Purpose (§1.c).",
        source: cite(
          "§2.d",
          "You may use Output for any purpose (including for commercial purposes), except as expressly prohibited herein.",
        ),
      },
      // §8.b also lets Black Forest Labs terminate at any time on notice, with or without breach; no trigger kind
      // expresses termination at will.
      termination: [
        {
          kind: "breach",
          automatic: true,
          detail: "The License terminates automatically upon any breach.",
          source: cite("§8.a"),
        },
        {
          kind: "ip-litigation",
          automatic: true,
          detail:
            "Licenses end as of the date you file a legal action alleging that the model, a Derivative or the FLUX Content Filters infringe your IP or other rights.",
          source: cite("§8.c"),
        },
      ],
      governingLaw: { law: "State of Delaware, without regard to conflicts of law provisions", source: cite("§11") },
    },
  },
  {
    // FLUX.2 [dev] and FLUX.2 [klein] 9B (November 2025 on) name `flux-dev-non-commercial-license`: the "FLUX
    // Non-Commercial License" v2.x, a renamed text we have not read (it may differ from FLUX.1's v1.1.1 in any clause,
    // the output clause among them). Only its non-commercial character is stated, from its name, BFL's FLUX.2
    // overview and the card of a derivative (city96/FLUX.2-dev-gguf); everything else is left unknown.
    key: "flux-dev-non-commercial",
    licensor: { name: "Black Forest Labs, Inc.", namespaces: ["black-forest-labs"], source: FLUX2_SOURCE },
    name: "FLUX [dev] Non-Commercial License (FLUX.2)",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: [
      "flux-dev-non-commercial-license",
      "flux-non-commercial-license",
      "flux-2-dev-non-commercial-license",
    ],
    url: FLUX2_URL,
    osi: { approved: false },
    terms: unreadTerms({ kind: "forbidden", scope: "non-commercial", source: FLUX2_SOURCE }, FLUX2_SOURCE),
  },
];
