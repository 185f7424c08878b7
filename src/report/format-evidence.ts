import type { Evidence } from "../types/finding.js";

/** Evidence in one short phrase a reviewer can follow back to its source. */
export function formatEvidence(evidence: Evidence): string {
  switch (evidence.source) {
    case "tag":
      return `tag ${evidence.tag}`;
    case "card": {
      const key = evidence.path.join(".");
      return evidence.file && evidence.line !== undefined
        ? `card ${key} (${evidence.file}:${evidence.line}: ${evidence.quote ?? ""})`
        : `card ${key}`;
    }
    case "file":
      return `file ${evidence.file}${evidence.line === undefined ? "" : `:${evidence.line}`} sha256:${evidence.sha256.slice(0, 12)}`;
    case "api":
      return `api ${evidence.field} = ${JSON.stringify(evidence.value)}`;
    case "code":
      return `code ${evidence.file}:${evidence.line}:${evidence.column} (${evidence.via})`;
    case "lock":
      return `lock ${evidence.file}:${evidence.line} (${evidence.entry})`;
  }
}
