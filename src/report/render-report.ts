import type { RunReport } from "../types/result.js";
import type { Render, Rendered, RenderOptions } from "./renderer.js";
import type { ReportFormat } from "./report-formats.js";

/**
 * Every format's renderer, loaded when first used: a run that writes text does not load the HTML or SARIF modules.
 * The compiler refuses a format in REPORT_FORMATS without its entry here.
 */
const RENDERERS = {
  text: () => import("./text.js"),
  json: () => import("./json.js"),
  markdown: () => import("./markdown.js"),
  html: () => import("./html.js"),
  sarif: () => import("./sarif.js"),
  junit: () => import("./junit.js"),
  github: () => import("./github.js"),
  summary: () => import("./summary.js"),
  cyclonedx: () => import("./cyclonedx.js"),
  spdx: () => import("./spdx.js"),
} satisfies Record<ReportFormat, () => Promise<{ render: Render }>>;

/** The report in one format, its renderer loaded on demand. */
export async function renderReport(
  format: ReportFormat,
  report: RunReport,
  options: RenderOptions = {},
): Promise<Rendered> {
  const { render } = await RENDERERS[format]();
  return render(report, options);
}
