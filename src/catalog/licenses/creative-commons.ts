import type { CatalogEntry, Obligation, Source } from "../types.js";

/**
 * The Creative Commons licenses on the Hub's list, plus the `cc` family id. CC BY-NC 4.0 was checked against
 * test/fixtures/license-texts/cc-by-nc-4.0.txt (spdx-license-list 6.12.0). The other versions' texts are not saved:
 * their facts cite the legal code at creativecommons.org and are marked secondary (they were read in
 * spdx-license-list 6.12.0's licenseText, which is not a fixture). Section numbers are the legal codes' own; the 2.x
 * and 3.0 licenses letter §4 by which elements they carry, so the letters are computed below.
 */

type Version = "2.0" | "2.5" | "3.0" | "4.0";

interface CcLicense {
  /** Hub id and catalog key. */
  key: string;
  spdx: string;
  /** The Hub's name (the SPDX list's, with its port, is indexed through `spdx`). */
  name: string;
  version: Version;
  nc: boolean;
  nd: boolean;
  sa: boolean;
}

const PORT: Record<Version, string> = { "2.0": "Generic", "2.5": "Generic", "3.0": "Unported", "4.0": "International" };

/** The fixture we checked cc-by-nc-4.0 against; every other CC fact is secondary. */
const VERIFIED = new Set(["cc-by-nc-4.0"]);

interface CcSections {
  grant: string;
  nonCommercial: string;
  noDerivatives: string;
  attribution: string;
  /** Absent where the license asks only for a credit line (2.x) or allows no adaptations (3.0 ND). */
  markModifications: string | null;
  licenseCopy: string;
  shareAlike: string;
  /** The definition of adapted material: Adapted Material, Adaptation, Derivative Work. */
  adapted: string;
  termination: string;
}

/** Section references that differ between the 4.0 legal code and the 2.x/3.0 ones. */
function sectionsOf(license: CcLicense): CcSections {
  if (license.version === "4.0") {
    return {
      grant: "§2(a)(1)",
      nonCommercial: "§2(a)(1)(A)–(B)",
      noDerivatives: "§2(a)(1)(B)",
      attribution: "§3(a)(1)(A)",
      markModifications: "§3(a)(1)(B)",
      licenseCopy: "§3(a)(1)(C)",
      shareAlike: "§3(b)",
      adapted: "§1(a)",
      termination: "§6(a)",
    };
  }
  // §4 is lettered in this order: (a) the license copy, then ShareAlike, NonCommercial and attribution as present.
  const letters = [
    "licenseCopy",
    ...(license.sa ? ["shareAlike"] : []),
    ...(license.nc ? ["nonCommercial"] : []),
    "attribution",
  ];
  const letter = (element: string) =>
    letters.includes(element) ? `§4(${String.fromCharCode(97 + letters.indexOf(element))})` : "§4";
  return {
    grant: "§3",
    nonCommercial: letter("nonCommercial"),
    // 3.0 ND grants no right to make Adaptations at all (§3, last paragraph).
    noDerivatives: "§3",
    attribution: letter("attribution"),
    // Only 3.0 asks Adaptations to label their changes (§3(b)); 2.x asks only for a credit (attribution).
    markModifications: license.version === "3.0" && !license.nd ? "§3(b)" : null,
    licenseCopy: letter("licenseCopy"),
    shareAlike: letter("shareAlike"),
    adapted: license.version === "3.0" ? "§1(a)" : "§1(b)",
    termination: "§7(a)",
  };
}

