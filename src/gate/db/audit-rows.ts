import type pg from "pg";
import type { AuditEntry } from "../audit/audit-sink.js";

/** The columns of `lic_audit_log`, in the order an entry's values are given. */
const COLUMNS = [
  "request_id",
  "time",
  "client",
  "method",
  "route",
  "repo_type",
  "repo",
  "revision",
  "sha",
  "path",
  "mode",
  "verdict",
  "codes",
  "action",
  "status",
  "policy_name",
  "policy_digest",
  "reason",
] as const;

function valuesOf(entry: AuditEntry): unknown[] {
  return [
    entry.requestId,
    entry.time,
    entry.client,
    entry.method,
    entry.route,
    entry.repoType ?? "model",
    entry.model,
    entry.revision,
    entry.sha,
    entry.path,
    entry.mode,
    entry.verdict,
    entry.codes,
    entry.action,
    entry.status,
    entry.policy.name,
    entry.policy.digest,
    entry.reason ?? null,
  ];
}

/**
 * Writes entries in one statement. A request id already stored (a batch written again after a timeout, or drained
 * from the disk buffer twice) is skipped, so a retry never duplicates a row. Creates the months' partitions first.
 */
export async function insertAuditEntries(
  pool: pg.Pool,
  entries: readonly AuditEntry[],
  partitions: Set<string>,
): Promise<void> {
  if (entries.length === 0) return;
  for (const month of new Set(entries.map((entry) => monthOf(entry.time)))) {
    if (partitions.has(month)) continue;
    await createMonthPartition(pool, month);
    partitions.add(month);
  }
  const params: unknown[] = [];
  const rows = entries.map((entry) => {
    const values = valuesOf(entry);
    const placeholders = values.map((value) => `$${params.push(value)}`);
    return `(${placeholders.join(", ")})`;
  });
  await pool.query(
    `INSERT INTO lic_audit_log (${COLUMNS.join(", ")}) VALUES ${rows.join(", ")} ON CONFLICT (request_id, time) DO NOTHING`,
    params,
  );
}

/** `YYYY-MM` of an ISO time, in UTC. */
function monthOf(time: string): string {
  return new Date(time).toISOString().slice(0, 7);
}

/**
 * The month's partition, made on demand. DDL takes no parameters: the name and bounds are built from the year and
 * month numbers alone, never from a caller's text. Two replicas may race to make it; the loser's error is expected.
 */
async function createMonthPartition(pool: pg.Pool, month: string): Promise<void> {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  if (!Number.isInteger(year) || !Number.isInteger(monthNumber)) throw new Error(`not a month: ${month}`);
  const from = `${year}-${String(monthNumber).padStart(2, "0")}-01`;
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}-01`;
  const name = `lic_audit_log_y${year}m${String(monthNumber).padStart(2, "0")}`;
  try {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF lic_audit_log FOR VALUES FROM ('${from} 00:00:00+00') TO ('${next} 00:00:00+00')`,
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    // duplicate_table, or the unique index on the catalog when both CREATEs ran at once.
    if (code !== "42P07" && code !== "23505") throw error;
  }
}

/** What `lic audit` selects by; every field optional. Times are instants: `since` inclusive, `until` exclusive. */
export interface AuditFilter {
  /** A model's id, or `dataset:` and a dataset's. */
  model?: string;
  verdict?: string;
  action?: string;
  since?: Date;
  until?: Date;
  client?: string;
  /** A policy's name or its digest. */
  policy?: string;
}

/** The entries matching `filter`, oldest first; the filter becomes parameters, never SQL text. */
export async function selectAuditEntries(pool: pg.Pool, filter: AuditFilter): Promise<AuditEntry[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (sql: (placeholder: string) => string, value: unknown) => {
    if (value !== undefined) conditions.push(sql(`$${params.push(value)}`));
  };
  const repo = filter.model === undefined ? undefined : repoOf(filter.model);
  where((p) => `repo_type = ${p}`, repo?.repoType);
  where((p) => `lower(repo) = lower(${p})`, repo?.id);
  where((p) => `verdict = ${p}`, filter.verdict);
  where((p) => `action = ${p}`, filter.action);
  where((p) => `time >= ${p}`, filter.since);
  where((p) => `time < ${p}`, filter.until);
  where((p) => `client = ${p}`, filter.client);
  where((p) => `(policy_name = ${p} OR policy_digest = ${p})`, filter.policy);
  const { rows } = await pool.query(
    `SELECT ${COLUMNS.join(", ")} FROM lic_audit_log${conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : ""} ORDER BY time, request_id`,
    params,
  );
  return rows.map(entryOf);
}

function entryOf(row: Record<string, unknown>): AuditEntry {
  return {
    requestId: String(row["request_id"]),
    time: (row["time"] as Date).toISOString(),
    client: String(row["client"]),
    method: String(row["method"]),
    route: String(row["route"]),
    ...(row["repo_type"] === "dataset" ? { repoType: "dataset" as const } : {}),
    model: String(row["repo"]),
    revision: (row["revision"] as string | null) ?? null,
    sha: (row["sha"] as string | null) ?? null,
    path: (row["path"] as string | null) ?? null,
    mode: row["mode"] as AuditEntry["mode"],
    verdict: row["verdict"] as AuditEntry["verdict"],
    codes: row["codes"] as string[],
    action: row["action"] as AuditEntry["action"],
    status: Number(row["status"]),
    policy: { name: String(row["policy_name"]), digest: String(row["policy_digest"]) },
    ...(row["reason"] ? { reason: String(row["reason"]) } : {}),
  };
}

/** The repo an audit filter or entry names: `dataset:org/name` is a dataset's, anything else a model's. */
export function repoOf(name: string): { repoType: "model" | "dataset"; id: string } {
  return name.startsWith("dataset:") ? { repoType: "dataset", id: name.slice(8) } : { repoType: "model", id: name };
}

/** How `lic audit` names an entry's repo: a dataset's with its `dataset:` prefix, so one never reads as a model. */
export function repoName(entry: Pick<AuditEntry, "repoType" | "model">): string {
  return entry.repoType === "dataset" ? `dataset:${entry.model}` : entry.model;
}
