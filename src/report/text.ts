import { findingInfo } from "../findings/finding-info.js";
import { describeText } from "../identify/describe-text.js";
import type { RuleReference } from "../types/finding.js";
import type { CheckResult, ModelError, RunReport, Verdict } from "../types/result.js";
import { formatEvidence } from "./format-evidence.js";
import { formatFindingMessage } from "./format-message.js";

const VERDICT_LABEL: Record<Verdict, string> = { allow: "ALLOW", warn: "WARN", block: "BLOCK" };

export interface TextOptions {
  /** ANSI colours on verdicts and severities: only for a terminal, never with NO_COLOR. */
  color?: boolean;
}

const COLOURS: Record<string, string> = {
  ALLOW: "32",
  WARN: "33",
  BLOCK: "31",
  "NOT CHECKED": "35",
  error: "31",
  warning: "33",
  info: "36",
};

/** The report for people at a terminal: a block per model, then a summary line when there are several. */
export function formatText(report: RunReport, options: TextOptions = {}): string {
  const blocks = [...report.results.map(formatResult), ...report.errors.map(formatError)].map((block) =>
    options.color ? colourize(block) : block,
  );
  const lines = [blocks.join("\n")];
  if (report.results.length + report.errors.length > 1) lines.push(formatSummary(report));
  return lines.join("\n");
}

function formatResult(result: CheckResult): string {
  const lines = [`${result.model}@${result.revision}  ${VERDICT_LABEL[result.verdict]}`];
  const requested = `${result.requested.model}@${result.requested.revision}`;
  if (result.requested.model !== result.model || result.requested.revision !== result.revision) {
    lines.push(`  requested: ${requested}`);
  }
  if (result.gated) lines.push(`  gated: ${result.gated}`);

  lines.push("  licenses:");
  if (result.license.licenses.length === 0) lines.push("    none identified");
  for (const license of result.license.licenses) {
    const name = license.name === license.id ? "" : `  ${license.name}`;
    lines.push(`    ${license.id}${name}  (${license.sources.join(", ")}${license.known ? "" : ", not in catalog"})`);
    for (const evidence of license.evidence) lines.push(`      from ${formatEvidence(evidence)}`);
  }
  for (const entry of result.license.unidentified) {
    lines.push(`    ? ${entry.value} (${entry.reason})`);
    for (const evidence of entry.evidence) lines.push(`      from ${formatEvidence(evidence)}`);
  }
  if (result.license.expression) lines.push(`  declared expression: ${result.license.expression}`);
  for (const choice of result.license.choices) lines.push(`  chose ${choice.chosen} from ${choice.expression}`);

  if (result.lineage.length > 0) {
    lines.push("  lineage:");
    const children = (parent: string) => result.lineage.filter((ancestor) => ancestor.parent === parent);
    const walk = (parent: string, indent: string) => {
      for (const ancestor of children(parent)) {
        const state = ancestor.unavailable
          ? `not read: ${ancestor.unavailable.reason}`
          : ancestor.licenses.join(", ") || "no license";
        lines.push(
          `${indent}${ancestor.relation} of ${ancestor.id}${ancestor.sha ? `@${ancestor.sha.slice(0, 12)}` : ""}  ${state}`,
        );
        if (!ancestor.unavailable) walk(ancestor.id, `${indent}  `);
      }
    };
    walk(result.model, "    ");
  }

  if (result.license.texts.length > 0) {
    lines.push("  license texts:");
    for (const text of result.license.texts) {
      const size = `${text.bytes} bytes${text.truncated ? ", truncated" : ""}`;
      const matches = text.matches.map(
        (match) => `${match.kind === "exact" ? "is" : "nearly"} ${match.document} (${Math.round(match.score * 100)}%)`,
      );
      lines.push(
        `    ${describeText(text)}  sha256:${text.sha256.slice(0, 12)}  ${size}  ${matches.length > 0 ? matches.join(", ") : "unrecognized"}`,
      );
    }
  }

  if (result.obligations.length > 0) {
    lines.push("  obligations:");
    for (const obligation of result.obligations) {
      lines.push(
        `    ${obligation.license}: ${obligation.kind}${obligation.text ? ` "${obligation.text}"` : ""} (${obligation.when}; ${obligation.source.section ?? obligation.source.document})`,
      );
    }
  }

  if (result.findings.length === 0) {
    lines.push("  findings: none");
  } else {
    lines.push("  findings:");
    for (const finding of result.findings) {
      lines.push(`    ${finding.severity} ${finding.code}: ${formatFindingMessage(finding)}`);
      for (const evidence of finding.evidence) lines.push(`      evidence: ${formatEvidence(evidence)}`);
      if (finding.term)
        lines.push(
          `      clause: ${finding.term.document}${finding.term.section ? `, ${finding.term.section}` : ""} <${finding.term.url}>${finding.term.quote ? `: "${finding.term.quote}"` : ""}`,
        );
      if (finding.rule) lines.push(`      rule: ${formatRule(finding.rule)}`);
      if (finding.waiver) {
        const { waiver } = finding;
        lines.push(
          `      waived by ${waiver.approvedBy} until ${waiver.expires}${waiver.ticket ? ` (${waiver.ticket})` : ""}: ${waiver.reason}`,
        );
      }
      lines.push(`      see ${findingInfo[finding.code].docs}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function formatRule(rule: RuleReference): string {
  return `${rule.file}${rule.line === null ? "" : `:${rule.line}`} ${rule.path}`;
}

function formatError(error: ModelError): string {
  const name = error.revision ? `${error.model}@${error.revision}` : error.model;
  return `${name}  NOT CHECKED\n  ${error.kind}: ${error.message}\n`;
}

/** Colours the verdict at the end of a block's first line and the severity that starts each finding line. */
function colourize(block: string): string {
  return block
    .replace(/ {2}(ALLOW|WARN|BLOCK|NOT CHECKED)$/m, (_, label: string) => `  \x1b[${COLOURS[label]}m${label}\x1b[0m`)
    .replace(
      /^( {4})(error|warning|info)( )/gm,
      (_, indent: string, severity: string, space: string) =>
        `${indent}\x1b[${COLOURS[severity]}m${severity}\x1b[0m${space}`,
    );
}

function formatSummary(report: RunReport): string {
  const count = (verdict: Verdict) => report.results.filter((result) => result.verdict === verdict).length;
  const total = report.results.length + report.errors.length;
  return (
    `${total} models: ${count("allow")} allowed, ${count("warn")} allowed with warnings, ` +
    `${count("block")} blocked, ${report.errors.length} not checked\n`
  );
}
