import type { CatalogEntry, Source } from "../types.js";

/**
 * Tencent Hunyuan community licenses (HunyuanImage, Hunyuan3D, HunyuanVideo, Hunyuan-MT; `license: other` with
 * `license_name: tencent-hunyuan-community` and per-model variants). NOT checked against a primary text here: the
 * territory clause is quoted from the research notes (the Hunyuan-MT LICENSE of 2025-09-01 and ScanCode's
 * `tencent-hunyuan-image-3.0-cla`, cited in docs/wave2-research.md), so every fact is marked secondary. Only the
 * territory is asserted; the MAU threshold and the outputs clause the notes mention are left out until the text is
 * read. The newer "HY" text is said to exclude only the EU (secondary, unverified): not catalogued.
 */

const url = "https://huggingface.co/tencent/Hunyuan-MT-7B/blob/main/LICENSE";
const document = "Tencent Hunyuan Community License Agreement";
const cite = (section: string, quote?: string): Source => ({
  document,
  section,
  url,
  ...(quote ? { quote } : {}),
  secondary: true,
});

export const tencentLicenses: CatalogEntry[] = [
  {
    key: "tencent-hunyuan-community",
    licensor: {
      name: "Tencent",
      namespaces: ["tencent"],
      source: cite("title (the definition of the licensor not read)"),
    },
    name: "Tencent Hunyuan Community License",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["tencent-hunyuan-community", "tencent-hunyuan-community-license"],
    url,
    osi: { approved: false },
    terms: {
      commercialUse: {
        kind: "conditional",
        conditions: [],
        source: cite("preamble (not verified: the text's commercial terms and MAU threshold are not catalogued)"),
      },
      geographic: [
        {
          // "Territory" excludes the European Union, the United Kingdom and South Korea, for every model it covers.
          territories: ["EU", "GB", "KR"],
          appliesTo: "all-models",
          excludes: ["individuals-domiciled", "companies-principal-place-of-business"],
          endUsersExempt: false,
          rightsWithheld: "the whole agreement (it does not apply there)",
          source: cite(
            "title and §1 Territory",
            "THIS LICENSE AGREEMENT DOES NOT APPLY IN THE EUROPEAN UNION, UNITED KINGDOM AND SOUTH KOREA AND IS EXPRESSLY LIMITED TO THE TERRITORY",
          ),
        },
      ],
      useRestrictions: null,
      obligations: [],
      outputs: {
        training: "not-addressed",
        detail: "Not catalogued: the text has not been read here; outputs are said to be limited to the Territory.",
        source: cite("outputs (not verified)"),
      },
      termination: [],
      governingLaw: null,
    },
  },
];
