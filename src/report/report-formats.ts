/** Every report format lic renders (render-report.ts renders them; the CLI loads only the ones it uses). */
export const REPORT_FORMATS = ["text", "json", "markdown", "html", "sarif", "junit", "github"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