function ccEntry(license: CcLicense): CatalogEntry {
  const elements = [
    "by",
    ...(license.nc ? ["nc"] : []),
    ...(license.nd ? ["nd"] : []),
    ...(license.sa ? ["sa"] : []),
  ].join("-");
  const legalcode = `https://creativecommons.org/licenses/${elements}/${license.version}/legalcode`;
  const title = [
    "Attribution",
    ...(license.nc ? ["NonCommercial"] : []),
    ...(license.nd ? ["NoDerivatives"] : []),
    ...(license.sa ? ["ShareAlike"] : []),
  ].join("-");
  // 2.x and 3.0 spell it "NoDerivs".
  const documentTitle = license.version === "4.0" ? title : title.replace("NoDerivatives", "NoDerivs");
  const document = `Creative Commons ${documentTitle} ${license.version} ${PORT[license.version]}`;
  const verified = VERIFIED.has(license.key);
  const cite = (section: string, quote?: string): Source => ({
    document,
    section,
    url: legalcode,
    ...(quote && verified ? { quote } : {}),
    ...(verified ? {} : { secondary: true as const }),
  });
  const sections = sectionsOf(license);
  const is4 = license.version === "4.0";

  const obligations: Obligation[] = [
    { kind: "attribution", when: "distributing", source: cite(sections.attribution) },
    {
      kind: "include-license-copy",
      when: "distributing",
      source: cite(
        sections.licenseCopy,
        "indicate the Licensed Material is licensed under this Public License, and include the text of, or the URI or hyperlink to, this Public License",
      ),
    },
  ];
  if (sections.markModifications) {
    obligations.push({
      kind: "mark-modifications",
      // 4.0 asks it of any sharing, including technically modified copies under ND; 3.0 of Adaptations.
      when: is4 ? "distributing" : "distributing-derivatives",
      source: cite(
        sections.markModifications,
        "indicate if You modified the Licensed Material and retain an indication of any previous modifications",
      ),
    });
  }
  if (license.sa) {
    // ShareAlike has no obligation kind of its own: adaptations must carry a license with the same elements (this
    // version or later, or a compatible one) and its text or URI, which is what this obligation records.
    obligations.push({
      kind: "include-license-copy",
      when: "distributing-derivatives",
      source: cite(sections.shareAlike),
    });
  }

  const outputsDetail = [
    "The license does not mention model outputs; whether an output, or a model trained on outputs, is adapted material is unsettled.",
    ...(license.nd
      ? [
          is4
            ? "NoDerivatives: Adapted Material (which may include a fine-tuned model) may be produced but not shared (§2(a)(1)(B))."
            : "NoDerivs: the license grants no right to make Adaptations at all (§3).",
        ]
      : []),
  ].join(" ");

  return {
    key: license.key,
    name: license.name,
    kind: "license",
    spdx: license.spdx,
    hubIds: [license.key],
    licenseNames: [],
    url: legalcode,
    // spdx-license-list flags no Creative Commons license as OSI-approved.
    osi: { approved: false },
    terms: {
      commercialUse: license.nc
        ? {
            kind: "forbidden",
            scope: "non-commercial",
            source: cite(sections.nonCommercial, "for NonCommercial purposes only"),
          }
        : { kind: "allowed", source: cite(sections.grant) },
      geographic: [],
      useRestrictions: null,
      obligations,
      outputs: {
        training: "not-addressed",
        detail: outputsDetail,
        source: cite(license.nd ? sections.noDerivatives : sections.adapted),
      },
      ...(license.sa
        ? {
            adaptations: {
              kind: "share-alike" as const,
              detail:
                "Adapted material you share must be licensed under the same license elements (this version or later, or a compatible license).",
              source: cite(sections.shareAlike),
            },
          }
        : license.nd
          ? {
              adaptations: {
                kind: "no-derivatives" as const,
                detail: is4
                  ? "Adapted material may be produced but not shared."
                  : "The license grants no right to make Adaptations at all.",
                source: cite(sections.noDerivatives),
              },
            }
          : {}),
      termination: [
        {
          kind: "breach",
          automatic: true,
          detail: is4
            ? "Your rights terminate automatically if you fail to comply; they are reinstated automatically if the violation is cured within 30 days of your discovering it, or by the licensor's express reinstatement (§6(b))."
            : "The license terminates automatically upon any breach; recipients of your adaptations or collections keep their licenses while they comply.",
          source: cite(
            sections.termination,
            is4
              ? "if You fail to comply with this Public License, then Your rights under this Public License terminate automatically"
              : undefined,
          ),
        },
      ],
      // The CC legal codes choose no governing law.
      governingLaw: null,
    },
  };
}

