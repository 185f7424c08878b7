import { closeSync, openSync, writeSync } from "node:fs";
import type { AuditSink } from "./audit-sink.js";

/**
 * JSON Lines, appended: to a file (created if missing, never truncated), or to stdout for `-`. The file is opened
 * before the gate listens, so a path that cannot be written fails at start-up, not on the first decision.
 *
 * A file is written with blocking `write(2)`s, as pino's default destination does: appending a batch to the page
 * cache takes microseconds, while a write through the thread pool (a WriteStream's) cost every request a round trip
 * (a futex wake, the worker's write, an eventfd write and read), which at 500 concurrent requests was a third of the
 * gate's own CPU on a cached decision.
 */
export async function openAuditLog(path: string, onError: (error: Error) => void = () => {}): Promise<AuditSink> {
  if (path === "-")
    return batchedLines(
      (text) => void process.stdout.write(text),
      () => {},
    );
  const fd = openSync(path, "a");
  let closed = false;
  let lastFailure: string | null = null;
  const append = (text: string) => {
    // An entry of a request still deciding when the gate stopped. Reported, never written: the descriptor's number
    // may belong to another file or socket by now.
    if (closed) return onError(new Error(`an entry came after the audit log ${path} was closed; it is not written`));
    try {
      writeAll(fd, Buffer.from(text));
      lastFailure = null;
    } catch (error) {
      // After start-up a failing log (a full disk) is reported, not fatal: the decisions still stand. A failure
      // repeated on every batch is reported once, until a write succeeds again.
      const failure = error instanceof Error ? error : new Error(String(error));
      if (failure.message !== lastFailure) onError(failure);
      lastFailure = failure.message;
    }
  };
  return batchedLines(append, () => {
    if (closed) return;
    closed = true;
    closeSync(fd);
  });
}

/** A blocking write may take part of a buffer (a pipe or a FIFO given as the path): the rest follows. */
function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.byteLength) written += writeSync(fd, bytes, written);
}

/**
 * Entries written in one turn of the event loop go out as one write. Nothing waits longer than the turn; `close`
 * writes what is pending first.
 */
function batchedLines(out: (text: string) => void, end: () => void): AuditSink {
  let pending = "";
  const flush = () => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    out(text);
  };
  return {
    write: (entry) => {
      if (pending === "") setImmediate(flush);
      pending += `${JSON.stringify(entry)}\n`;
    },
    close: async () => {
      flush();
      end();
    },
  };
}
