import { findingInfo } from "../findings/finding-info.js";
import type { FindingCode } from "../types/finding.js";

/** package.json's `homepage` (test/report/docs-url.test.ts keeps the two equal): the one base of every docs link. */
export const HOMEPAGE = "https://github.com/lic-dev/lic#readme";

/** The repository's files on its default branch, where a repo-relative path (findingInfo's `docs`) can be read. */
const REPOSITORY_FILES = `${HOMEPAGE.replace(/#.*$/, "")}/blob/main/`;

/**
 * The page that explains a finding code, as an absolute URL: a report is read where it lands (a mail, code scanning,
 * a CI log), far from a checkout, where the repo-relative path leads nowhere. The JSON result keeps the path.
 */
export function docsUrl(code: FindingCode): string {
  return `${REPOSITORY_FILES}${findingInfo[code].docs}`;
}
