import { fstatSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { once } from "../util/once.js";

/** node:tty, which loads net and the stream modules with it: some 2 ms of a run that writes to a pipe or a file. */
const tty = once(() => createRequire(import.meta.url)("node:tty") as typeof import("node:tty"));
/** The null device, which CI gives as stdin: a character device, and never a terminal. */
const devNull = once(() => statSync("/dev/null", { throwIfNoEntry: false }));

/**
 * Whether `fd` is a terminal, as `tty.isatty` answers, asked only of a character device other than /dev/null: every
 * terminal is one, and a pipe, a file or the null device (CI's stdio) is answered by a stat.
 */
export function isTerminal(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    if (!info.isCharacterDevice() || info.rdev === devNull()?.rdev) return false;
  } catch {
    // Closed or invalid: not a terminal, as isatty says.
    return false;
  }
  return tty().isatty(fd);
}
