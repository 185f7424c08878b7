import { catalogDigest } from "../../catalog/catalog-digest.js";
import { AuditBuffer } from "../audit/audit-buffer.js";
import { PostgresAuditSink } from "../audit/postgres-audit-sink.js";
import type { GateGauge } from "../metrics.js";
import { PostgresDecisionStore } from "../stores/postgres-decision-store.js";
import { isReachable, messageOf, openPostgres, type PostgresTimeouts } from "./connection.js";
import { migrate } from "./migrations.js";

export interface PostgresGateOptions {
  url: string;
  bufferDir: string;
  bufferBytes: number;
  onNotice: (message: string) => void;
  /** How often buffered audit entries are offered again; 5 s unless a test says. */
  retryMs?: number;
  timeouts?: PostgresTimeouts;
}

/** What a gate on PostgreSQL is given: the shared decisions, the shared audit log, and a readiness check. */
export interface PostgresGate {
  decisionStore: PostgresDecisionStore;
  audit: PostgresAuditSink;
  ready: () => Promise<boolean>;
  /** The gauges an operator watches: the bytes of audit entries waiting on disk for PostgreSQL. */
  gauges: GateGauge[];
  close(): Promise<void>;
}

/**
 * Connects, migrates (throwing SchemaTooNewError on a database ahead of this lic, before anything is served) and
 * writes what the disk buffer holds from an earlier run.
 */
export async function openPostgresGate(options: PostgresGateOptions): Promise<PostgresGate> {
  const pool = openPostgres(
    options.url,
    (error) => options.onNotice(`PostgreSQL: ${messageOf(error)}`),
    options.timeouts,
  );
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const buffer = await AuditBuffer.open(options.bufferDir, options.bufferBytes);
  const audit = new PostgresAuditSink({
    pool,
    buffer,
    retryMs: options.retryMs ?? 5000,
    onNotice: options.onNotice,
  });
  await audit.start();
  const decisionStore = new PostgresDecisionStore({
    pool,
    catalogDigest: catalogDigest(),
    onNotice: options.onNotice,
  });
  return {
    decisionStore,
    audit,
    ready: () => isReachable(pool),
    gauges: [
      {
        name: "lic_gate_audit_buffered_bytes",
        help: "Bytes of audit entries waiting on disk for PostgreSQL (0 while it takes them as they come).",
        read: () => buffer.bytes,
      },
    ],
    // The audit log is closed by whoever closes the gate's sinks; the pool goes last.
    close: async () => {
      await audit.close();
      await pool.end();
    },
  };
}
