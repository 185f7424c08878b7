import { FsSnapshotStore } from "../../acquire/store/fs-snapshot-store.js";
import { getCatalog } from "../../catalog/catalog.js";
import type { Policy } from "../../policy/policy.js";
import type { CycloneDxVersion } from "../../report/renderer.js";
import type { ReportFormat } from "../../report/report-formats.js";
import { checkRefs } from "../../run/check-refs.js";
import { checkRevision, type ModelRef, parseRepoRef, type RepoType } from "../../types/repo-ref.js";
import type { CheckResult, CodeUse, ModelError, PolicyUsed, RunReport } from "../../types/result.js";
import { buildId } from "../build-id.js";
import { type CliIo, nowFrom, todayFrom } from "../cli-io.js";
import { checkReportTargets, emitReports, parseReportFlags } from "../emit-reports.js";
import { exitCodeFor } from "../exit-code.js";
import { formatIssue, loadPolicy } from "../load-policy.js";
import { printNotes } from "../print-notes.js";
import { runFeedback } from "../progress.js";
import { checkFolder } from "../project-root.js";
import { guardIo } from "../secrets-in-play.js";
import { readTokenFile, resolveConnection } from "../settings.js";
import { UsageError } from "../usage-error.js";
import { withProjectConfig } from "../with-project-config.js";

/** How a command reaches the Hub and its cache, and how far it reads lineage. */
export interface ConnectionFlags {
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
  /** No progress line and no notices on stderr. */
  quiet?: boolean;
}

export interface CheckFlags extends ConnectionFlags {
  revision?: string;
  /** The type of the repos named without a `model:` or `dataset:` prefix (--type; default model). */
  type?: RepoType;
  policy?: string;
  format: ReportFormat;
  output?: string;
  /** More reports, each `FORMAT=FILE`. */
  report?: string[];
  /** Check the models the code under PATH loads (true: the current folder). */
  scan?: string | true;
  /** The same, compared with PATH/lic.lock. */
  locked?: string | true;
  /** gitignore-style patterns left out of the scan. */
  exclude?: string[];
  /** false with --no-config: the project's lic.yaml is not read. */
  config?: boolean;
  /** Check the Hugging Face models a CycloneDX or SPDX 3 BOM lists. */
  bom?: string;
  /** The CycloneDX version of a `cyclonedx` report. */
  cyclonedxVersion?: CycloneDxVersion;
}

/** `lic check`: acquire each model (named, or found in the project's code), check it, report, return the exit code. */
export async function runCheck(named: string[], given: CheckFlags, io: CliIo): Promise<number> {
  // Read first: a bad BOM exits 2 before anything else; the models it lists replace the project configuration's.
  const bom =
    given.bom === undefined ? null : (await import("../read-bom-file.js")).readBomFile(given.bom, named, given);
  const { models, flags, chosenBy, namedAt } = await withProjectConfig(named, given, io.cwd ?? process.cwd(), io.env);
  const project = bom ? null : projectOf(models, flags);
  if (project && flags.type !== undefined)
    throw new UsageError(
      `--type ${flags.type} names the type of the repos given on the command line; with --scan or --locked, each repo's type comes from the code that loads it: drop --type`,
    );
  const refs = bom ? bom.refs : project ? [] : parseRepoRefs(models, flags.revision, flags.type ?? "model");
  const reports = parseReportFlags(flags.report ?? []);
  checkReportTargets(flags.output, reports);
  // Loaded on demand: the scanner (tree-sitter, every extractor) and the lock reader cost ~200 ms of start-up that
  // checking named models never needs.
  const lock = project?.locked ? (await import("../read-lock.js")).readLock(project.root) : null;
  const run = await prepareRun(flags, io, chosenBy);
  const { options, stderr, notice } = run;

  let checked: Pick<RunReport, "results" | "errors" | "project">;
  if (bom) {
    const fromBom = await checkRefs(refs, options);
    if (bom.notice) notice(bom.notice);
    checked = { ...fromBom, errors: [...fromBom.errors, ...bom.errors] };
  } else if (!project) checked = withNamedAt(await checkRefs(refs, options), namedAt);
  else {
    const exclude = flags.exclude ?? [];
    const { checkLocked, checkScanned } = await import("../../run/check-project.js");
    const scanned = lock
      ? await checkLocked(project.root, lock, { ...options, exclude })
      : await checkScanned(project.root, { ...options, exclude });
    printNotes(scanned.scan.notes, project.root, notice);
    checked = scanned;
  }
  run.feedback.finish();

  const report = runReport(checked, run.used, io);
  for (const error of report.errors) stderr(`lic: ${error.message}\n`);

  await emitReports(report, flags.format, flags.output, reports, run.guarded, flags);
  return exitCodeFor(report);
}

/** A run's report: what was checked, under which policy, by which lic, when. */
export function runReport(
  checked: Pick<RunReport, "results" | "errors" | "project">,
  policy: PolicyUsed,
  io: CliIo,
): RunReport {
  return {
    tool: { name: "lic", version: io.version },
    generatedAt: nowFrom(io.env).toISOString(),
    policy,
    results: checked.results,
    errors: checked.errors,
    ...(checked.project ? { project: checked.project } : {}),
  };
}

