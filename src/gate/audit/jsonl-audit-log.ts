import { createWriteStream, type WriteStream } from "node:fs";
import type { AuditSink } from "./audit-sink.js";

/**
 * JSON Lines, appended: to a file (created if missing, never truncated), or to stdout for `-`. The file is opened
 * before the gate listens, so a path that cannot be written fails at start-up, not on the first decision.
 */
export async function openAuditLog(path: string, onError: (error: Error) => void = () => {}): Promise<AuditSink> {
  if (path === "-")
    return batchedLines(
      (text) => process.stdout.write(text),
      async () => {},
    );
  const stream: WriteStream = createWriteStream(path, { flags: "a" });
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", reject);
  });
  // After start-up a failing log (a full disk) is reported, not fatal: the decisions still stand.
  stream.on("error", onError);
  return batchedLines(
    (text) => stream.write(text),
    () => new Promise((resolve) => stream.end(resolve)),
  );
}

/**
 * Entries written in one turn of the event loop go out as one write: under load a write per request was a file
 * system request each (a thread-pool round trip). Nothing waits longer than the turn, which is as long as a write
 * already sat in the stream's buffer; `close` writes what is pending first.
 */
function batchedLines(out: (text: string) => unknown, end: () => Promise<void>): AuditSink {
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
    close: () => {
      flush();
      return end();
    },
  };
}
