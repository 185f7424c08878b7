import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

export type CappedRead =
  | { ok: true; text: string }
  | { ok: false; problem: "not-a-regular-file" }
  | { ok: false; problem: "too-large" }
  | { ok: false; problem: "unreadable"; code: string };

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a text file that is meant to be small (a policy, a token file, a saved report), refusing what is not one
 * before it costs time or memory (/dev/zero, /dev/urandom, a FIFO, a folder):
 * - the open is non-blocking, so a FIFO nobody writes to cannot hang it (O_NONBLOCK only changes FIFOs, devices
 *   and sockets; regular files read as usual);
 * - the type is checked with fstat on the open descriptor, not with a stat before the open: a path swapped between
 *   the two would be read unchecked;
 * - the cap holds while reading, at most `maxBytes + 1` bytes, whatever size fstat gives (/proc files say 0).
 */
export function readCappedFile(path: string, maxBytes: number): CappedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    return { ok: false, problem: "unreadable", code: codeOf(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: "not-a-regular-file" };
    if (stat.size > maxBytes) return { ok: false, problem: "too-large" };
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    if (total > maxBytes) return { ok: false, problem: "too-large" };
    return { ok: true, text: Buffer.concat(chunks, total).toString("utf8") };
  } catch (error) {
    return { ok: false, problem: "unreadable", code: codeOf(error) };
  } finally {
    closeSync(fd);
  }
}

/** Why a file could not be read, as the end of a sentence that names it: `lic.lock is larger than 16777216 bytes`. */
export function whyUnread(read: Exclude<CappedRead, { ok: true }>, maxBytes: number): string {
  if (read.problem === "too-large") return `is larger than ${maxBytes} bytes`;
  if (read.problem === "not-a-regular-file") return "is not a regular file";
  return read.code === "ENOENT" ? "does not exist" : `cannot be read (${read.code})`;
}

function codeOf(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : "unreadable";
}
