import { createWriteStream, type WriteStream } from "node:fs";
import type { AuditSink } from "./audit-sink.js";

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
