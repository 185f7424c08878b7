import { LOCK_FILE } from "../../lock/lock-file.js";
import { isBomFormat } from "../../report/report-formats.js";
import { checkLockEntries } from "../../run/check-project.js";
import type { CliIo } from "../cli-io.js";
import { checkReportTargets, emitReports, parseReportFlags } from "../emit-reports.js";
import { exitCodeFor } from "../exit-code.js";
import { readLockFile } from "../read-lock.js";
import { UsageError } from "../usage-error.js";
import { withProjectConfig } from "../with-project-config.js";
import { type CheckFlags, prepareRun, runReport } from "./check.js";

export type BomFlags = Omit<CheckFlags, "scan" | "locked" | "revision" | "exclude" | "bom">;

/**
 * `lic bom [LOCK]`: the ML-BOM of what a lock approves, each model checked at its locked commit under today's policy
 * (as `lic check --locked` checks it, without scanning the code). Exit codes as `lic check`'s.
 */
export async function runBom(lockFile: string | undefined, given: BomFlags, io: CliIo): Promise<number> {
  if (!isBomFormat(given.format))
    throw new UsageError(
      `lic bom writes a BOM: --format cyclonedx or spdx (for a ${given.format} report of the locked models, lic check --locked)`,
    );
  // The project's policy and settings, but not its reports: those are for lic check's runs, and would be overwritten.
  const { flags, chosenBy } = await withProjectConfig([], given, io.cwd ?? process.cwd(), io.env);
  const reports = parseReportFlags(given.report ?? []);
  checkReportTargets(flags.output, reports);
  const lock = readLockFile(lockFile ?? LOCK_FILE);
  const run = await prepareRun(flags, io, chosenBy);
  const checked = await checkLockEntries(lock.entries, run.options);
  run.feedback.finish();
  const report = runReport(checked, run.used, io);
  for (const error of report.errors) run.stderr(`lic: ${error.message}\n`);
  await emitReports(report, flags.format, flags.output, reports, run.guarded, flags);
  return exitCodeFor(report);
}
