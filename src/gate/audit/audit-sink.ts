import type { Verdict } from "../../types/result.js";
import type { Redactor } from "../../util/redact.js";

/**
 * One entry of the audit log: who asked for what, and what the policy said. Headers are never logged, so a
 * client's token cannot reach the log; `client` is the peer address only.
 */
export interface AuditEntry {
  /** A UUID made for the request: the key that keeps an entry written twice (a retry) from counting twice. */
  requestId: string;
  time: string;
  client: string;
  method: string;
  route: string;
  model: string;
  /** As the client asked; the commit it resolved to is `sha`. */
  revision: string | null;
  sha: string | null;
  path: string | null;
  mode: "enforce" | "annotate";
  verdict: Verdict | "undecided";
  codes: string[];
  /**
   * What the gate did: passed the answer on, or refused it. A refusal is the gate's (403 blocked, 503 undecided,
   * 502 when the upstream broke off) or the upstream's (401/403 on a file, passed on), and `status` is what the
   * client got.
   */
  action: "served" | "refused";
  status: number;
  policy: { name: string; digest: string };
  /** Why a request was refused or could not be decided. */
  reason?: string;
}

/**
 * Where the gate's audit entries go: a JSON Lines file or stdout today (`openAuditLog`), memory in tests
 * (`MemoryAuditSink`), a database shared by replicas later. `write` does not wait: a slow or failing sink must not hold
 * a decision back; `close` resolves once every entry written is stored.
 */
export interface AuditSink {
  write(entry: AuditEntry): void;
  close(): Promise<void>;
}

/**
 * The audit log's one way in from the gate: every entry passes the redactor whole (`reason` carries upstream text,
 * which may echo the gate's token).
 */
export function redactedAuditSink(sink: AuditSink, redact: Redactor): AuditSink {
  return { write: (entry) => sink.write(redact.deep(entry)), close: () => sink.close() };
}

/** Every entry to each sink: the JSON Lines log and PostgreSQL side by side. */
export function teeAuditSink(...sinks: AuditSink[]): AuditSink {
  return {
    write: (entry) => {
      for (const sink of sinks) sink.write(entry);
    },
    close: async () => {
      await Promise.all(sinks.map((sink) => sink.close()));
    },
  };
}
