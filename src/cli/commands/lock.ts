import { existsSync } from "node:fs";
import { join } from "node:path";
import { formatLock, LOCK_FILE, type LockedEntry } from "../../lock/lock-file.js";
import { lockProject } from "../../run/check-project.js";
import type { CliIo } from "../cli-io.js";
import { checkReportTargets, emitReports, parseReportFlags } from "../emit-reports.js";
import { exitCodeFor } from "../exit-code.js";
import { printNotes } from "../print-notes.js";
import { checkFolder } from "../project-root.js";
import { readLock } from "../read-lock.js";
import { withProjectConfig } from "../with-project-config.js";
import { writeOutput } from "../write-output.js";
import { type CheckFlags, prepareRun, runReport } from "./check.js";

export interface LockFlags extends Omit<CheckFlags, "scan" | "locked" | "revision"> {
  update?: boolean;
}

/**
 * `lic lock [PATH]`: scans, checks every model the code loads, and writes PATH/lic.lock. Nothing is written when a
 * model could not be decided (exit 3): a lock must cover every repo the code loads. A blocked model is locked with
 * its verdict, and the exit code is 1, as `lic check` gives.
 */
export async function runLock(path: string | undefined, given: LockFlags, io: CliIo): Promise<number> {
  const { flags, chosenBy, config } = await withProjectConfig([], given, io.cwd ?? process.cwd(), io.env);
  // The project's own folder (its scan root) unless a PATH is given.
  const root = path ?? (config ? config.path(config.settings.scan ?? ".") : ".");
  checkFolder(root, "lic lock");
  const reports = parseReportFlags(flags.report ?? []);
  checkReportTargets(flags.output, reports);
  const lockPath = join(root, LOCK_FILE);
  // An existing lock must be readable: its commits are kept (without --update), and a broken one is not overwritten unread.
  const previous: LockedEntry[] = existsSync(lockPath) ? readLock(root).entries : [];
  const run = await prepareRun(flags, io, chosenBy);
  const locked = await lockProject(root, previous, {
    ...run.options,
    exclude: flags.exclude ?? [],
    update: flags.update === true,
    version: io.version,
  });
  run.feedback.finish();
  const report = runReport(locked, run.used, io);
  printNotes(locked.scan.notes, root, run.notice);
  for (const error of report.errors) run.stderr(`lic: ${error.message}\n`);
  if (locked.lock) {
    await writeOutput(lockPath, formatLock(locked.lock), "lic lock");
    run.notice(
      `lic: wrote ${lockPath} (${locked.lock.entries.length} ${locked.lock.entries.length === 1 ? "entry" : "entries"})\n`,
    );
  } else {
    run.stderr(`lic: ${lockPath} not written: every model the code loads must be decided first\n`);
  }
  await emitReports(report, flags.format, flags.output, reports, run.guarded, flags);
  return exitCodeFor(report);
}
