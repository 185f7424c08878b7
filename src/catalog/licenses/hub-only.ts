import type { CatalogEntry, LicenseTerms, Source } from "../types.js";
import { unreadTerms } from "../unread-terms.js";

/**
 * Hub license ids with no SPDX id and no text in test/fixtures/license-texts/, and the Hub's family ids.
 * Names and links are the Hub's (huggingface/hub-docs@242f4a1e, docs/hub/repositories-licenses.md). Every fact here is
 * secondary. The DeepFloyd IF text was read in deep-floyd/IF@73332927:LICENSE-MODEL; no text was found for the H,
 * Intel and Grok 2 licenses, so the research licenses carry only what their names and links state, and Grok 2 none.
 * Looked for again in December 2026 in ScanCode LicenseDB@053a651f and the stored public indexes (the Hub itself was
 * not reachable): no copy of any of the three texts was found. Third-party
 * summaries of Grok 2's (unverified, not relied on) describe commercial use under xAI's acceptable use policy, a
 * "Powered by xAI" display and a ban on training other general-purpose models on outputs. Until the text is read, its
 * commercial use counts as conditional (with no condition known), so a commercial policy warns rather than passing a
 * license nobody here has read.
 */

const HUB_DOCS = "https://huggingface.co/docs/hub/repositories-licenses";

/**
 * A research license whose text we could not read: commercial use is marked forbidden on the strength of its name and
 * the Hub's link, and nothing else is asserted.
 */
function researchOnly(document: string, url: string): LicenseTerms {
  const source: Source = { document, url, secondary: true };
  return unreadTerms({ kind: "forbidden", scope: "research-only", source }, source);
}

/** A license whose text we could not read and whose name says nothing of commercial use: conditional, none known. */
function unreadCommercialTerms(document: string, url: string): LicenseTerms {
  const source: Source = { document, url, secondary: true };
  return unreadTerms({ kind: "conditional", conditions: [], source }, source);
}

const DEEPFLOYD_URL = "https://github.com/deep-floyd/IF/blob/73332927001f82a1bf130fad0256b32a6d718fb2/LICENSE-MODEL";
const deepfloyd = (section: string, quote?: string): Source => ({
  document: "DeepFloyd IF License Agreement",
  section,
  url: DEEPFLOYD_URL,
  ...(quote ? { quote } : {}),
  secondary: true,
});

const family = (key: string, name: string, url: string): CatalogEntry => ({
  key,
  name,
  kind: "family",
  spdx: null,
  hubIds: [key],
  licenseNames: [],
  url,
  osi: { approved: false },
});

const H_RESEARCH_URL = "https://huggingface.co/Hcompany/Holo1-3B/blob/main/LICENSE";
const INTEL_RESEARCH_URL =
  "https://huggingface.co/OpenVINO/Llama-3.1-8B-Instruct-FastDraft-150M-int8-ov/blob/main/LICENSE.md";

export const hubOnlyLicenses: CatalogEntry[] = [
  {
    key: "h-research",
    name: "H Research License",
    kind: "license",
    spdx: null,
    hubIds: ["h-research"],
    licenseNames: ["h-research-license"],
    url: H_RESEARCH_URL,
    osi: { approved: false },
    terms: researchOnly("H Research License", H_RESEARCH_URL),
  },
  {
    key: "intel-research",
    name: "Intel Research Use License Agreement",
    kind: "license",
    spdx: null,
    hubIds: ["intel-research"],
    licenseNames: ["intel-research-use-license", "intel-research-use-license-agreement"],
    url: INTEL_RESEARCH_URL,
    osi: { approved: false },
    terms: researchOnly("Intel Research Use License Agreement", INTEL_RESEARCH_URL),
  },
  {
    key: "grok2-community",
    name: "Grok 2 Community License Agreement",
    kind: "license",
    spdx: null,
    hubIds: ["grok2-community"],
    licenseNames: ["grok-2-community-license", "grok2-community-license-agreement"],
    url: "https://huggingface.co/xai-org/grok-2/blob/main/LICENSE",
    osi: { approved: false },
    terms: unreadCommercialTerms(
      "Grok 2 Community License Agreement",
      "https://huggingface.co/xai-org/grok-2/blob/main/LICENSE",
    ),
  },
  {
    key: "deepfloyd-if-license",
    name: "DeepFloyd IF Research License Agreement",
    kind: "license",
    spdx: null,
    hubIds: ["deepfloyd-if-license"],
    licenseNames: ["deepfloyd-if-research-license", "deepfloyd-license"],
    url: DEEPFLOYD_URL,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "forbidden",
        scope: "research-only",
        source: deepfloyd(
          "§1.a",
          "to reproduce, distribute, and create derivative works of the Software solely for your non-commercial research purposes",
        ),
      },
      geographic: [],
      useRestrictions: {
        document: "DeepFloyd IF License Agreement §2 Restrictions",
        // Recipients must get a copy of the License (§3), which binds them; the redistributor is only barred from
        // permitting or assisting breaches and from imposing inconsistent terms (§2, §2.d).
        mustPassOn: false,
        source: deepfloyd("§2", "You will not, and will not permit, assist or cause any third party to"),
      },
      obligations: [
        {
          kind: "retain-notices",
          when: "using",
          source: deepfloyd(
            "§2.b",
            "alter or remove copyright and other proprietary notices which appear on or in the Software Products",
          ),
        },
        { kind: "include-license-copy", when: "distributing", source: deepfloyd("§3 Attribution (i)") },
        {
          kind: "attribution",
          text: "DeepFloyd is licensed under the DeepFloyd License, Copyright (c) Stability AI Ltd. All Rights Reserved.",
          when: "distributing",
          source: deepfloyd("§3 Attribution (ii)"),
        },
      ],
      outputs: {
        training: "conditional",
        detail:
          "Data produced by the Software falls under the §2.a restrictions (no commercial or production purposes, military, surveillance or biometric processing), so training on it is limited to non-commercial research.",
        source: deepfloyd("§2.a"),
      },
      // §7.b also lets Stability AI terminate at any time on notice; no trigger kind expresses termination at will.
      termination: [
        {
          kind: "breach",
          automatic: true,
          detail: "The License terminates automatically upon any breach.",
          source: deepfloyd("§7.a"),
        },
      ],
      governingLaw: {
        law: "State of California, without regard to conflicts of law provisions",
        venue: "the federal or state courts in San Mateo County, California",
        source: deepfloyd("§10"),
      },
    },
  },
  family("bsd", "BSD license family", HUB_DOCS),
  family("gpl", "GNU General Public License family", "https://www.gnu.org/licenses/gpl.html"),
  family("lgpl", "GNU Lesser General Public License family", "https://www.gnu.org/licenses/lgpl.html"),
  family("gfdl", "GNU Free Documentation License family", "https://www.gnu.org/licenses/fdl.html"),
];
