import type { Evidence } from "../types/finding.js";

/** A file in the model repo (at the checked commit), and the line, when the evidence names one. */
export interface EvidenceFile {
  file: string;
  line?: number;
}

/** The file (and line) a piece of evidence points into, when it names one. */
export function fileOf(evidence: Evidence): EvidenceFile | null {
  if (evidence.source === "code" || evidence.source === "lock") return { file: evidence.file, line: evidence.line };
  if (evidence.source !== "file" && evidence.source !== "card") return null;
  if (evidence.file === undefined) return null;
  return { file: evidence.file, ...(evidence.line !== undefined ? { line: evidence.line } : {}) };
}
