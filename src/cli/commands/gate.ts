import { type Catalog, getCatalog } from "../../catalog/catalog.js";
import { type AuditSink, teeAuditSink } from "../../gate/audit/audit-sink.js";
import { openAuditLog } from "../../gate/audit/jsonl-audit-log.js";
import { LockedRegistry } from "../../gate/locked-registry.js";
import type { Offload } from "../../gate/offload-mode.js";
import {
  describeRules,
  type GateRules,
  type ReloadSignal,
  reloadOnSignal,
  reloadRules,
} from "../../gate/reload-policy.js";
import { GateConfigError, type StartedGate, startGate } from "../../gate/start-gate.js";
import type { GateMode } from "../../gate/verdict-to-status.js";
import type { PolicyIssue } from "../../policy/parse-policy.js";
import { type CliIo, todayFrom } from "../cli-io.js";
import { ExitCode } from "../exit-code.js";
import { formatIssue, loadPolicy } from "../load-policy.js";
import { guardIo } from "../secrets-in-play.js";
import { DEFAULT_ENDPOINT, parseEndpoint, readTokenFile, resolveConnection } from "../settings.js";
import { UsageError } from "../usage-error.js";
import { type GatePostgresFlags, openGatePostgres } from "./gate-migrate.js";

export interface GateFlags extends GatePostgresFlags {
  policy: string;
  /** A lic.lock: serve only the (model, commit) pairs it approves. */
  lock?: string;
  upstream: string;
  listen: string;
  mode: GateMode;
  auditLog: string;
  offload: Offload;
  publicUrl?: string;
  allowedHost?: string[];
  cacheDir?: string;
  cache: boolean;
  lineage: boolean;
  maxDepth: number;
  /** Seconds, per upstream request (until its headers). */
  timeout: number;
  maxUpstreamConnections: number;
  maxHeaderSize: number;
  /** Seconds to receive a client's request. */
  requestTimeout: number;
  /** A Redis URL shared by replicas; LIC_REDIS_URL when not given. */
  redis?: string;
}

/** What stops a running gate: SIGINT and SIGTERM in the CLI, a call in tests. */
export type StopSignal = (stop: () => void) => void;

const onSignals: StopSignal = (stop) => {
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
};

const onSighup: ReloadSignal = (reload) => {
  process.on("SIGHUP", reload);
  return () => process.off("SIGHUP", reload);
};

/**
 * `lic gate`: starts the registry gate and serves until SIGINT or SIGTERM; exit 0 after a clean stop. SIGHUP reads
 * --policy (and what it extends) and --lock again: new requests follow them, requests in flight finish as they began.
 */
