import type { CatalogEntry, Source } from "../types.js";

/**
 * LG AI Research's EXAONE AI Model License Agreement 1.1 - NC, the license of the EXAONE 3.0, 3.5 and Deep models
 * (`license: other`, `license_name: exaone`). Checked against the ScanCode LicenseDB copy,
 * aboutcode-org/scancode-licensedb@053a651f docs/exaone-ai-model-1.1-nc.LICENSE (ScanCode's source:
 * huggingface.co/LGAI-EXAONE/EXAONE-Deep-32B/blob/main/LICENSE), which is also the matcher's reference text
 * (test/fixtures/license-texts/exaone-ai-model-1.1-nc.txt). Section numbers are the agreement's own. Despite "NC" in its title, the
 * grant is for research only (§2.1.a). §2.1.d lets the licensee distribute the Model and Derivatives with a copy of
 * the Agreement, while §2.2 calls "external distribution" prohibited unless agreed in writing; the entry records the
 * §2.1.d duty and leaves that tension to the reader.
 */

const URL =
  "https://github.com/aboutcode-org/scancode-licensedb/blob/053a651f5e0182bec226b90c4ad47a709da8687b/docs/exaone-ai-model-1.1-nc.LICENSE";
const document = "EXAONE AI Model License Agreement 1.1 - NC";
const cite = (section: string, quote?: string): Source => ({
  document,
  section,
  url: URL,
  ...(quote ? { quote } : {}),
});

export const exaoneLicenses: CatalogEntry[] = [
  {
    key: "exaone-ai-model-1.1-nc",
    name: "EXAONE AI Model License Agreement 1.1 - NC",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["exaone", "exaone-ai-model-license-1.1-nc", "exaone-ai-model-license-agreement-1.1-nc"],
    url: "https://huggingface.co/LGAI-EXAONE/EXAONE-Deep-32B/blob/main/LICENSE",
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "forbidden",
        scope: "research-only",
        source: cite("§2.1.a", "Access, download, install, and use the Model solely for research purposes."),
      },
      geographic: [],
      useRestrictions: {
        document: "EXAONE AI Model License Agreement 1.1 - NC §3.3 Unlawful Use and §3.4 Ethical Use",
        // The licensee must ensure ethical use (§3.4) and distribute with a copy of the Agreement (§2.1.d), which binds
        // recipients itself; no clause asks the licensee to impose the restrictions in its own terms.
        mustPassOn: false,
        source: cite(
          "§3.4 Ethical Use",
          "The Licensee shall ensure that the Model or Derivatives is used in an ethical and responsible manner",
        ),
      },
      obligations: [
        {
          kind: "name-prefix",
          text: "EXAONE",
          // §2.1.c binds every modified Model, distributed or not; "distributing-derivatives" is the nearest trigger.
          when: "distributing-derivatives",
          source: cite(
            "§2.1.c",
            "If the Model is modified, the modified Model must include “EXAONE” at the beginning of its name.",
          ),
        },
        { kind: "include-license-copy", when: "distributing", source: cite("§2.1.d") },
        {
          kind: "attribution",
          when: "publishing",
          source: cite(
            "§4.3 Attribution",
            "the Licensee shall provide appropriate attribution to the Licensor, citing the Model's name and version",
          ),
        },
      ],
      outputs: {
        training: "forbidden",
        detail:
          "The Model, Derivatives and Output may not be used to develop or improve other models (§3.1); the Licensor owns the Output, which the licensee may use, modify and distribute for research purposes only (§4.2).",
        source: cite(
          "§3.1 Commercial Use",
          "the Licensee shall not use the Model, Derivatives or Output to develop or improve other models.",
        ),
      },
      termination: [
        {
          kind: "breach",
          automatic: false,
          detail:
            "The Licensor may terminate the Agreement on breach, effective immediately upon notice; the licensee must then destroy all copies of the Model, Derivatives and Output and certify it in writing (§7.2).",
          source: cite("§7.1 Termination by Licensor"),
        },
        {
          kind: "unilateral-amendment",
          automatic: false,
          detail:
            "The Licensor may modify the Agreement at any time, effective on posting; continued use accepts the revised Agreement.",
          source: cite("§9.1 Modifications"),
        },
      ],
      governingLaw: {
        law: "the laws of the Republic of Korea, without regard to its conflict of laws principles",
        venue:
          "arbitration administered by the Korean Commercial Arbitration Board, seated in Seoul, one arbitrator, in English",
        source: cite("§8 Governing Law"),
      },
    },
  },
];
