import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { UsageError } from "./usage-error.js";

/** Writes a report whole or not at all: a reader never sees half a report. */
export async function writeOutput(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new UsageError(`cannot write --output "${path}" (${reason}); check that its folder exists and is writable`);
  }
}