/** The settings every checking command shares, read and checked before any request: policy, connection, cache. */
export async function prepareRun(
  flags: ConnectionFlags & { policy?: string },
  io: CliIo,
  chosenBy: NonNullable<PolicyUsed["chosenBy"]>,
) {
  const today = todayFrom(io.env);
  const catalog = getCatalog();
  const { policy, warnings } = await loadPolicy(flags.policy ?? DEFAULT_POLICY, catalog, today);
  const used = policyUsed(policy, chosenBy);
  const connection = resolveConnection(flags, io.env, readTokenFile);
  const guarded = guardIo(io, [connection.token]);
  const { redact } = guarded;
  const feedback = runFeedback(guarded, flags.quiet === true);
  const { problem: stderr, notice, onWait, onProgress } = feedback;
  for (const warning of warnings) notice(`lic: warning: ${formatIssue(warning)}\n`);
  const build = buildId();
  const cache = flags.cache ? new FsSnapshotStore(connection.cacheDir, connection.endpoint, { redact, build }) : null;
  const acquire = {
    hub: { endpoint: connection.endpoint, token: connection.token, redact, timeoutMs: flags.timeout * 1000, onWait },
    cache,
    offline: connection.offline,
    onNotice: (message: string) => notice(`lic: ${message}\n`),
  };
  const options = {
    policy,
    catalog,
    today,
    acquire,
    lineage: flags.lineage ? { maxDepth: flags.maxDepth, concurrency: flags.concurrency } : null,
    concurrency: flags.concurrency,
    redact,
    onProgress,
    build,
  };
  return { options, guarded, stderr, notice, feedback, used };
}

/** Models named by the project's configuration are used there: each result and error points at its line. */
function withNamedAt(
  checked: { results: CheckResult[]; errors: ModelError[] },
  namedAt: Map<string, CodeUse>,
): { results: CheckResult[]; errors: ModelError[] } {
  if (namedAt.size === 0) return checked;
  // By id as written: the file names each model once (two revisions of one model share the line of the first).
  const byId = new Map([...namedAt].map(([model, place]) => [model.split("@")[0]!, place]));
  const usesOf = (model: string) => {
    const place = byId.get(model);
    return place ? { uses: [place] } : {};
  };
  return {
    results: checked.results.map((result) => ({ ...result, ...usesOf(result.requested.model) })),
    errors: checked.errors.map((error) => ({ ...error, ...usesOf(error.model) })),
  };
}

/** The built-in policy a run applies when nothing names one: the most permissive, so every report says it was used. */
const DEFAULT_POLICY = "default";

/** The policy as reports show it: its name, digest, how it was chosen, and the context its verdicts assume. */
export function policyUsed(policy: Policy, chosenBy: NonNullable<PolicyUsed["chosenBy"]>): PolicyUsed {
  const context = Object.fromEntries(
    Object.entries(policy.context).flatMap(([key, setting]) => (setting ? [[key, setting.value]] : [])),
  ) as Record<string, string | number>;
  return { name: policy.name, digest: policy.digest, chosenBy, context };
}

/** `--scan [PATH]` or `--locked [PATH]` (PATH defaults to the current folder), or neither when models are named. */
function projectOf(models: string[], flags: CheckFlags): { root: string; locked: boolean } | null {
  if (flags.scan !== undefined && flags.locked !== undefined)
    throw new UsageError("--scan and --locked both name the project: give one (--locked scans too)");
  const option = flags.locked !== undefined ? "--locked" : flags.scan !== undefined ? "--scan" : null;
  const value = flags.locked ?? flags.scan;
  if (option === null) {
    if (models.length === 0)
      throw new UsageError("name the models to check (org/name…), or check the project's code with --scan or --locked");
    return null;
  }
  if (models.length > 0)
    throw new UsageError(`${option} checks the models the code loads: do not name models too (${models[0]}…)`);
  if (flags.revision !== undefined)
    throw new UsageError(`--revision does not apply to ${option}: the code names each revision`);
  const root = value === true || value === undefined ? "." : value;
  checkFolder(root, option);
  return { root, locked: option === "--locked" };
}

/**
 * Every id is checked before any request; all bad ones are reported at once. `@REV` wins over --revision, and a
 * `dataset:`/`model:` prefix over --type.
 */
function parseRepoRefs(models: string[], revision: string | undefined, defaultType: RepoType): ModelRef[] {
  if (revision !== undefined) {
    const problem = checkRevision(revision);
    if (problem) throw new UsageError(`--revision "${printable(revision)}": ${problem}`);
  }
  const problems: string[] = [];
  const refs = new Map<string, ModelRef>();
  for (const model of models) {
    const parsed = parseRepoRef(model, defaultType);
    if (!parsed.ok) {
      problems.push(`"${printable(model)}": ${parsed.reason}`);
      continue;
    }
    const ref: ModelRef = { ...parsed.ref, revision: parsed.ref.revision ?? revision ?? null };
    refs.set(`${ref.repoType ?? "model"}:${ref.id}@${ref.revision ?? ""}`, ref);
  }
  if (problems.length > 0) {
    throw new UsageError(
      `${problems.join("\n")}\nA model is org/name, a legacy name (gpt2), or either with @REVISION; a dataset is dataset:org/name (or a legacy name, dataset:squad), or any id with --type dataset.`,
    );
  }
  return [...refs.values()];
}

/** Shows control characters as escapes, so an error message cannot rewrite the terminal. */
function printable(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped.length > 120 ? `${escaped.slice(0, 120)}…` : escaped;
}
