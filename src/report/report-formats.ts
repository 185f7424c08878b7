/** Every report format lic renders (render-report.ts loads each renderer when first used; the compiler keeps it complete). */
export const REPORT_FORMATS = [
  "text",
  "json",
  "markdown",
  "html",
  "sarif",
  "junit",
  "github",
  "summary",
  "cyclonedx",
  "spdx",
] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
