import { REPORT_FORMATS, type ReportFormat } from "../report/report-formats.js";
import type { RunReport } from "../types/result.js";
import type { CliIo } from "./cli-io.js";
import { UsageError } from "./usage-error.js";
import { checkOutputWritable, writeOutput } from "./write-output.js";

export interface ReportTarget {
  format: ReportFormat;
  file: string;
}

/** Every file a run will write (--output, each --report), checked before any request. */
export function checkReportTargets(output: string | undefined, targets: ReportTarget[]): void {
  if (output) checkOutputWritable(output, "--output");
  for (const target of targets) checkOutputWritable(target.file, "--report");
}

/** `--report FORMAT=FILE`, repeatable; checked before any request. */
export function parseReportFlags(values: string[]): ReportTarget[] {
  return values.map((value) => {
    const at = value.indexOf("=");
    const format = value.slice(0, at);
    const file = value.slice(at + 1);
    if (at <= 0 || !file)
      throw new UsageError(`--report "${value}" must be FORMAT=FILE, e.g. --report sarif=lic.sarif`);
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--report "${value}": "${format}" is not a format; formats: ${REPORT_FORMATS.join(", ")}`);
    }
    return { format: format as ReportFormat, file };
  });
}

/**
 * The main report to stdout (or --output), every --report to its file (each written whole), and, when a GitHub
 * report is made and $GITHUB_STEP_SUMMARY is set, its Markdown summary appended there.
 */
export async function emitReports(
  report: RunReport,
  format: ReportFormat,
  output: string | undefined,
  targets: ReportTarget[],
  io: CliIo,
  redact: (text: string) => string,
): Promise<void> {
  const color = format === "text" && !output && io.isTTY === true && !io.env.NO_COLOR;
  // Renderers load on demand: a run that writes text should not pay for the HTML and SARIF modules.
  const { renderReport } = await import("../report/render-report.js");
  const { formatText } = await import("../report/text.js");
  const main = redact(format === "text" ? formatText(report, { color }) : renderReport(format, report));
  if (output) await writeOutput(output, main);
  else io.stdout(main);
  for (const target of targets) await writeOutput(target.file, redact(renderReport(target.format, report)), "--report");
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && io.appendFile && (format === "github" || targets.some((target) => target.format === "github"))) {
    try {
      const { formatGithub } = await import("../report/github.js");
      io.appendFile(summaryFile, redact(formatGithub(report).summary));
    } catch (error) {
      const reason = error instanceof Error && "code" in error ? String(error.code) : "failed";
      io.stderr(`lic: warning: could not append to GITHUB_STEP_SUMMARY "${summaryFile}" (${reason})\n`);
    }
  }
}
