import type { RunReport } from "../types/result.js";
import { paint } from "./colour.js";
import { plainDetail } from "./plain-detail.js";
import type { Render } from "./renderer.js";
import {
  type EvidenceItemView,
  type FindingView,
  flattenDatasets,
  flattenLineage,
  type ModelView,
  NOT_CHECKED,
  type NotCheckedView,
  type ObligationView,
  type ProjectView,
  type ReportView,
  reportView,
  type TrainingDataView,
  type UsesView,
} from "./view.js";

export interface TextOptions {
  /** ANSI colours on verdicts and severities: only for a terminal, never with NO_COLOR. */
  color?: boolean;
}

/**
 * The report for people at a terminal, the answer first: the policy and what it assumes, the totals, a line per model
 * when there are several, what the organization must do; then a block per model, its evidence listed once.
 */
export function formatText(report: RunReport, options: TextOptions = {}): string {
  const view = reportView(report);
  const blocks = [
    ...view.models.map(formatResult),
    ...view.notChecked.map(formatNotChecked),
    ...(view.project ? [formatProject(view.project)] : []),
  ].map((block) => (options.color ? colourize(block) : block));
  return [formatHead(view), ...blocks].join("\n");
}

/** The policy block, the totals, the one-line summary of each model (only when there are several), the duties. */
function formatHead(view: ReportView): string {
  const { policy, totals } = view;
  const lines = [`policy: ${policy.name} (${policy.chosenByWords}; digest ${policy.digest})`];
  if (policy.defaultWarning) lines.push(`  WARNING: ${policy.defaultWarning}`);
  lines.push(`  assumes: ${policy.assumptionsLine}`);
  lines.push(`${totals.verdictLine}; ${totals.findingsLine}`);
  if (totals.models > 1) lines.push(...summaryLines(view));
  if (view.obligations.length > 0) lines.push("what we must do:", ...view.obligations.flatMap(obligationLines));
  return `${lines.join("\n")}\n`;
}

/** A line per model, verdicts aligned: the answer for a run over many models without reading any block. */
function summaryLines(view: ReportView): string[] {
  const rows = [
    ...view.models.map((model) => [model.verdictLabel, model.model, model.reason]),
    ...view.notChecked.map((error) => [NOT_CHECKED, error.name, error.kind]),
  ];
  const width = Math.max(...rows.map(([label]) => label!.length));
  return rows.map(([label, name, reason]) => `  ${label!.padEnd(width)}  ${name}  ${reason}`);
}

/** `  O1  <license, §>: <duty> (<when>)`, its codes and clause, and the models it applies to. */
function obligationLines(obligation: ObligationView): string[] {
  const { clause } = obligation;
  return [
    `  ${obligation.ref}  ${obligation.words}`,
    `      [${obligation.license} ${obligation.kind}, ${obligation.when}] ${clause.document} <${clause.url}>`,
    `      models: ${obligation.models.join(", ")}`,
  ];
}

function formatResult(model: ModelView): string {
  const lines = [`${model.model}@${model.revision}  ${model.verdictLabel}  ${model.reason}`];
  if (model.resolvedOtherwise) lines.push(`  requested: ${model.requested.model}@${model.requested.revision}`);
  if (model.gated) lines.push(`  gated: ${model.gated}`);
  lines.push(...usedAtLines(model));

  lines.push("  licenses:");
  if (model.licenses.length === 0) lines.push("    none identified");
  for (const license of model.licenses) {
    lines.push(
      `    ${license.id}${license.name === null ? "" : `  ${license.name}`}  (${license.about})${refs(license.evidenceRefs)}`,
    );
  }
  for (const entry of model.unidentified)
    lines.push(`    ? ${entry.value} (${entry.reason})${refs(entry.evidenceRefs)}`);
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

  // The duties themselves stand once, in the report's "what we must do"; a model names its own.
  if (model.obligationRefs.length > 0) lines.push(`  obligations: ${model.obligationRefs.join(", ")}`);

  lines.push(
    ...findingLines(model.ownFindings, model.trainingData ? `none on the ${model.kind} itself` : "none"),
    ...trainingDataLines(model.trainingData),
    ...evidenceLines(model.evidence),
  );
  return `${lines.join("\n")}\n`;
}

