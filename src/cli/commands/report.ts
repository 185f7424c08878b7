import type { CycloneDxVersion } from "../../report/renderer.js";
import type { ReportFormat } from "../../report/report-formats.js";
import { diffReports, formatChanges, hasRegression } from "../../results/diff-reports.js";
import { ReportFormatError, readJsonReport } from "../../results/read-json-report.js";
import type { RunReport } from "../../types/result.js";
import type { CliIo } from "../cli-io.js";
import { emitReports } from "../emit-reports.js";
import { ExitCode } from "../exit-code.js";
import { readCappedFile } from "../read-capped-file.js";
import { guardIo } from "../secrets-in-play.js";
import { UsageError } from "../usage-error.js";

/** A saved result for thousands of models is a few tens of MB; far beyond that it is not one. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** `lic report RESULT.json --format FORMAT`: re-renders a saved result, with no network. */
export async function runReport(
  file: string,
  flags: { format: ReportFormat; output?: string; cyclonedxVersion?: CycloneDxVersion },
  io: CliIo,
): Promise<number> {
  // A saved result may come from another machine or an older lic: it is redacted like a fresh one.
  await emitReports(readReport(file), flags.format, flags.output, [], guardIo(io, []), flags);
  return ExitCode.ok;
}

/** `lic diff OLD.json NEW.json`: what changed between two runs; exit 1 when a verdict got worse. */
export function runDiff(before: string, after: string, flags: { format: "text" | "json" }, io: CliIo): number {
  const changes = diffReports(readReport(before), readReport(after));
  io.stdout(
    flags.format === "json"
      ? `${JSON.stringify({ changes, regression: hasRegression(changes) }, null, 2)}\n`
      : formatChanges(changes),
  );
  return hasRegression(changes) ? ExitCode.blocked : ExitCode.ok;
}

function readReport(file: string): RunReport {
  const read = readCappedFile(file, MAX_REPORT_BYTES);
  if (!read.ok) {
    const reason =
      read.problem === "unreadable"
        ? read.code
        : read.problem === "too-large"
          ? "larger than 256 MiB"
          : "not a regular file";
    throw new UsageError(`cannot read "${file}" (${reason}); give a file written by lic check --format json`);
  }
  try {
    return readJsonReport(read.text, file);
  } catch (error) {
    if (error instanceof ReportFormatError) throw new UsageError(error.message);
    throw error;
  }
}
