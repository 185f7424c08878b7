import type { DistReport } from "../../types/dist-report.js";

/** The DistReport as it is, documented in docs/json-output.md. */
export function renderDistJson(report: DistReport): string {
  return `${JSON.stringify({ kind: "lic-dist", ...report }, null, 2)}\n`;
}
