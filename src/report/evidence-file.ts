import type { Evidence } from "../types/finding.js";

/**
 * A file the evidence points into, and the line (and column, in code) when it names one: a path in the model repo at
 * the checked commit, or, for code and lock evidence, a path in the scanned project relative to its root.
 */
export interface EvidenceFile {
  file: string;
  line?: number;
  column?: number;
}

/** The file (and line) a piece of evidence points into, when it names one. */
export function fileOf(evidence: Evidence): EvidenceFile | null {
  if (evidence.source === "code") return { file: evidence.file, line: evidence.line, column: evidence.column };
  if (evidence.source === "lock") return { file: evidence.file, line: evidence.line };
  if (evidence.source !== "file" && evidence.source !== "card") return null;
  if (evidence.file === undefined) return null;
  return { file: evidence.file, ...(evidence.line !== undefined ? { line: evidence.line } : {}) };
}
