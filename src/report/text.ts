import type { RunReport, Verdict } from "../types/result.js";
import { paint } from "./colour.js";
import { formatEvidence } from "./format-evidence.js";
import { plainDetail } from "./plain-detail.js";
import type { Render } from "./renderer.js";
import {
  type FindingView,
  flattenLineage,
  type ModelView,
  NOT_CHECKED,
  type NotCheckedView,
  type ProjectView,
  reportView,
  type UsesView,
} from "./view.js";

export interface TextOptions {
  /** ANSI colours on verdicts and severities: only for a terminal, never with NO_COLOR. */
  color?: boolean;
}

/** The report for people at a terminal: a block per model, then a summary line when there are several. */
export function formatText(report: RunReport, options: TextOptions = {}): string {
  const view = reportView(report);
  const blocks = [
    ...view.models.map(formatResult),
    ...view.notChecked.map(formatNotChecked),
    ...(view.project ? [formatProject(view.project)] : []),
  ].map((block) => (options.color ? colourize(block) : block));
  const lines = [blocks.join("\n")];
  if (report.results.length + report.errors.length > 1) lines.push(formatSummary(report));
  return lines.join("\n");
}

function formatResult(model: ModelView): string {
  const lines = [`${model.model}@${model.revision}  ${model.verdictLabel}`];
  if (model.resolvedOtherwise) lines.push(`  requested: ${model.requested.model}@${model.requested.revision}`);
  if (model.gated) lines.push(`  gated: ${model.gated}`);
  lines.push(...usedAtLines(model));

  lines.push("  licenses:");
  if (model.licenses.length === 0) lines.push("    none identified");
  for (const license of model.licenses) {
    lines.push(`    ${license.id}${license.name === null ? "" : `  ${license.name}`}  (${license.about})`);
    for (const evidence of license.evidence) lines.push(`      from ${formatEvidence(evidence)}`);
  }
  for (const entry of model.unidentified) {
    lines.push(`    ? ${entry.value} (${entry.reason})`);
    for (const evidence of entry.evidence) lines.push(`      from ${formatEvidence(evidence)}`);
  }
  if (model.expression) lines.push(`  declared expression: ${model.expression}`);
  for (const choice of model.choices) lines.push(`  chose ${choice.chosen} from ${choice.expression}`);

  if (model.lineage.length > 0) {
    lines.push("  lineage:");
    for (const { node, depth } of flattenLineage(model.lineage)) {
      const state = node.unavailable
        ? `not read: ${node.unavailable.reason}`
        : node.licenses.join(", ") || "no license";
      const at = node.sha ? `@${node.sha.slice(0, 12)}` : "";
      lines.push(`    ${"  ".repeat(depth)}${node.relation} of ${node.id}${at}  ${state}`);
    }
  }

  if (model.texts.length > 0) {
    lines.push("  license texts:");
    for (const text of model.texts) {
      const matches = text.matches.map((match) => `${match.verb} ${match.document} (${match.percent}%)`);
      lines.push(
        `    ${text.name}  sha256:${text.sha256.slice(0, 12)}  ${text.size}  ${matches.length > 0 ? matches.join(", ") : "unrecognized"}`,
      );
    }
  }

  if (model.obligations.length > 0) {
    lines.push("  obligations:");
    for (const obligation of model.obligations) {
      lines.push(
        `    ${obligation.license}: ${obligation.kind}${obligation.text ? ` "${obligation.text}"` : ""} (${obligation.when}; ${obligation.source.section ?? obligation.source.document})`,
      );
    }
  }

  lines.push(...findingLines(model.findings));
  return `${lines.join("\n")}\n`;
}

/** `  used at: …`, when the run was a scan. */
function usedAtLines(uses: UsesView): string[] {
  return uses.usedAtSummary === null ? [] : [`  used at: ${uses.usedAtSummary}`];
}

/** The findings under a block, each with its details: the same for a model and for the project. */
function findingLines(findings: FindingView[]): string[] {
  if (findings.length === 0) return ["  findings: none"];
  return [
    "  findings:",
    ...findings.flatMap((finding) => [
      `    ${finding.severity} ${finding.code}: ${finding.message}`,
      ...finding.details.map((detail) => `      ${plainDetail(detail, true)}`),
    ]),
  ];
}

function formatNotChecked(error: NotCheckedView): string {
  return [`${error.name}  ${NOT_CHECKED}`, `  ${error.kind}: ${error.message}`, ...usedAtLines(error), ""].join("\n");
}

function formatProject(project: ProjectView): string {
  const lines = [`${project.heading}: ${project.root}${project.lock === null ? "" : `, lock ${project.lock}`}`];
  lines.push(...findingLines(project.findings));
  if (project.datasets.length > 0) {
    lines.push(`  ${project.datasetsHeading.toLowerCase()}:`);
    for (const dataset of project.datasets) lines.push(`    ${dataset.name}  used at: ${dataset.usedAtSummary}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Colours the verdict at the end of a block's first line and the severity that starts each finding line. */
function colourize(block: string): string {
  return block
    .replace(/ {2}(ALLOW|WARN|BLOCK|NOT CHECKED)$/m, (_, label: string) => `  ${paint(label)}`)
    .replace(
      /^( {4})(error|warning|info)( )/gm,
      (_, indent: string, severity: string, space: string) => `${indent}${paint(severity)}${space}`,
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

export const render: Render = (report, options) => ({ output: formatText(report, options) });
