import type pg from "pg";
import { insertAuditEntries } from "../db/audit-rows.js";
import { messageOf } from "../db/connection.js";
import type { AuditBuffer } from "./audit-buffer.js";
import type { AuditEntry, AuditSink } from "./audit-sink.js";

export interface PostgresAuditSinkOptions {
  pool: pg.Pool;
  /** Where batches go while PostgreSQL is down or slow. */
  buffer: AuditBuffer;
  /** How often the buffer is offered to PostgreSQL again while it holds batches. */
  retryMs: number;
  onNotice: (message: string) => void;
}

/** Rows in one INSERT: well under PostgreSQL's 65,535 parameters (17 a row). */
const BATCH = 500;

/**
 * The audit log in PostgreSQL, shared by every replica. `write` queues the entry and starts its INSERT at once: the
 * gate writes an entry before it sends the response's first byte, so the row is on its way to the database as the
 * response starts and stored long before a download of any size ends; a replica killed mid-download has written it.
 * A batch PostgreSQL refuses or does not answer in time goes to the disk buffer (fsync'd) and is written from there
 * when the database is back; request ids make the retries idempotent.
 */
export class PostgresAuditSink implements AuditSink {
  private queue: AuditEntry[] = [];
  private flushing: Promise<void> | null = null;
  private replaying: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly partitions = new Set<string>();
  private closed = false;

  constructor(private readonly options: PostgresAuditSinkOptions) {}

  /** Writes what an earlier run left in the buffer. */
  start(): Promise<void> {
    return this.replay();
  }

  write(entry: AuditEntry): void {
    this.queue.push(entry);
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
    });
  }

  /** Resolves once every entry written so far is in PostgreSQL or in the disk buffer. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.settled();
    // A last try; what PostgreSQL still refuses stays on disk for the next start.
    await this.replay();
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) await this.store(this.queue.splice(0, BATCH));
  }

  private async store(batch: AuditEntry[]): Promise<void> {
    try {
      await insertAuditEntries(this.options.pool, batch, this.partitions);
    } catch (error) {
      this.options.onNotice(
        `PostgreSQL did not take ${batch.length} audit entries (${messageOf(error)}); buffering them on disk`,
      );
      await this.keepOnDisk(batch);
    }
  }

  private async keepOnDisk(batch: AuditEntry[]): Promise<void> {
    try {
      const kept = await this.options.buffer.append(batch);
      if (!kept)
        this.options.onNotice(
          `the audit buffer ${this.options.buffer.dir} is full: ${batch.length} audit entries are LOST (raise --audit-buffer-size or bring PostgreSQL back)`,
        );
    } catch (error) {
      this.options.onNotice(`${batch.length} audit entries are LOST: the audit buffer failed: ${messageOf(error)}`);
    }
    this.retryLater();
  }

  private retryLater(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.replay();
    }, this.options.retryMs);
    this.retryTimer.unref();
  }

  /** Offers the buffered batches to PostgreSQL, one drain at a time; on failure, tries again later. */
  private replay(): Promise<void> {
    this.replaying ??= this.options.buffer
      .drain((entries) => insertAuditEntries(this.options.pool, entries, this.partitions))
      .then((written) => {
        if (written > 0) this.options.onNotice(`wrote ${written} buffered audit entries to PostgreSQL`);
      })
      .catch(() => this.retryLater())
      .finally(() => {
        this.replaying = null;
      });
    return this.replaying;
  }
}
