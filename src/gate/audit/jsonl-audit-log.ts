import { createWriteStream, type WriteStream } from "node:fs";
import type { Verdict } from "../../types/result.js";
import type { Redactor } from "../../util/redact.js";

/**
 * One line of the audit log: who asked for what, and what the policy said. Headers are never logged, so a
 * client's token cannot reach the log; `client` is the peer address only.
 */
export interface AuditEntry {
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

/**
 * JSON Lines, appended: to a file (created if missing, never truncated), or to stdout for `-`. The file is opened
 * before the gate listens, so a path that cannot be written fails at start-up, not on the first decision.
 */
export async function openAuditLog(path: string, onError: (error: Error) => void = () => {}): Promise<AuditSink> {
  if (path === "-") {
    return { write: (entry) => void process.stdout.write(`${JSON.stringify(entry)}\n`), close: async () => {} };
  }
  const stream: WriteStream = createWriteStream(path, { flags: "a" });
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", reject);
  });
  // After start-up a failing log (a full disk) is reported, not fatal: the decisions still stand.
  stream.on("error", onError);
  return {
    write: (entry) => void stream.write(`${JSON.stringify(entry)}\n`),
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}
