import type { CatalogEntry } from "../types.js";

/**
 * Google's Health AI Developer Foundations (HAI-DEF) Terms of Use, which MedGemma and the other HAI-DEF models name
 * (`license: other`, `license_name: health-ai-developer-foundations`, linking
 * developers.google.com/health-ai-developer-foundations/terms). The terms page was not available to read here: only
 * its title and address are known (from the Notice files Google ships, "HAI-DEF is provided under and subject to the
 * Health AI Developer Foundations Terms of Use"). No term is stated, so lic reports it as a license whose terms it
 * does not know rather than guess at commercial use.
 */

export const googleHealthLicenses: CatalogEntry[] = [
  {
    key: "health-ai-developer-foundations",
    name: "Health AI Developer Foundations Terms of Use",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: [
      "health-ai-developer-foundations",
      "health-ai-developer-foundations-terms-of-use",
      "hai-def",
      "hai-def-terms-of-use",
    ],
    url: "https://developers.google.com/health-ai-developer-foundations/terms",
    osi: { approved: false },
  },
];
