import { FsSnapshotStore } from "../../acquire/store/fs-snapshot-store.js";
import { getCatalog } from "../../catalog/catalog.js";
import type { ReportFormat } from "../../report/report-formats.js";
import { checkRefs } from "../../run/check-refs.js";
import { checkRevision, type ModelRef, parseModelRef } from "../../types/repo-ref.js";
import type { RunReport } from "../../types/result.js";
import { type CliIo, nowFrom, todayFrom } from "../cli-io.js";
import { checkReportTargets, emitReports, parseReportFlags } from "../emit-reports.js";
import { exitCodeFor } from "../exit-code.js";
import { formatIssue, loadPolicy } from "../load-policy.js";
import { guardIo } from "../secrets-in-play.js";
import { readTokenFile, resolveConnection } from "../settings.js";
import { UsageError } from "../usage-error.js";

export interface CheckFlags {
  revision?: string;
  policy: string;
  format: ReportFormat;
  output?: string;
  /** More reports, each `FORMAT=FILE`. */
  report?: string[];
  endpoint?: string;
  token?: string;
  offline?: boolean;
  cacheDir?: string;
  /** false with --no-cache. */
  cache: boolean;
  concurrency: number;
  /** Seconds per request. */
  timeout: number;
  /** false with --no-lineage. */
  lineage: boolean;
  /** Generations of ancestors to read. */
  maxDepth: number;
}

/** `lic check`: acquire each model, check it, render the report, and return the exit code. */
export async function runCheck(models: string[], flags: CheckFlags, io: CliIo): Promise<number> {
  const refs = parseModelRefs(models, flags.revision);
  const reports = parseReportFlags(flags.report ?? []);
  checkReportTargets(flags.output, reports);
  const today = todayFrom(io.env);
  const catalog = getCatalog();
  const { policy, warnings } = await loadPolicy(flags.policy, catalog, today);
  const connection = resolveConnection(flags, io.env, readTokenFile);
  const guarded = guardIo(io, [connection.token]);
  const { redact, stderr } = guarded;
  for (const warning of warnings) stderr(`lic: warning: ${formatIssue(warning)}\n`);
  const cache = flags.cache ? new FsSnapshotStore(connection.cacheDir, connection.endpoint, { redact }) : null;

  const acquire = {
    hub: { endpoint: connection.endpoint, token: connection.token, redact, timeoutMs: flags.timeout * 1000 },
    cache,
    offline: connection.offline,
    onNotice: (message: string) => stderr(`lic: ${message}\n`),
  };
  const { results, errors } = await checkRefs(refs, {
    policy,
    catalog,
    today,
    acquire,
    lineage: flags.lineage ? { maxDepth: flags.maxDepth, concurrency: flags.concurrency } : null,
    concurrency: flags.concurrency,
    redact,
  });

  const report: RunReport = {
    tool: { name: "lic", version: io.version },
    generatedAt: nowFrom(io.env).toISOString(),
    policy: { name: policy.name, digest: policy.digest },
    results,
    errors,
  };
  for (const error of report.errors) stderr(`lic: ${error.message}\n`);

  await emitReports(report, flags.format, flags.output, reports, guarded);
  return exitCodeFor(report);
}

/** Every id is checked before any request; all bad ones are reported at once. `@REV` wins over --revision. */
function parseModelRefs(models: string[], revision: string | undefined): ModelRef[] {
  if (revision !== undefined) {
    const problem = checkRevision(revision);
    if (problem) throw new UsageError(`--revision "${printable(revision)}": ${problem}`);
  }
  const problems: string[] = [];
  const refs = new Map<string, ModelRef>();
  for (const model of models) {
    const parsed = parseModelRef(model);
    if (!parsed.ok) {
      problems.push(`"${printable(model)}": ${parsed.reason}`);
      continue;
    }
    const ref = { id: parsed.ref.id, revision: parsed.ref.revision ?? revision ?? null };
    refs.set(`${ref.id}@${ref.revision ?? ""}`, ref);
  }
  if (problems.length > 0) {
    throw new UsageError(
      `${problems.join("\n")}\nA model is org/name, a legacy name (gpt2), or either with @REVISION.`,
    );
  }
  return [...refs.values()];
}

/** Shows control characters as escapes, so an error message cannot rewrite the terminal. */
function printable(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped.length > 120 ? `${escaped.slice(0, 120)}…` : escaped;
}
