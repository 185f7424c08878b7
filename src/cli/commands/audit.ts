import { readFile } from "node:fs/promises";
import type { AuditEntry } from "../../gate/audit/audit-sink.js";
import { type AuditFilter, repoName, selectAuditEntries } from "../../gate/db/audit-rows.js";
import { messageOf, openPostgres, safeUrl } from "../../gate/db/connection.js";
import type { CliIo } from "../cli-io.js";
import { ExitCode } from "../exit-code.js";
import { UsageError } from "../usage-error.js";
import { postgresUrlFrom } from "./gate-migrate.js";

export interface AuditFlags {
  postgres?: string;
  file?: string;
  model?: string;
  verdict?: string;
  action?: string;
  since?: string;
  until?: string;
  client?: string;
  policy?: string;
  format: "text" | "json" | "csv";
  summary?: boolean;
}

/** One model's downloads (file requests) in the entries read. */
export interface ModelSummary {
  model: string;
  served: number;
  refused: number;
  clients: number;
}

/** `lic audit`: the gate's audit entries, filtered, as a list or a per-model summary. */
export async function runAudit(flags: AuditFlags, io: CliIo): Promise<number> {
  const filter = filterFrom(flags);
  const entries = await readEntries(flags, io, filter);
  io.stdout(flags.summary ? formatSummary(summarize(entries), flags.format) : formatEntries(entries, flags.format));
  return ExitCode.ok;
}

function filterFrom(flags: AuditFlags): AuditFilter {
  const since = flags.since === undefined ? undefined : instantOf(flags.since, "--since", false);
  const until = flags.until === undefined ? undefined : instantOf(flags.until, "--until", true);
  if (since && until && since >= until)
    throw new UsageError(`--since ${flags.since} is not before --until ${flags.until}; swap them`);
  const { model, verdict, action, client, policy } = flags;
  return Object.fromEntries(
    Object.entries({ model, verdict, action, since, until, client, policy }).filter(([, value]) => value !== undefined),
  ) as AuditFilter;
}

/** An ISO date or time. A bare date for --until means the whole day: up to the next midnight (UTC). */
function instantOf(value: string, flag: string, endOfDay: boolean): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(parsed.getTime()))
    throw new UsageError(`${flag} "${value}" is not an ISO date; e.g. 2026-01-31 or 2026-01-31T12:00:00Z`);
  if (dateOnly && endOfDay) parsed.setUTCDate(parsed.getUTCDate() + 1);
  return parsed;
}

async function readEntries(flags: AuditFlags, io: CliIo, filter: AuditFilter): Promise<AuditEntry[]> {
  if (flags.file !== undefined && flags.postgres !== undefined)
    throw new UsageError("give --postgres or --file, not both");
  if (flags.file !== undefined) return (await readJsonl(flags.file)).filter((entry) => matches(entry, filter));
  const url = postgresUrlFrom(flags, io.env);
  if (url === undefined)
    throw new UsageError(
      "lic audit reads --postgres URL (or LIC_POSTGRES_URL) or --file FILE (the gate's --audit-log)",
    );
  const pool = openPostgres(url);
  try {
    return await selectAuditEntries(pool, filter);
  } catch (error) {
    throw new UsageError(`--postgres ${safeUrl(url)}: the audit log cannot be read (${messageOf(error)})`);
  } finally {
    await pool.end();
  }
}

async function readJsonl(path: string): Promise<AuditEntry[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`--file ${path} cannot be read: ${messageOf(error)}`);
  }
  return text.split("\n").flatMap((line, index) => {
    if (line.trim() === "") return [];
    try {
      return [JSON.parse(line) as AuditEntry];
    } catch {
      throw new UsageError(
        `--file ${path}:${index + 1} is not a JSON line; give the file the gate's --audit-log wrote`,
      );
    }
  });
}

/** The JSON Lines side of `selectAuditEntries`: the same filter, the same meaning. */
function matches(entry: AuditEntry, filter: AuditFilter): boolean {
  const time = new Date(entry.time);
  return (
    (filter.model === undefined || repoName(entry).toLowerCase() === filter.model.toLowerCase()) &&
    (filter.verdict === undefined || entry.verdict === filter.verdict) &&
    (filter.action === undefined || entry.action === filter.action) &&
    (filter.since === undefined || time >= filter.since) &&
    (filter.until === undefined || time < filter.until) &&
    (filter.client === undefined || entry.client === filter.client) &&
    (filter.policy === undefined || entry.policy.name === filter.policy || entry.policy.digest === filter.policy)
  );
}

/** Per model, by name: file requests served and refused, and the distinct clients that made them. */
export function summarize(entries: readonly AuditEntry[]): ModelSummary[] {
  const byModel = new Map<string, { served: number; refused: number; clients: Set<string> }>();
  for (const entry of entries.filter((each) => each.route === "file")) {
    const name = repoName(entry);
    const model = byModel.get(name) ?? { served: 0, refused: 0, clients: new Set<string>() };
    model[entry.action] += 1;
    model.clients.add(entry.client);
    byModel.set(name, model);
  }
  return [...byModel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, { served, refused, clients }]) => ({ model, served, refused, clients: clients.size }));
}

const ENTRY_COLUMNS = ["time", "request_id", "client", "method", "route", "model", "revision", "sha", "path"] as const;

function entryRow(entry: AuditEntry): string[] {
  return [
    entry.time,
    entry.requestId ?? "",
    entry.client,
    entry.method,
    entry.route,
    repoName(entry),
    entry.revision ?? "",
    entry.sha ?? "",
    entry.path ?? "",
    entry.verdict,
    entry.codes.join(" "),
    entry.action,
    String(entry.status),
    entry.policy.name,
    entry.policy.digest,
    entry.reason ?? "",
  ];
}

function formatEntries(entries: readonly AuditEntry[], format: AuditFlags["format"]): string {
  if (format === "json") return `${JSON.stringify(entries, null, 2)}\n`;
  if (format === "csv") {
    const header = [...ENTRY_COLUMNS, "verdict", "codes", "action", "status", "policy", "policy_digest", "reason"];
    return csv([header, ...entries.map(entryRow)]);
  }
  if (entries.length === 0) return "no audit entries match\n";
  return entries
    .map(
      (entry) =>
        `${entry.time}  ${entry.client}  ${entry.action} ${entry.status}  ${entry.verdict}  ${repoName(entry)}@${(entry.sha ?? entry.revision ?? "?").slice(0, 12)}${entry.path ? ` ${entry.path}` : ""}  ${entry.policy.name}${entry.codes.length > 0 ? `  ${entry.codes.join(",")}` : ""}\n`,
    )
    .join("");
}

function formatSummary(summary: readonly ModelSummary[], format: AuditFlags["format"]): string {
  if (format === "json") return `${JSON.stringify(summary, null, 2)}\n`;
  const rows = summary.map((each) => [each.model, String(each.served), String(each.refused), String(each.clients)]);
  if (format === "csv") return csv([["model", "served", "refused", "clients"], ...rows]);
  if (rows.length === 0) return "no downloads match\n";
  const table = [["model", "served", "refused", "clients"], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  return table
    .map(
      (row) =>
        `${row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join("  ")
          .trimEnd()}\n`,
    )
    .join("");
}

/**
 * RFC 4180, and safe to open in a spreadsheet: a cell that starts like a formula (=, +, -, @) is led by a quote,
 * since an upstream's text (a reason) ends up here.
 */
function csv(rows: readonly string[][]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return rows.map((row) => `${row.map(cell).join(",")}\r\n`).join("");
}
