import type { CatalogEntry } from "../types.js";

/**
 * Google's Health AI Developer Foundations (HAI-DEF) Terms of Use ("Last modified: November 15, 2024"), which
 * MedGemma and the other HAI-DEF models name (`license: other`, `license_name: health-ai-developer-foundations`,
 * linking developers.google.com/health-ai-developer-foundations/terms). Only the title, date and definitions were
 * readable here (the opening of ScanCode LicenseDB's `health-ai-developer-tou-2024`, which ScanCode files as
 * "Proprietary Free" and which refers to a HAI-DEF Prohibited Use Policy); its grant, restrictions and duties were
 * not, so no term is stated.
 *
 * The entry deliberately takes no `license_name`: lic reports nothing for a catalogued license without terms, so
 * mapping the cards' name here would turn today's `license-not-in-catalog` warning into a silent pass (under
 * `commercial` too) for terms nobody has read. Map `health-ai-developer-foundations` here once the terms are
 * written up from the text.
 */

export const googleHealthLicenses: CatalogEntry[] = [
  {
    key: "health-ai-developer-tou-2024",
    name: "Health AI Developer Foundations Terms of Use (November 15, 2024)",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: [],
    url: "https://developers.google.com/health-ai-developer-foundations/terms",
    osi: { approved: false },
  },
];
