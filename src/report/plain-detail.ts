import { formatEvidence } from "./format-evidence.js";
import type { FindingDetail } from "./view.js";

/** A line under a finding in plain text (the text report, JUnit's messages); `withQuote` adds the clause's words. */
export function plainDetail(detail: FindingDetail, withQuote: boolean): string {
  switch (detail.kind) {
    case "evidence":
      return `evidence: ${formatEvidence(detail.evidence)}`;
    case "clause": {
      const { term } = detail;
      const quote = withQuote && term.quote ? `: "${term.quote}"` : "";
      return `clause: ${term.document}${term.section ? `, ${term.section}` : ""} <${term.url}>${quote}`;
    }
    case "rule":
      return `rule: ${detail.rule.file}${detail.rule.line === null ? "" : `:${detail.rule.line}`} ${detail.rule.path}`;
    case "waiver": {
      const { waiver } = detail;
      return `waived by ${waiver.approvedBy} until ${waiver.expires}${waiver.ticket ? ` (${waiver.ticket})` : ""}: ${waiver.reason}`;
    }
    case "docs":
      return `see ${detail.url}`;
  }
}
