import { randomBytes } from "node:crypto";
import { closeSync, openSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { fsPromises } from "../acquire/fs-promises.js";
import { UsageError } from "./usage-error.js";

/**
 * Whether a report can be written to `path`, asked before any request, so that exit 2 still means "nothing was
 * checked". The target must be a regular file or not exist yet (a report replaces it, and replacing /dev/null or a
 * folder is never meant); its folder must take a new file, which is tried for real with the temporary file the
 * write will use (permissions, read-only mounts, /proc, ACLs all answer the same way then).
 */
export function checkOutputWritable(path: string, flag: string): void {
  let isRegular: boolean | null = null;
  try {
    isRegular = statSync(path).isFile();
  } catch {
    // Not there yet (or not reachable): the probe below says which.
  }
  if (isRegular === false)
    throw new UsageError(
      `${flag} "${path}" is not a regular file (a folder or a device); give the path of a file to write`,
    );
  const probe = temporaryPathFor(path);
  try {
    closeSync(openSync(probe, "wx"));
    rmSync(probe, { force: true });
  } catch (error) {
    throw new UsageError(
      `cannot write ${flag} "${path}" (${codeOf(error)}); check that its folder ${dirname(path)} exists and is writable`,
    );
  }
}

/** Writes a report whole or not at all: a reader never sees half a report, and a failed write leaves the old file. */
export async function writeOutput(path: string, content: string, flag = "--output"): Promise<void> {
  const temporary = temporaryPathFor(path);
  const { writeFile, rename, rm } = fsPromises();
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UsageError(
      `cannot write ${flag} "${path}" (${codeOf(error)}); check that its folder exists and is writable`,
    );
  }
}

function temporaryPathFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}

function codeOf(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : String(error);
}
