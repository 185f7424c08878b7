import { findingInfo } from "../findings/finding-info.js";
import type { FindingCode } from "../types/finding.js";

/** The page that explains a finding code, as the reports link to it. */
export function docsUrl(code: FindingCode): string {
  return findingInfo[code].docs;
}