const cc = (
  key: string,
  spdx: string,
  name: string,
  version: Version,
  nc: boolean,
  nd: boolean,
  sa: boolean,
): CcLicense => ({ key, spdx, name, version, nc, nd, sa });

export const creativeCommonsLicenses: CatalogEntry[] = [
  {
    key: "cc",
    name: "Creative Commons license family",
    kind: "family",
    spdx: null,
    hubIds: ["cc"],
    licenseNames: [],
    url: "https://creativecommons.org/licenses/",
    osi: { approved: false },
  },
  ...[
    cc("cc-by-nc-2.0", "CC-BY-NC-2.0", "Creative Commons Attribution Non Commercial 2.0", "2.0", true, false, false),
    cc("cc-by-nc-3.0", "CC-BY-NC-3.0", "Creative Commons Attribution Non Commercial 3.0", "3.0", true, false, false),
    cc("cc-by-nc-4.0", "CC-BY-NC-4.0", "Creative Commons Attribution Non Commercial 4.0", "4.0", true, false, false),
    cc(
      "cc-by-nc-nd-3.0",
      "CC-BY-NC-ND-3.0",
      "Creative Commons Attribution Non Commercial No Derivatives 3.0",
      "3.0",
      true,
      true,
      false,
    ),
    cc(
      "cc-by-nc-nd-4.0",
      "CC-BY-NC-ND-4.0",
      "Creative Commons Attribution Non Commercial No Derivatives 4.0",
      "4.0",
      true,
      true,
      false,
    ),
    cc(
      "cc-by-nc-sa-2.0",
      "CC-BY-NC-SA-2.0",
      "Creative Commons Attribution Non Commercial Share Alike 2.0",
      "2.0",
      true,
      false,
      true,
    ),
    cc(
      "cc-by-nc-sa-3.0",
      "CC-BY-NC-SA-3.0",
      "Creative Commons Attribution Non Commercial Share Alike 3.0",
      "3.0",
      true,
      false,
      true,
    ),
    cc(
      "cc-by-nc-sa-4.0",
      "CC-BY-NC-SA-4.0",
      "Creative Commons Attribution Non Commercial Share Alike 4.0",
      "4.0",
      true,
      false,
      true,
    ),
    cc("cc-by-nd-4.0", "CC-BY-ND-4.0", "Creative Commons Attribution No Derivatives 4.0", "4.0", false, true, false),
    cc("cc-by-2.0", "CC-BY-2.0", "Creative Commons Attribution 2.0", "2.0", false, false, false),
    cc("cc-by-2.5", "CC-BY-2.5", "Creative Commons Attribution 2.5", "2.5", false, false, false),
    cc("cc-by-3.0", "CC-BY-3.0", "Creative Commons Attribution 3.0", "3.0", false, false, false),
    cc("cc-by-4.0", "CC-BY-4.0", "Creative Commons Attribution 4.0", "4.0", false, false, false),
    cc("cc-by-sa-3.0", "CC-BY-SA-3.0", "Creative Commons Attribution Share Alike 3.0", "3.0", false, false, true),
    cc("cc-by-sa-4.0", "CC-BY-SA-4.0", "Creative Commons Attribution Share Alike 4.0", "4.0", false, false, true),
  ].map(ccEntry),
  {
    key: "cc0-1.0",
    name: "Creative Commons Zero v1.0 Universal",
    kind: "license",
    spdx: "CC0-1.0",
    hubIds: ["cc0-1.0"],
    licenseNames: [],
    url: "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
    osi: { approved: false },
    terms: {
      // A waiver "for any purpose whatsoever"; §4(a) keeps trademark and patent rights out of it.
      commercialUse: {
        kind: "allowed",
        source: {
          document: "Creative Commons CC0 1.0 Universal",
          section: "§2 Waiver",
          url: "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
          secondary: true,
        },
      },
      geographic: [],
      useRestrictions: null,
      obligations: [],
      outputs: {
        training: "not-addressed",
        detail: "A public-domain dedication; it places no conditions on any use.",
        source: {
          document: "Creative Commons CC0 1.0 Universal",
          section: "§2 Waiver",
          url: "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
          secondary: true,
        },
      },
      termination: [],
      governingLaw: null,
    },
  },
];
