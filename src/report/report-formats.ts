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

/** The formats that are bills of materials: they describe checked repos (`lic bom` writes only these). */
export const BOM_FORMATS = ["cyclonedx", "spdx"] as const satisfies readonly ReportFormat[];
export type BomFormat = (typeof BOM_FORMATS)[number];

export function isBomFormat(format: string): format is BomFormat {
  return (BOM_FORMATS as readonly string[]).includes(format);
}
