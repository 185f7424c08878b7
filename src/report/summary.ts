import type { Severity } from "../types/finding.js";
import type { RunReport } from "../types/result.js";
import { paint } from "./colour.js";
import type { Render } from "./renderer.js";
import {
  type FindingView,
  flattenDatasets,
  type ModelView,
  NOT_CHECKED,
  type NotCheckedView,
  reportView,
} from "./view.js";
import { plural, repoCount } from "./view-words.js";

/** One row: the label where the verdict stands, what was checked, its licenses, and why in one line. */
interface Row {
  label: string;
  name: string;
  licenses: string;
  reason: string;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
/** The widest label, so that every name starts in one column. */
const LABEL_WIDTH = NOT_CHECKED.length;

/**
 * The compact report: one line a model (`ALLOW  org/name@5f0b02c75b57  apache-2.0  code: title`), the project's
 * findings in one more when the run was a scan, then the totals. For a terminal or a CI log where 30 models in the
 * text report are a thousand lines; the other formats keep the evidence.
 */
export function formatSummary(report: RunReport, options: { color?: boolean } = {}): string {
  const view = reportView(report);
  const rows = [...view.models.map(modelRow), ...view.notChecked.map(notCheckedRow)];
  if (view.project && view.project.findings.length > 0) {
    const { root, lock, findings } = view.project;
    rows.push({ label: "PROJECT", name: lock ?? root, licenses: "", reason: reasonOf(findings) });
  }
  const nameWidth = Math.max(0, ...rows.map((row) => row.name.length));
  const licensesWidth = Math.max(0, ...rows.map((row) => row.licenses.length));
  const lines = rows.map((row) => {
    const label = row.label.padEnd(LABEL_WIDTH);
    const columns = [
      options.color ? label.replace(row.label, paint(row.label)) : label,
      row.name.padEnd(nameWidth),
      row.licenses.padEnd(licensesWidth),
      row.reason,
    ];
    return columns.join("  ").trimEnd();
  });
  const warning = view.policy.defaultWarning ? [`WARNING: ${view.policy.defaultWarning}`] : [];
  return [...lines, totals(view.models, view.notChecked.length), ...warning].map((line) => `${line}\n`).join("");
}

function modelRow(model: ModelView): Row {
  return {
    label: model.verdictLabel,
    name: `${model.model}@${model.shortRevision}`,
    licenses: model.licenseIds.join(", ") || "none identified",
    reason: [reasonOf(model.findings), trainingDataNote(model)].filter((part) => part !== "").join("; "),
  };
}

/**
 * `training data: 3 datasets, 1 advisory`: that the datasets were read, and how many findings are about them. A card
 * that names none says nothing here (one line a model has no room for "0 datasets"); the full reports say "none named".
 */
function trainingDataNote(model: ModelView): string {
  const { trainingData } = model;
  if (trainingData === null) return "";
  const nodes = flattenDatasets(trainingData.datasets);
  if (nodes.length === 0) return "";
  const advisories = nodes.reduce((count, { node }) => count + node.findings.length, 0);
  const findings = advisories === 1 ? "1 advisory" : `${advisories} advisories`;
  return `${trainingData.heading.toLowerCase()}: ${plural(nodes.length, "dataset")}, ${findings}`;
}

function notCheckedRow(error: NotCheckedView): Row {
  return { label: NOT_CHECKED, name: error.name, licenses: "", reason: `${error.kind}: ${firstLine(error.message)}` };
}

/** The most severe finding as `code: title` (the first of equals, in the order the report gives them); "" for none. */
function reasonOf(findings: FindingView[]): string {
  const worst = findings.reduce<FindingView | null>(
    (most, finding) => (most && SEVERITY_RANK[most.severity] >= SEVERITY_RANK[finding.severity] ? most : finding),
    null,
  );
  return worst ? `${worst.code}: ${worst.title}` : "";
}

/** A row is one line, whatever an upstream's message held. */
function firstLine(text: string): string {
  return text.split("\n", 1)[0]!;
}

function totals(models: ModelView[], notChecked: number): string {
  const count = (label: string) => models.filter((model) => model.verdictLabel === label).length;
  const datasets = models.filter((model) => model.kind === "dataset").length;
  return `${repoCount(models.length + notChecked, datasets)}: ${count("ALLOW")} allowed, ${count("WARN")} with warnings, ${count("BLOCK")} blocked, ${notChecked} not checked`;
}

export const render: Render = (report, options) => ({ output: formatSummary(report, options) });
