import type { CatalogEntry, LicenseTerms, Source } from "../types.js";

/**
 * The Open RAIL licenses on the Hub's list: CreativeML OpenRAIL-M, CreativeML OpenRAIL++-M, BigScience OpenRAIL-M,
 * BigScience BLOOM RAIL 1.0 and BigCode OpenRAIL-M v1, and the `openrail` family id.
 * Checked against CompVis/stable-diffusion@21f890f9 LICENSE, Stability-AI/stablediffusion@cf1d67a6 LICENSE-MODEL and
 * the ScanCode LicenseDB copies at aboutcode-org/scancode-licensedb@053a651f (copies in test/fixtures/license-texts/).
 * The CompVis, Stability and BLOOM copies print §4's four conditions unlettered or as 1–4; we letter them a–d, as
 * §4 itself does when it cites "paragraph 4.a.". The BigCode copy prints its two grants unnumbered between §1 and §4;
 * they are §2 and §3.
 */

const LICENSEDB = "053a651f5e0182bec226b90c4ad47a709da8687b";
const licensedbUrl = (file: string) =>
  `https://github.com/aboutcode-org/scancode-licensedb/blob/${LICENSEDB}/docs/${file}`;

interface RailM extends RailMText {
  /** Hub id and catalog key. */
  key: string;
  name: string;
  /** Where the Hub's license list points for the text. */
  url: string;
}

/** What the terms of a RAIL-M text depend on; DeepSeek's license is one too (deepseek.ts). */
export interface RailMText {
  /** Title and date, as the text gives them. */
  document: string;
  /** Where the text we checked is published, at the commit we checked. */
  textUrl: string;
  /** Who §7 says may restrict use remotely ("The Licensor", "DeepSeek"). */
  licensor?: string;
  /** How §1 labels the definition of "Derivatives of the Model". */
  derivativesSection: string;
  /** How Attachment A is titled, with its number of restricted uses. */
  attachment: string;
  /** §7's last sentence: "You shall undertake reasonable efforts to use the latest version of the Model." */
  latestVersion: boolean;
}

/** The RAIL-M licenses that share BigScience's BLOOM RAIL structure: §2–3 grants, §4 conditions, §5 Attachment A, §7 updates. */
function railM(license: RailM): CatalogEntry {
  return {
    key: license.key,
    name: license.name,
    kind: "license",
    spdx: null,
    hubIds: [license.key],
    licenseNames: [],
    url: license.url,
    osi: { approved: false },
    terms: railMTerms(license),
  };
}

/** The terms the BLOOM RAIL structure gives; no governing law (the RAIL-M texts state none). */
export function railMTerms(license: RailMText): LicenseTerms {
  const cite = (section: string, quote?: string): Source => ({
    document: license.document,
    section,
    url: license.textUrl,
    ...(quote ? { quote } : {}),
  });

  return {
    commercialUse: {
      kind: "allowed",
      source: cite(
        "§2 Grant of Copyright License",
        "a perpetual, worldwide, non-exclusive, no-charge, royalty-free, irrevocable copyright license",
      ),
    },
    geographic: [],
    useRestrictions: {
      document: license.attachment,
      mustPassOn: true,
      source: cite(
        "§5 Use-based restrictions",
        "You shall require all of Your users who use the Model or a Derivative of the Model to comply with the terms of this paragraph (paragraph 5).",
      ),
    },
    obligations: [
      {
        kind: "pass-on-use-restrictions",
        when: "distributing",
        source: cite(
          "§4.a",
          "Use-based restrictions as referenced in paragraph 5 MUST be included as an enforceable provision by You in any type of legal agreement (e.g. a license) governing the use and/or distribution of the Model or Derivatives of the Model",
        ),
      },
      { kind: "include-license-copy", when: "distributing", source: cite("§4.b") },
      { kind: "mark-modifications", when: "distributing-derivatives", source: cite("§4.c") },
      // §4.d: retain the copyright, patent, trademark and attribution notices the Model carries.
      { kind: "retain-notices", when: "distributing", source: cite("§4.d") },
      // §7 binds every user, not only redistributors.
      ...(license.latestVersion
        ? [
            {
              kind: "use-latest-version" as const,
              when: "using" as const,
              source: cite(
                "§7 Updates and Runtime Restrictions",
                "You shall undertake reasonable efforts to use the latest version of the Model.",
              ),
            },
          ]
        : []),
    ],
    outputs: {
      training: "conditional",
      detail:
        'Allowed, but a model trained on the Model\'s output to perform similarly (distillation, synthetic data) is a "Derivative of the Model", so the Attachment A restrictions and the §4 conditions follow it; "No use of the output can contravene any provision as stated in the License" (§6).',
      source: cite(
        license.derivativesSection,
        "any other model which is created or initialized by transfer of patterns of the weights, parameters, activations or output of the Model",
      ),
    },
    termination: [
      {
        kind: "ip-litigation",
        automatic: true,
        detail:
          "Patent licenses under the License end as of the date you file patent litigation alleging the Model or Complementary Material infringes; the copyright license is unaffected.",
        source: cite("§3 Grant of Patent License"),
      },
      {
        kind: "remote-restriction",
        automatic: false,
        detail: license.latestVersion
          ? `${license.licensor ?? "The Licensor"} may restrict (remotely or otherwise) usage of the Model in violation of the License, update the Model through electronic means, or modify its Output based on updates.`
          : `${license.licensor ?? "The Licensor"} may restrict (remotely or otherwise) usage of the Model in violation of the License.`,
        source: cite("§7 Updates and Runtime Restrictions"),
      },
    ],
    governingLaw: null,
  };
}

