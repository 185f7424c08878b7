import { statSync } from "node:fs";
import { UsageError } from "./usage-error.js";

/** A folder to scan must exist and be a folder; checked before anything is read or requested. */
export function checkFolder(path: string, what: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new UsageError(`${what}: "${path}" does not exist; give the folder of the project to scan`);
  }
  if (!isFolder) throw new UsageError(`${what}: "${path}" is not a folder; give the folder of the project to scan`);
}
