import { shouldColour } from "../report/colour.js";
import { renderReport } from "../report/render-report.js";
import type { RenderOptions } from "../report/renderer.js";
import { REPORT_FORMATS, type ReportFormat } from "../report/report-formats.js";
import type { RunReport } from "../types/result.js";
import type { CliIo } from "./cli-io.js";
import type { GuardedIo } from "./secrets-in-play.js";
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
 * The main report to stdout (or --output), every --report to its file (each written whole), and, when a format
 * gives a second output for $GITHUB_STEP_SUMMARY (GitHub's job summary) and the variable is set, that appended there.
 */
export async function emitReports(
  report: RunReport,
  format: ReportFormat,
  output: string | undefined,
  targets: ReportTarget[],
  io: GuardedIo,
  options: Pick<RenderOptions, "cyclonedxVersion"> = {},
): Promise<void> {
  // Only stdout may be coloured (the formats without colours ignore it); --output and --report files never are.
  const color = !output && shouldColour(io.env, io.isTTY === true);
  const chosen = options.cyclonedxVersion ? { cyclonedxVersion: options.cyclonedxVersion } : {};
  const main = await renderReport(format, report, { color, ...chosen });
  // stdout and the step summary are redacted by the guarded io's sinks; files are written here, so redacted here.
  if (output) await writeOutput(output, io.redact(main.output));
  else io.stdout(main.output);
  const rendered = [main];
  for (const target of targets) {
    const each = await renderReport(target.format, report, chosen);
    await writeOutput(target.file, io.redact(each.output), "--report");
    rendered.push(each);
  }
  // The summary is the same whichever output carried it: append it once.
  const stepSummary = rendered.find((each) => each.stepSummary !== undefined)?.stepSummary;
  if (stepSummary !== undefined) appendStepSummary(stepSummary, io);
}

function appendStepSummary(summary: string, io: CliIo): void {
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (!summaryFile || !io.appendFile) return;
  try {
    io.appendFile(summaryFile, summary);
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "failed";
    io.stderr(`lic: warning: could not append to GITHUB_STEP_SUMMARY "${summaryFile}" (${reason})\n`);
  }
}
