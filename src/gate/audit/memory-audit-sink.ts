import type { AuditEntry, AuditSink } from "./audit-sink.js";

/**
 * Audit entries kept in memory, in the order written. The gate writes an entry before it answers, so a client that has
 * its answer can read the entry here at once (a file stream may land it later).
 */
export class MemoryAuditSink implements AuditSink {
  readonly entries: AuditEntry[] = [];

  write(entry: AuditEntry): void {
    this.entries.push(entry);
  }

  async close(): Promise<void> {}
}
