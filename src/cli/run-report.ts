import { readFileSync } from "node:fs";
import { diffReports, formatChanges, hasRegression } from "../report/diff-reports.js";
import { readJsonReport, ReportFormatError } from "../report/read-json-report.js";
import type { ReportFormat } from "../report/report-formats.js";
import type { RunReport } from "../types.js";
import { emitReports } from "./emit-reports.js";
import { ExitCode } from "./exit-code.js";
import type { CliIo } from "./run-check.js";
import { UsageError } from "./usage-error.js";

/** `lic report RESULT.json --format FORMAT`: re-renders a saved result, with no network. */
export async function runReport(file: string, flags: { format: ReportFormat; output?: string }, io: CliIo): Promise<number> {
  await emitReports(readReport(file), flags.format, flags.output, [], io, (text) => text);
  return ExitCode.ok;
}

/** `lic diff OLD.json NEW.json`: what changed between two runs; exit 1 when a verdict got worse. */
export function runDiff(before: string, after: string, flags: { format: "text" | "json" }, io: CliIo): number {
  const changes = diffReports(readReport(before), readReport(after));
  io.stdout(flags.format === "json" ? JSON.stringify({ changes, regression: hasRegression(changes) }, null, 2) + "\n" : formatChanges(changes));
  return hasRegression(changes) ? ExitCode.blocked : ExitCode.ok;
}

function readReport(file: string): RunReport {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new UsageError(`cannot read "${file}" (${code}); give a file written by lic check --format json`);
  }
  try {
    return readJsonReport(text, file);
  } catch (error) {
    if (error instanceof ReportFormatError) throw new UsageError(error.message);
    throw error;
  }
}