/**
 * The datasets the model's cards name, sources indented under the dataset naming them, each with its licenses,
 * the card that names it and its findings: after the model's own findings, as advisories about its data.
 */
function trainingDataLines(trainingData: TrainingDataView | null): string[] {
  if (trainingData === null) return [];
  const lines = [`  ${trainingData.heading.toLowerCase()}:`, `    ${trainingData.note}`];
  if (trainingData.datasets.length === 0) lines.push("    none named");
  for (const { node, depth } of flattenDatasets(trainingData.datasets)) {
    const indent = `    ${"  ".repeat(depth)}`;
    const state = node.unavailable
      ? `not read: ${node.unavailable.reason} (${node.unavailable.message})`
      : node.licenses.join(", ") || "no license declared";
    const gated = node.gated ? `; gated: ${node.gated}` : "";
    lines.push(`${indent}${node.name}  ${state}  (${node.declared}${gated})${refs(node.evidenceRefs)}`);
    lines.push(...node.findings.flatMap((finding) => findingEntry(finding, `${indent}  `)));
  }
  return lines;
}

/** `  [E1 E3]`: where a license or finding points into the block's evidence list; nothing without evidence. */
function refs(evidenceRefs: string[]): string {
  return evidenceRefs.length > 0 ? `  [${evidenceRefs.join(" ")}]` : "";
}

/** The block's evidence, once each: `E1  <words>  (<machine phrase>)`. */
function evidenceLines(evidence: EvidenceItemView[]): string[] {
  if (evidence.length === 0) return [];
  return ["  evidence:", ...evidence.map((item) => `    ${item.ref}  ${item.words}  (${item.code})`)];
}

/** `  used at: …`, when the run was a scan. */
function usedAtLines(uses: UsesView): string[] {
  return uses.usedAtSummary === null ? [] : [`  used at: ${uses.usedAtSummary}`];
}

/**
 * The findings under a block, most severe first, each with its evidence refs and the details that are its own (the
 * evidence stands once, in the block's list): the same for a model and for the project.
 */
function findingLines(findings: FindingView[], none = "none"): string[] {
  if (findings.length === 0) return [`  findings: ${none}`];
  return ["  findings:", ...findings.flatMap((finding) => findingEntry(finding, "    "))];
}

/** A finding at `indent`: its line with its evidence refs, then its own details two spaces further in. */
function findingEntry(finding: FindingView, indent: string): string[] {
  return [
    `${indent}${finding.severity} ${finding.code}: ${finding.message}${refs(finding.evidenceRefs)}`,
    ...finding.details
      .filter((detail) => detail.kind !== "evidence")
      .map((detail) => `${indent}  ${plainDetail(detail, true)}`),
  ];
}

function formatNotChecked(error: NotCheckedView): string {
  return [`${error.name}  ${NOT_CHECKED}`, `  ${error.kind}: ${error.message}`, ...usedAtLines(error), ""].join("\n");
}

function formatProject(project: ProjectView): string {
  const lines = [`${project.heading}: ${project.root}${project.lock === null ? "" : `, lock ${project.lock}`}`];
  lines.push(...findingLines(project.findings), ...evidenceLines(project.evidence));
  return `${lines.join("\n")}\n`;
}

/** Colours the verdict on a block's first line (before its reason) and the severity that starts each finding line. */
function colourize(block: string): string {
  return block
    .replace(/ {2}(ALLOW|WARN|BLOCK|NOT CHECKED)(?= {2}|$)/m, (_, label: string) => `  ${paint(label)}`)
    .replace(
      /^( {4,})(error|warning|info)( )/gm,
      (_, indent: string, severity: string, space: string) => `${indent}${paint(severity)}${space}`,
    );
}

export const render: Render = (report, options) => ({ output: formatText(report, options) });
