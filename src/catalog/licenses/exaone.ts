import type { CatalogEntry, Source } from "../types.js";
import { unreadTerms } from "../unread-terms.js";

/**
 * LG AI Research's EXAONE AI Model License Agreement 1.1 - NC, the license of the EXAONE 3.0, 3.5, 4.0 and Deep
 * models (`license: other`, `license_name: exaone`). The text was not available to read here (ScanCode keys it
 * `exaone-ai-model-1.1-nc`, scancode-toolkit#4293): commercial use is marked forbidden on the strength of its title
 * ("NC") and ScanCode's entry, and nothing else is asserted.
 */

const URL = "https://huggingface.co/LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct/blob/main/LICENSE";
const SOURCE: Source = {
  document: "EXAONE AI Model License Agreement 1.1 - NC (text not read)",
  url: URL,
  secondary: true,
};

export const exaoneLicenses: CatalogEntry[] = [
  {
    key: "exaone-ai-model-1.1-nc",
    name: "EXAONE AI Model License Agreement 1.1 - NC",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["exaone", "exaone-ai-model-license-1.1-nc", "exaone-ai-model-license-agreement-1.1-nc"],
    url: URL,
    osi: { approved: false },
    terms: unreadTerms({ kind: "forbidden", scope: "non-commercial", source: SOURCE }, SOURCE),
  },
];
