import { join } from "node:path";
import type { ScanNote } from "../types/code-reference.js";

/** What a scan could not read, on stderr, each file named from where lic runs: no verdict rests on those files. */
export function printNotes(notes: ScanNote[], root: string, stderr: (text: string) => void): void {
  for (const note of notes) stderr(`lic: ${join(root, note.file)}: ${note.message}\n`);
}
