import type { CatalogEntry, Source } from "../types.js";
import { railMTerms } from "./openrail.js";

/**
 * The DeepSeek License Agreement 1.0, a RAIL-M derivative under PRC law. Checked against
 * deepseek-ai/DeepSeek-V3@9b4e9788 LICENSE-MODEL (copy in test/fixtures/license-texts/deepseek-license-1.0.txt).
 * §1's definitions are unnumbered in the text. Its §2–7 follow the RAIL-M template word for word, with DeepSeek as
 * the licensor; Attachment A adds "For military use in any way" and "inappropriate content subject to applicable
 * regulatory requirements" to the RAIL list; §14 adds a governing law.
 */

const url = "https://github.com/deepseek-ai/DeepSeek-V3/blob/9b4e9788e4a3a731f7567338ed15d3ec549ce03b/LICENSE-MODEL";
const document = "DeepSeek License Agreement, Version 1.0 (23 October 2023)";
const cite = (section: string, quote?: string): Source => ({ document, section, url, ...(quote ? { quote } : {}) });

export const deepseekLicenses: CatalogEntry[] = [
  {
    key: "deepseek",
    licensor: {
      name: "DeepSeek (Beijing and Hangzhou DeepSeek Artificial Intelligence Fundamental Technology Research Co., Ltd. and their affiliates)",
      namespaces: ["deepseek-ai"],
      source: cite(
        '§1 Definitions, "DeepSeek"',
        '"DeepSeek" (or "we") means Beijing DeepSeek Artificial Intelligence Fundamental Technology Research Co., Ltd., Hangzhou DeepSeek Artificial Intelligence Fundamental Technology Research Co., Ltd. and/or any of their affiliates.',
      ),
    },
    name: "DeepSeek License Agreement 1.0",
    kind: "license",
    spdx: null,
    hubIds: [],
    licenseNames: ["deepseek", "deepseek-license"],
    url,
    osi: { approved: false },
    terms: {
      ...railMTerms({
        document,
        textUrl: url,
        licensor: "DeepSeek",
        derivativesSection: '§1, "Derivatives of the Model"',
        attachment: "DeepSeek License Agreement 1.0, Attachment A (Use Restrictions; 11 restricted uses)",
        latestVersion: false,
      }),
      governingLaw: {
        law: "PRC law, without regard to choice of law principles; the UN CISG does not apply",
        venue:
          "the courts of the domicile of Hangzhou DeepSeek Artificial Intelligence Fundamental Technology Research Co., Ltd. (exclusive)",
        source: cite("§14 Governing Law and Jurisdiction"),
      },
    },
  },
];
