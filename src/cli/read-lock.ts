import { dirname, join } from "node:path";
import { LOCK_FILE, type LockedEntry, type LockFile, parseLock } from "../lock/lock-file.js";
import { readCappedFile, whyUnread } from "./read-capped-file.js";
import { UsageError } from "./usage-error.js";

/** A lock of thousands of entries is well under this; a larger file is not one lic wrote. */
const MAX_LOCK_BYTES = 16 * 1024 * 1024;

/** PATH/lic.lock, parsed strictly; a missing or malformed lock exits 2 with each problem's line and the fix. */
export function readLock(root: string): { file: LockFile; entries: LockedEntry[] } {
  return readLockFile(join(root, LOCK_FILE));
}

/** A lock file by its path (`lic bom services/api/lic.lock`); its folder is the project's root. */
export function readLockFile(path: string): { file: LockFile; entries: LockedEntry[] } {
  const root = dirname(path);
  const read = readCappedFile(path, MAX_LOCK_BYTES);
  if (!read.ok) {
    throw new UsageError(
      `${path} ${whyUnread(read, MAX_LOCK_BYTES)}: run \`lic lock ${root}\` to write it, review it, and commit it`,
    );
  }
  const parsed = parseLock(read.text);
  if (!parsed.ok)
    throw new UsageError(
      `${path} is not a lock lic wrote:\n${parsed.problems.map((problem) => `  ${problem}`).join("\n")}\nDo not edit lic.lock by hand: run \`lic lock ${root}\` to regenerate it.`,
    );
  return { file: parsed.lock, entries: parsed.entries };
}