const bigcodeDocument = "BigCode Open RAIL-M v1 License Agreement";
const bigcodeTextUrl = licensedbUrl("bigcode-open-rail-m-v1.LICENSE");
const bigcode = (section: string, quote?: string): Source => ({
  document: bigcodeDocument,
  section,
  url: bigcodeTextUrl,
  ...(quote ? { quote } : {}),
});

/** BigCode rewrote the template: conditions are in §5, any license carrying ¶4 and Attachment A will do, and no §7 update duty. */
const bigcodeTerms: LicenseTerms = {
  commercialUse: {
    kind: "allowed",
    source: bigcode(
      "Section I: Preamble",
      "Openness here is understood as enabling users of the Model on a royalty free basis to Use it, modify it, and even share commercial versions of it.",
    ),
  },
  geographic: [],
  useRestrictions: {
    document: "BigCode Open RAIL-M v1, Attachment A (Use Restrictions; 14 restricted uses)",
    mustPassOn: true,
    source: bigcode(
      "§5.1",
      "You may Share the Model or Modifications of the Model under any license of your choice that does not contradict the restrictions in Attachment A of this License Agreement and includes: a. Paragraph 4 and the restrictions in Attachment A",
    ),
  },
  obligations: [
    // §5.1.b also accepts use conditions and restrictions that "accomplish the same purpose" as ¶4 and Attachment A.
    { kind: "pass-on-use-restrictions", when: "distributing", source: bigcode("§5.1") },
    { kind: "include-license-copy", when: "distributing", source: bigcode("§5.2.a") },
    // Not a notice in each file: Explanatory Documentation (model cards) of the changes, "of the same or better quality".
    {
      kind: "mark-modifications",
      when: "distributing-derivatives",
      source: bigcode(
        "§5.2.b",
        "if sharing Modifications of the Model, add Explanatory Documentation of the same or better quality documenting the changes made to create the Modifications of the Model",
      ),
    },
    {
      kind: "retain-notices",
      when: "distributing",
      source: bigcode("§5.2.c", "Retain all copyright, patent, trademark, and attribution notices."),
    },
  ],
  outputs: {
    training: "conditional",
    detail:
      'Allowed, but a model created or initialized by transfer of patterns of the Output is a "Modification of the Model", so Attachment A and §5 follow it; you must not contravene the License Agreement with your Use of the Output (§6).',
    source: bigcode(
      "§1.i",
      "“Modifications of the Model” means all changes to the Model or any other model which is created or initialized by transfer of patterns of the weights, parameters, activations or Output of the Model.",
    ),
  },
  termination: [
    {
      kind: "ip-litigation",
      automatic: true,
      detail:
        "All rights granted under the License Agreement for the Model (not only the patent license) end as of the date you file patent litigation alleging the Model infringes.",
      source: bigcode(
        "§3 Grant of Patent license",
        "then any rights granted to You under this License Agreement for the Model shall terminate as of the date such litigation is filed.",
      ),
    },
    {
      kind: "breach",
      automatic: true,
      detail:
        "Compliance with Attachment A is a condition to the grants: a restricted use is unlicensed, without notice from the Licensor.",
      source: bigcode(
        "§4 Use conditions",
        "Compliance with the restrictions in Attachment A is a condition to the grants in this License Agreement.",
      ),
    },
    {
      kind: "remote-restriction",
      automatic: false,
      detail:
        "The Licensor may restrict (remotely or otherwise) usage of the Model in violation of the License Agreement.",
      source: bigcode("§7 Updates and Runtime Restrictions"),
    },
  ],
  governingLaw: null,
};

