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
  /** `dataset` for a dataset's request; absent for a model's (entries of older gates read the same). */
  repoType?: "dataset";
  /** The repo's id, as the client asked for it (a model's or, with `repoType`, a dataset's). */
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
 * The audit log's one way in from the gate: every field that can carry text from outside the gate passes the
 * redactor (the client's address, the request's id, revision and path, the commit the upstream named, the reason,
 * which carries upstream text that may echo the gate's token). The rest the gate makes itself from closed sets (the
 * time, a UUID, an HTTP method the route allows, a route kind, a verdict, finding codes, the policy's name and
 * digest): walking those on every request was a tenth of the gate's own time on a cached decision.
 */
export function redactedAuditSink(sink: AuditSink, redact: Redactor): AuditSink {
  return {
    write: (entry) => {
      const clean = { ...entry };
      for (const key of OUTSIDE_TEXT) {
        const value = entry[key];
        if (typeof value === "string") (clean as Record<string, unknown>)[key] = redact(value);
      }
      sink.write(clean);
    },
    close: () => sink.close(),
  };
}

/**
 * Where each field's text comes from: `outside` (the client's request, the upstream's words) is redacted; `gate`
 * (made by the gate from closed sets, or the operator's policy) is not. The compiler makes a new field choose.
 */
const ORIGIN = {
  requestId: "gate",
  time: "gate",
  client: "outside",
  method: "gate",
  route: "gate",
  repoType: "gate",
  model: "outside",
  revision: "outside",
  sha: "outside",
  path: "outside",
  mode: "gate",
  verdict: "gate",
  codes: "gate",
  action: "gate",
  status: "gate",
  policy: "gate",
  reason: "outside",
} as const satisfies Record<keyof AuditEntry, "gate" | "outside">;

const OUTSIDE_TEXT = (Object.keys(ORIGIN) as (keyof AuditEntry)[]).filter((key) => ORIGIN[key] === "outside");

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
