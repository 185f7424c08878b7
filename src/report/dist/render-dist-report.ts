import type { DistReport } from "../../types/dist-report.js";
import type { Rendered } from "../renderer.js";
import type { BomFormat, ReportFormat } from "../report-formats.js";
import { renderDistGithub } from "./github.js";
import { renderDistHtml } from "./html.js";
import { renderDistJson } from "./json.js";
import { renderDistJunit } from "./junit.js";
import { renderDistMarkdown } from "./markdown.js";
import { renderDistSarif } from "./sarif.js";
import { renderDistSummary } from "./summary.js";
import { renderDistText } from "./text.js";

/** Every format but the BOMs, which describe checked repos (lic check, lic bom): a distribution checklist is not one. */
export type DistFormat = Exclude<ReportFormat, BomFormat>;

/** Every format `lic check` has but the BOMs, for a DistReport; the compiler keeps the table whole. */
const renderers = {
  text: (report, options) => ({ output: renderDistText(report, options) }),
  json: (report) => ({ output: renderDistJson(report) }),
  markdown: (report) => ({ output: renderDistMarkdown(report) }),
  html: (report) => ({ output: renderDistHtml(report) }),
  sarif: (report) => ({ output: renderDistSarif(report) }),
  junit: (report) => ({ output: renderDistJunit(report) }),
  github: (report) => renderDistGithub(report),
  summary: (report) => ({ output: renderDistSummary(report) }),
} satisfies Record<DistFormat, (report: DistReport, options: { color?: boolean }) => Rendered>;

export function renderDistReport(format: DistFormat, report: DistReport, options: { color?: boolean } = {}): Rendered {
  return renderers[format](report, options);
}