export const openrailLicenses: CatalogEntry[] = [
  {
    key: "openrail",
    name: "OpenRAIL license family",
    // A card that says only `openrail` names no single text; which member applies must come from the LICENSE file.
    kind: "family",
    spdx: null,
    hubIds: ["openrail"],
    licenseNames: [],
    url: "https://huggingface.co/blog/open_rail",
    osi: { approved: false },
  },
  railM({
    key: "creativeml-openrail-m",
    name: "CreativeML Open RAIL-M",
    document: "CreativeML Open RAIL-M (August 22, 2022)",
    textUrl: "https://github.com/CompVis/stable-diffusion/blob/21f890f9da3cfbeaba8e2ac3c425ee9e998d5229/LICENSE",
    url: "https://huggingface.co/spaces/CompVis/stable-diffusion-license",
    derivativesSection: '§1, "Derivatives of the Model"',
    attachment: "CreativeML Open RAIL-M, Attachment A (Use Restrictions; 11 restricted uses)",
    latestVersion: true,
  }),
  railM({
    key: "openrail++",
    name: "CreativeML Open RAIL++-M License",
    document: "CreativeML Open RAIL++-M License (November 24, 2022)",
    textUrl:
      "https://github.com/Stability-AI/stablediffusion/blob/cf1d67a6fd5ea1aa600c4df58e5b47da45f6bdbf/LICENSE-MODEL",
    // The Hub's list points at SDXL's LICENSE.md, a later copy we have not compared; this is the text we checked.
    url: "https://github.com/Stability-AI/stablediffusion/blob/cf1d67a6fd5ea1aa600c4df58e5b47da45f6bdbf/LICENSE-MODEL",
    derivativesSection: '§1, "Derivatives of the Model"',
    attachment: "CreativeML Open RAIL++-M, Attachment A (Use Restrictions; 11 restricted uses)",
    // The only change from CreativeML OpenRAIL-M besides title and copyright: §7 ends after the runtime restriction.
    latestVersion: false,
  }),
  railM({
    key: "bigscience-openrail-m",
    name: "BigScience Open RAIL-M License",
    document: "BigScience Open RAIL-M License (August 18, 2022)",
    textUrl: licensedbUrl("bigscience-open-rail-m.LICENSE"),
    url: "https://bigscience.huggingface.co/blog/bigscience-openrail-m",
    derivativesSection: "§1(e)",
    attachment: "BigScience Open RAIL-M, Attachment A (Use Restrictions; 13 restricted uses)",
    latestVersion: true,
  }),
  railM({
    key: "bigscience-bloom-rail-1.0",
    name: "BigScience RAIL License v1.0",
    document: "BigScience RAIL License v1.0 (May 19, 2022)",
    textUrl: licensedbUrl("bigscience-rail-1.0.LICENSE"),
    url: "https://huggingface.co/spaces/bigscience/license",
    derivativesSection: "§1.5",
    attachment: "BigScience RAIL License v1.0, Attachment A (Use Restrictions; 13 restricted uses)",
    latestVersion: true,
  }),
  {
    key: "bigcode-openrail-m",
    name: "BigCode Open RAIL-M v1 License Agreement",
    kind: "license",
    spdx: null,
    hubIds: ["bigcode-openrail-m"],
    licenseNames: [],
    url: "https://www.bigcode-project.org/docs/pages/bigcode-openrail",
    osi: { approved: false },
    terms: bigcodeTerms,
  },
];
