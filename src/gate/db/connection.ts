import { createRequire } from "node:module";
import type pg from "pg";

/**
 * Required when a gate first connects, not when the gate command loads: a gate without --postgres never needs pg
 * (esbuild keeps it out of the bundle, scripts/bundle-cli.mjs). Required, not import()ed: the bundle is run as a
 * script, which has no module loader for import().
 */
const load = createRequire(import.meta.url);

/** How long the gate waits on PostgreSQL before it counts it down: a slow database must not hold requests. */
export interface PostgresTimeouts {
  connectMs: number;
  queryMs: number;
}

const DEFAULT_TIMEOUTS: PostgresTimeouts = { connectMs: 2000, queryMs: 5000 };

/**
 * A pool of connections to `url` (postgres://user@host/db, or postgres:///db?host=/socket/dir). Errors of idle
 * connections (the server restarted) are reported, not thrown: the pool opens new ones on the next query.
 */
export function openPostgres(
  url: string,
  onError: (error: Error) => void = () => {},
  timeouts: PostgresTimeouts = DEFAULT_TIMEOUTS,
): pg.Pool {
  const { Pool } = load("pg") as typeof pg;
  const pool = new Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    idleTimeoutMillis: 10_000,
    application_name: "lic gate",
  });
  pool.on("error", onError);
  return pool;
}

/** Whether PostgreSQL answers now (for /readyz). */
export async function isReachable(pool: pg.Pool): Promise<boolean> {
  try {
    await pool.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/** A URL with its password replaced, for messages. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}

/** An error's message, for a notice. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