export async function runGate(
  flags: GateFlags,
  io: CliIo,
  untilStopped: StopSignal = onSignals,
  reloadWhen: ReloadSignal = onSighup,
): Promise<number> {
  const { host, port } = parseListen(flags.listen);
  const upstream = parseEndpoint(flags.upstream, "--upstream");
  const publicUrl = flags.publicUrl === undefined ? null : parseEndpoint(flags.publicUrl, "--public-url");
  const catalog = getCatalog();
  const { rules, warnings } = await loadRules(flags, catalog, todayFrom(io.env));
  // The gate's token: HF_TOKEN or the login file, as for lic check. --endpoint does not apply: the upstream is explicit.
  const connection = resolveConnection({ endpoint: DEFAULT_ENDPOINT, cacheDir: flags.cacheDir }, io.env, readTokenFile);
  const { stderr } = guardIo(io, [connection.token]);
  const warn = (issues: PolicyIssue[]) => {
    for (const issue of issues) stderr(`lic: warning: ${formatIssue(issue)}\n`);
  };
  warn(warnings);

  let audit: AuditSink;
  try {
    audit = await openAuditLog(flags.auditLog, (error) =>
      stderr(`lic gate: the audit log ${flags.auditLog} failed: ${error.message}\n`),
    );
  } catch (error) {
    throw new UsageError(
      `--audit-log "${flags.auditLog}" cannot be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const onNotice = (message: string) => stderr(`lic gate: ${message}\n`);
  let postgres: Awaited<ReturnType<typeof openGatePostgres>>;
  try {
    postgres = await openGatePostgres(flags, io, connection.cacheDir, onNotice);
  } catch (error) {
    await audit.close();
    throw error;
  }
  if (postgres) audit = teeAuditSink(audit, postgres.audit);

  let gate: StartedGate;
  try {
    gate = await startGate({
      ...rules,
      catalog,
      mode: flags.mode,
      upstream,
      token: connection.token,
      host,
      port,
      publicUrl,
      allowedHosts: flags.allowedHost ?? [],
      audit,
      cacheDir: flags.cache ? connection.cacheDir : null,
      lineage: flags.lineage ? { maxDepth: flags.maxDepth } : null,
      timeoutMs: flags.timeout * 1000,
      maxUpstreamConnections: flags.maxUpstreamConnections,
      maxHeaderBytes: flags.maxHeaderSize,
      requestTimeoutMs: flags.requestTimeout * 1000,
      today: dailyValue(() => todayFrom(io.env)),
      onNotice,
      redis: redisOf(flags.redis ?? io.env.LIC_REDIS_URL),
      ...(postgres ? { decisionStore: postgres.decisionStore, ready: postgres.ready, gauges: postgres.gauges } : {}),
      offload: flags.offload,
    });
  } catch (error) {
    await audit.close();
    await postgres?.close();
    if (error instanceof GateConfigError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      throw new UsageError(
        `--listen ${flags.listen}: the address is in use; stop what holds it or choose another port`,
      );
    if (code === "EACCES")
      throw new UsageError(`--listen ${flags.listen}: not allowed to listen there; choose a port above 1023`);
    if (code === "EADDRNOTAVAIL") throw new UsageError(`--listen ${flags.listen}: this machine has no such address`);
    throw error;
  }

  const where = publicUrl ?? gate.url;
  // Listened for before the gate says it listens: a supervisor's SIGTERM right after that line stops it cleanly
  // (the audit log closed), where Node's default for the signal would end the process on the spot.
  const stopped = new Promise<void>((resolve) => untilStopped(resolve));
  stderr(
    `lic gate: listening on ${gate.url}, ${flags.mode} mode${flags.offload === "none" ? "" : `, offload ${flags.offload}`}, ${describeRules(gate.rules())}, upstream ${upstream}${connection.token ? " with a token" : ""}${postgres ? ", decisions and audit in PostgreSQL" : ""}\n` +
      `lic gate: point clients at it with HF_ENDPOINT=${where}\n`,
  );
  const load = async () => {
    const next = await loadRules(flags, catalog, todayFrom(io.env));
    warn(next.warnings);
    return next.rules;
  };
  const reloads = reloadOnSignal(reloadWhen, () => reloadRules(gate, load, (line) => stderr(`lic gate: ${line}\n`)));
  await stopped;
  stderr("lic gate: stopping\n");
  reloads.stop();
  await reloads.settled();
  await gate.close();
  await audit.close();
  await postgres?.close();
  return ExitCode.ok;
}

/** `--redis`: a redis://, rediss:// or unix:// URL; an empty value is no Redis. */
function redisOf(url: string | undefined): { url: string } | null {
  if (!url) return null;
  if (!/^(rediss?|unix):\/\//.test(url))
    throw new UsageError(`--redis "${url}" is not a Redis URL; e.g. redis://127.0.0.1:6379/0`);
  return { url };
}

/**
 * The policy and lock as the flags name them, read afresh at start and on each reload; throws a UsageError with
 * every problem (exit 2 at start; a reload logs them and keeps the rules it has).
 */
async function loadRules(
  flags: GateFlags,
  catalog: Catalog,
  today: string,
): Promise<{ rules: GateRules; warnings: PolicyIssue[] }> {
  const { policy, warnings } = await loadPolicy(flags.policy, catalog, today);
  const lock = flags.lock === undefined ? null : await readLock(flags.lock);
  return { rules: { policy, lock }, warnings };
}

/** A lock that cannot be used is bad usage, with every problem. */
async function readLock(file: string): Promise<LockedRegistry> {
  try {
    return await LockedRegistry.read(file);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A value computed again at most once a minute: every request asks for today's date, which changes once a day. */
function dailyValue(compute: () => string): () => string {
  let value = compute();
  let computedAt = Date.now();
  return () => {
    if (Date.now() - computedAt > 60_000) {
      value = compute();
      computedAt = Date.now();
    }
    return value;
  };
}

/** `HOST:PORT`, `[IPv6]:PORT`, or `:PORT` for all addresses. */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s[\]]*)):(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65535)
    throw new UsageError(`--listen "${value}" is not HOST:PORT; e.g. 127.0.0.1:8080, 0.0.0.0:8080 or [::1]:8080`);
  return { host: match[1] ?? (match[2] || "0.0.0.0"), port };
}
