import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { acquireLineage } from "../../acquire/acquire-lineage.js";
import { HubError } from "../../acquire/hub/hub-error.js";
import { shippedReferences } from "../../acquire/reference-data.js";
import { applyFixes } from "../../dist/apply-fixes.js";
import { spdxLicenseTexts } from "../../dist/license-texts.js";
import { readLocalModel } from "../../dist/read-local-model.js";
import { checkModel } from "../../evaluate/check-model.js";
import { checkDistribution, type DistributionOptions } from "../../evaluate/dist/check-distribution.js";
import { planFixes } from "../../evaluate/dist/plan-fixes.js";
import { rootSnapshot } from "../../evaluate/dist/root-snapshot.js";
import { shouldColour } from "../../report/colour.js";
import { type DistFormat, renderDistReport } from "../../report/dist/render-dist-report.js";
import { isBomFormat, type ReportFormat } from "../../report/report-formats.js";
import type { DistRead } from "../../types/dist-read.js";
import type { DistReport } from "../../types/dist-report.js";
import { type ModelRef, parseModelRef } from "../../types/repo-ref.js";
import type { Lineage } from "../../types/snapshot.js";
import type { CliIo } from "../cli-io.js";
import { nowFrom } from "../cli-io.js";
import { checkReportTargets, parseReportFlags } from "../emit-reports.js";
import { ExitCode } from "../exit-code.js";
import { UsageError } from "../usage-error.js";
import { writeOutput } from "../write-output.js";
import { type ConnectionFlags, prepareRun } from "./check.js";

export interface DistFlags extends ConnectionFlags {
  /** The name the derivative is published under (default: the folder's or repo's name). */
  name?: string;
  policy?: string;
  format: ReportFormat;
  output?: string;
  report?: string[];
  /** Write what is missing and can be written safely. */
  fix?: boolean;
  /** With --fix: replace files a fix changes. */
  force?: boolean;
  /** Print the diff of what --fix would write; write nothing. */
  dryRun?: boolean;
}

type Target = { kind: "folder"; path: string } | { kind: "hub"; ref: ModelRef };

/**
 * `lic dist PATH | org/name[@rev]`: the distributor's checklist. Read the model (bounded), walk its parents on the
 * Hub, check it as `lic check` does, list the duties the distribution triggers; with --fix write what is missing
 * and can be written safely, then check again. Exit 0 ready, 1 a duty missing or distribution not allowed, 2 bad
 * usage or input, 3 could not decide.
 */
