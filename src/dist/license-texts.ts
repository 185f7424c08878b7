import { createRequire } from "node:module";
import type { Catalog } from "../catalog/catalog.js";
import type { LicenseTextSource } from "../evaluate/dist/plan-fixes.js";

const load = createRequire(import.meta.url);

/**
 * The license texts `--fix` can write: the SPDX list's text (`spdx-license-list`, the same text the matcher's
 * SPDX references are built from, so a copy written is matched exactly). lic ships fingerprints of the model
 * licenses (Llama, Gemma, RAIL…), not their texts, so for those it points at the licensor's URL instead.
 */
export function spdxLicenseTexts(catalog: Catalog): LicenseTextSource {
  return (license) => {
    const spdx = catalog.get(license)?.spdx;
    if (!spdx || !/^[A-Za-z0-9.+-]+$/.test(spdx)) return null;
    try {
      const { licenseText } = load(`spdx-license-list/licenses/${spdx}.json`) as { licenseText: string };
      return { spdx, text: licenseText };
    } catch {
      return null;
    }
  };
}
