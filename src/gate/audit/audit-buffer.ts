import { mkdir, open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { AuditEntry } from "./audit-sink.js";

/**
 * Audit entries the database could not take yet, on local disk: one file per batch, fsync'd and then renamed into
 * place, so a file that can be read is whole. Bounded in bytes: past the bound a batch is refused (the caller
 * reports it), because a gate that fills its disk would fail worse than one that loses audit rows it said it lost.
 */
export class AuditBuffer {
  private sequence = 0;

  private constructor(
    readonly dir: string,
    private readonly maxBytes: number,
    private held: number,
  ) {}

  static async open(dir: string, maxBytes: number): Promise<AuditBuffer> {
    await mkdir(dir, { recursive: true });
    const files = await batchFiles(dir);
    const sizes = await Promise.all(files.map(async (file) => (await stat(join(dir, file))).size));
    return new AuditBuffer(
      dir,
      maxBytes,
      sizes.reduce((sum, size) => sum + size, 0),
    );
  }

  /** Bytes held on disk. */
  get bytes(): number {
    return this.held;
  }

  /** Keeps one batch on disk, durably; false (nothing written) when it would pass the bound. */
  async append(entries: readonly AuditEntry[]): Promise<boolean> {
    const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join("");
    const size = Buffer.byteLength(text);
    if (this.held + size > this.maxBytes) return false;
    // Named by time first, so batches are written to the database in the order they were buffered.
    const name = `${String(Date.now()).padStart(15, "0")}-${process.pid}-${this.sequence++}.jsonl`;
    const partial = join(this.dir, `.${name}.partial`);
    const file = await open(partial, "w");
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(partial, join(this.dir, name));
    await syncFolder(this.dir);
    this.held += size;
    return true;
  }

  /**
   * Hands each batch, oldest first, to `write`, and removes it once written. Stops at the first failure, leaving it
   * and the rest for the next drain. A crash between a write and its removal writes the batch again: the writer must
   * be idempotent (the database ignores a request id it has).
   */
  async drain(write: (entries: AuditEntry[]) => Promise<void>): Promise<number> {
    let written = 0;
    for (const name of await batchFiles(this.dir)) {
      const path = join(this.dir, name);
      const text = await readFile(path, "utf8").catch(() => null);
      // Gone: another process sharing the folder drained it.
      if (text === null) continue;
      const entries = text
        .split("\n")
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as AuditEntry);
      await write(entries);
      await unlink(path).catch(() => {});
      this.held = Math.max(0, this.held - Buffer.byteLength(text));
      written += entries.length;
    }
    return written;
  }
}

async function batchFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^\d+-\d+-\d+\.jsonl$/.test(name)).sort();
}

/** A rename is durable once the folder is: fsync it too. */
async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, "r");
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