export async function runDist(given: string, flags: DistFlags, io: CliIo): Promise<number> {
  const target = targetOf(given, io.cwd ?? process.cwd());
  if (flags.force && !flags.fix) throw new UsageError("--force replaces files --fix writes: give --fix too");
  if (target.kind === "hub" && (flags.fix || flags.dryRun))
    throw new UsageError(
      `--fix and --dry-run write to a folder; ${given} is a Hub repo: download it, fix the folder, upload it`,
    );
  if (flags.name !== undefined && !/^[^\s/\\][^/\\]{0,95}$/.test(flags.name))
    throw new UsageError(`--name "${flags.name.slice(0, 100)}": a model name is one path segment, 1 to 96 characters`);
  const targets = parseReportFlags(flags.report ?? []);
  checkReportTargets(flags.output, targets);
  const format = distFormat(flags.format);
  const reports = targets.map((target) => ({ format: distFormat(target.format), file: target.file }));

  const run = await prepareRun(flags, io, flags.policy ? "flag" : "default");
  const { options, stderr } = run;
  try {
    let read =
      target.kind === "folder"
        ? await readFolder(target.path)
        : await (await import("../../dist/read-hub-model.js")).readHubModel(target.ref, options.acquire);
    const root = rootSnapshot(read);
    // A folder has no commit to cache its lineage under: its ancestors are read afresh.
    const lineage: Lineage | undefined = options.lineage
      ? await acquireLineage(root, {
          ...options.acquire,
          ...(target.kind === "folder" ? { cache: null } : {}),
          ...options.lineage,
        })
      : undefined;
    const distOptions: DistributionOptions = {
      policy: options.policy,
      policyUsed: run.used,
      catalog: options.catalog,
      name: flags.name
        ? { value: flags.name, from: "--name" }
        : { value: read.name, from: target.kind === "folder" ? "folder" : "repo" },
      tool: { name: "lic", version: io.version },
      generatedAt: nowFrom(io.env).toISOString(),
    };
    const check = (model: DistRead) => {
      const result = checkModel(rootSnapshot(model), options.policy, {
        today: options.today,
        catalog: options.catalog,
        references: shippedReferences,
        ...(lineage ? { lineage } : {}),
      });
      return { result, report: checkDistribution(model, result, distOptions) };
    };
    let { result, report } = check(read);

    if (target.kind === "folder" && (flags.fix || flags.dryRun)) {
      const parents = report.parents;
      const { plans, skipped } = planFixes(
        report,
        read,
        { result, catalog: options.catalog, parents },
        spdxLicenseTexts(options.catalog),
      );
      const applied = await applyFixes(target.path, plans, {
        dryRun: flags.dryRun === true,
        force: flags.force === true,
      });
      if (!flags.dryRun && applied.applied.length > 0) {
        read = await readFolder(target.path);
        ({ result, report } = check(read));
      }
      report = {
        ...report,
        fixes: { dryRun: flags.dryRun === true, applied: applied.applied, skipped: [...skipped, ...applied.skipped] },
      };
    }
    await emit(report, format, flags, reports, run.guarded);
    return exitCodeOf(report);
  } catch (error) {
    if (error instanceof HubError) {
      stderr(`lic: ${run.guarded.redact(error.message)}\n`);
      return ExitCode.undecided;
    }
    throw error;
  }
}

export function exitCodeOf(report: DistReport): number {
  if (report.verdict === "not-ready") return ExitCode.blocked;
  if (report.verdict === "undecided") return ExitCode.undecided;
  return ExitCode.ok;
}

/** A folder that exists is a folder (a relative `org/name` folder included); otherwise a Hub id. */
function targetOf(given: string, cwd: string): Target {
  const path = resolve(cwd, given);
  const info = statOf(path);
  if (info?.isDirectory()) return { kind: "folder", path };
  if (info) throw new UsageError(`"${given}" is a file; lic dist reads a model folder (the one you would upload)`);
  const parsed = parseModelRef(given);
  if (parsed.ok) return { kind: "hub", ref: parsed.ref };
  throw new UsageError(
    `"${given.slice(0, 200)}" is neither a folder (${path} does not exist) nor a Hub repo (${parsed.reason}); give PATH or org/name[@rev]`,
  );
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

async function readFolder(path: string): Promise<DistRead> {
  try {
    return await readLocalModel(path);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new UsageError(
      `cannot read the model folder "${basename(path)}" (${code}); check that it exists and is readable`,
    );
  }
}

async function emit(
  report: DistReport,
  format: DistFormat,
  flags: DistFlags,
  reports: { format: DistFormat; file: string }[],
  io: Awaited<ReturnType<typeof prepareRun>>["guarded"],
): Promise<void> {
  const color = !flags.output && shouldColour(io.env, io.isTTY === true);
  const main = renderDistReport(format, report, { color });
  if (flags.output) await writeOutput(flags.output, io.redact(main.output));
  else io.stdout(main.output);
  for (const target of reports)
    await writeOutput(target.file, io.redact(renderDistReport(target.format, report).output), "--report");
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (main.stepSummary !== undefined && summaryFile && io.appendFile) io.appendFile(summaryFile, main.stepSummary);
}

/** A checklist renders in every report format but the BOMs, which describe checked repos: those exit 2. */
function distFormat(format: ReportFormat): DistFormat {
  if (isBomFormat(format))
    throw new UsageError(
      `lic dist reports a checklist, not a bill of materials: choose another format than ${format} (a BOM of the parents: lic check --format ${format})`,
    );
  return format as DistFormat;
}
