import { writeSync } from "node:fs";

/**
 * A writer for stdout or stderr that writes to the file descriptor itself, without making `process.stdout` or
 * `process.stderr`: for a pipe, making one loads Node's net and stream modules, some 4 ms of a 55 ms warm check.
 * What a write cannot finish at once (a pipe another process left non-blocking and full: EAGAIN) or fails at in any
 * other way goes to the stream, and so does every write after it, so the text stays in order and Node's handling of
 * the stream (its buffering, its errors) is what it was. A reader gone away (EPIPE, `lic check … | head -1`) ends
 * the output quietly.
 */
export function fdWriter(fd: 1 | 2, stream: () => NodeJS.WritableStream): (text: string) => void {
  let through: NodeJS.WritableStream | null = null;
  let readerGone = false;
  return (text) => {
    if (readerGone) return;
    if (through) {
      through.write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(fd, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EPIPE") {
        readerGone = true;
        return;
      }
      through = stream();
      through.write(bytes.subarray(written));
    }
  };
}
