import type { RunReport } from "../types/result.js";
import { formatGithub } from "./github.js";
import { formatHtml } from "./html.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import type { ReportFormat } from "./report-formats.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

/** Every format from one report: the renderers are pure, so equal reports give equal bytes. */
export function renderReport(format: ReportFormat, report: RunReport): string {
  switch (format) {
    case "text":
      return formatText(report);
    case "json":
      return formatJson(report);
    case "markdown":
      return formatMarkdown(report);
    case "html":
      return formatHtml(report);
    case "sarif":
      return formatSarif(report);
    case "junit":
      return formatJunit(report);
    case "github":
      return formatGithub(report).commands;
  }
}
