import { findingInfo } from "../findings/finding-info.js";
import type { Finding } from "../types/finding.js";
import type { CheckResult, RunReport } from "../types/result.js";
import { datasetOf } from "./dataset-of.js";
import type { EvidenceFile } from "./evidence-file.js";
import { formatFindingMessage } from "./format-message.js";
import type { Render } from "./renderer.js";
import { repoLabel } from "./repo-label.js";
import { type PolicyFile, runPolicyFile, type UserLocation, userLocation } from "./user-location.js";
import {
  type FindingView,
  flattenDatasets,
  type ModelView,
  NOT_CHECKED,
  type ProjectView,
  type ReportView,
  reportView,
} from "./view.js";
import { DATASETS_NOTE } from "./view-training-data.js";

export interface GithubReport {
  /**
   * Workflow commands, one a line: an error per blocked model, per model not checked and per blocking project
   * finding; warnings grouped by model; at most ten of each, as GitHub shows no more per step.
   */
  commands: string;
  /** Markdown for $GITHUB_STEP_SUMMARY: every finding. */
  summary: string;
}

/** How many annotations of one level GitHub shows for a step; those past it are dropped without a word. */
const SHOWN_PER_LEVEL = 10;
/** How many models with warnings get an annotation each; past it, one annotation names them all. */
const WARNED_MODELS_SHOWN = 8;

/** The report for GitHub Actions: annotations as workflow commands, and a job summary in Markdown. */
export function formatGithub(report: RunReport): GithubReport {
  const view = reportView(report);
  const policy = runPolicyFile(report);
  const commands = [...errorAnnotations(report, view, policy), ...warningAnnotations(report, view, policy)];
  return { commands: commands.map((line) => `${line}\n`).join(""), summary: formatSummary(view) };
}

type Annotation = { properties: Record<string, string>; message: string };

/** What fails the step, most important first: blocked models, models not checked, the project's blocking findings. */
function errorAnnotations(report: RunReport, view: ReportView, policy: PolicyFile): string[] {
  const blocked = report.results.flatMap((result, index) =>
    modelAnnotation(result, view.models[index]!, "error", policy, "blocked by the policy"),
  );
  const notChecked = view.notChecked.map((error) => ({
    properties: { title: `lic: ${error.model} not checked (${error.kind})`, ...placeProperties(error.uses[0]) },
    message: error.message,
  }));
  const project = projectAnnotations(report, "error", policy);
  return capped("error", [...blocked, ...notChecked, ...project]);
}

/** One warning per model with warnings (all in one past WARNED_MODELS_SHOWN models), then the project's warnings. */
function warningAnnotations(report: RunReport, view: ReportView, policy: PolicyFile): string[] {
  const warned = report.results.flatMap((result, index) =>
    result.findings.some((finding) => finding.severity === "error")
      ? []
      : modelAnnotation(result, view.models[index]!, "warning", policy, "has warnings"),
  );
  const models = warned.length > WARNED_MODELS_SHOWN ? [warnedModelsSummary(warned.length, view)] : warned;
  return capped("warning", [...models, ...projectAnnotations(report, "warning", policy)]);
}

/**
 * A model's findings of one severity as one annotation, at the model's place in the user's repository: the titles
 * say briefly why, the step summary says everything. None when the model has no finding of that severity.
 */
function modelAnnotation(
  result: CheckResult,
  model: ModelView,
  severity: "error" | "warning",
  policy: PolicyFile,
  verdict: string,
): Annotation[] {
  const findings = result.findings.filter((finding) => finding.severity === severity);
  if (findings.length === 0) return [];
  const place = userLocation(findings[0]!, result.uses, policy);
  const titles = [...new Set(findings.map(titleOf))];
  return [
    {
      properties: { title: `lic: ${model.model} ${verdict}`, ...placeProperties(place) },
      message: `${model.model}@${model.shortRevision} ${verdict}: ${titles.join("; ")}.${placeNote(place)} See the job summary.`,
    },
  ];
}

/** A finding's title, and for one about a dataset, which: `License forbids commercial use (dataset:org/name)`. */
function titleOf(finding: Finding): string {
  const dataset = datasetOf(finding);
  const title = findingInfo[finding.code].title;
  return dataset === null ? title : `${title} (${repoLabel("dataset", dataset)})`;
}

/** Where an annotation at a built-in policy's line stands: in lic's policy file, which the repository does not have. */
function placeNote(place: UserLocation): string {
  return place.builtIn ? ` Decided by lic's built-in ${place.file}:${place.line}.` : "";
}

function warnedModelsSummary(count: number, view: ReportView): Annotation {
  const names = view.models
    .filter((model) => model.findings.some((finding) => finding.severity === "warning"))
    .filter((model) => !model.findings.some((finding) => finding.severity === "error"))
    .map((model) => model.model);
  const shown = names.slice(0, WARNED_MODELS_SHOWN).join(", ");
  const more = names.length > WARNED_MODELS_SHOWN ? ` and ${names.length - WARNED_MODELS_SHOWN} more` : "";
  return {
    properties: { title: `lic: ${count} models have warnings` },
    message: `${shown}${more} have warnings. See the job summary.`,
  };
}

/** The project's findings of one severity, each at its code or lock place. */
function projectAnnotations(report: RunReport, severity: "error" | "warning", policy: PolicyFile): Annotation[] {
  return (report.project?.findings ?? [])
    .filter((finding) => finding.severity === severity)
    .map((finding) => ({
      properties: { title: `lic: ${finding.code}`, ...placeProperties(userLocation(finding, undefined, policy)) },
      message: formatFindingMessage(finding),
    }));
}

/** The annotations as commands, the last shown one saying how many more there are when GitHub would drop some. */
function capped(name: "error" | "warning", annotations: Annotation[]): string[] {
  const fits = annotations.length <= SHOWN_PER_LEVEL;
  const shown = fits ? annotations : annotations.slice(0, SHOWN_PER_LEVEL - 1);
  const rest = annotations.length - shown.length;
  const more: Annotation[] = fits
    ? []
    : [{ properties: { title: `lic: ${rest} more ${name}s` }, message: `${rest} more ${name}s: see the job summary.` }];
  return [...shown, ...more].map((annotation) => command(name, annotation.properties, annotation.message));
}

/** The `file`, `line` and (in code) `col` properties of an annotation. */
function placeProperties(place: EvidenceFile | undefined): Record<string, string> {
  if (place?.line === undefined) return {};
  return {
    file: place.file,
    line: String(place.line),
    ...(place.column === undefined ? {} : { col: String(place.column) }),
  };
}

function command(name: "error" | "warning", properties: Record<string, string>, message: string): string {
  const params = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(",");
  return `::${name} ${params}::${escapeData(message)}`;
}

/** A workflow command's message, as the Actions runner unescapes it. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: as data, and `:` and `,`, which end a value. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function formatSummary(view: ReportView): string {
  const lines = [
    `## lic check (policy ${inline(view.policy.name)})`,
    "",
    `${view.tool}, ${view.generatedAt}`,
    "",
    ...(view.policy.defaultWarning ? [`> **Warning:** ${inline(view.policy.defaultWarning)}`, ""] : []),
    "| Model | Revision | Verdict | Licenses |",
    "| --- | --- | --- | --- |",
    ...view.models.map(
      (model) =>
        `| ${cell(model.model)} | ${code(model.shortRevision)} | ${model.verdictLabel} | ${model.licenseIds.length > 0 ? model.licenseIds.map((id) => cell(id)).join(", ") : "none identified"} |`,
    ),
    ...view.notChecked.map(
      (error) => `| ${cell(error.model)} | ${error.revision ? code(error.revision) : ""} | ${NOT_CHECKED} | |`,
    ),
  ];

  lines.push(...findingsSection("Blocking findings", view, "error"));
  lines.push(...findingsSection("Warnings", view, "warning"));
  lines.push(...findingsSection("Notes", view, "info"));
  lines.push(...trainingDataSection(view));

  if (view.notChecked.length > 0) {
    lines.push("", "### Not checked", "");
    for (const error of view.notChecked)
      lines.push(`- **${inline(error.model)}** ${code(error.kind)}: ${inline(error.message)}`);
  }
  if (view.project) lines.push(...formatProject(view.project));
  return `${lines.join("\n")}\n`;
}

/** Every model's findings of one severity, each with its docs page: the annotations name only the models. */
function findingsSection(heading: string, view: ReportView, severity: FindingView["severity"]): string[] {
  const lines = ["", `### ${heading}`, ""];
  const found = view.models.flatMap((model) =>
    model.findings.filter((finding) => finding.severity === severity).map((finding) => ({ model, finding })),
  );
  if (found.length === 0) lines.push("None.");
  for (const { model, finding } of found) {
    const about = finding.dataset === null ? "" : ` (training data: ${code(repoLabel("dataset", finding.dataset))})`;
    lines.push(
      `- **${inline(model.model)}@${model.shortRevision}**${about} ${code(finding.code)} ${inline(finding.title)}: ${inline(finding.message)} (see <${finding.docsUrl}>)`,
    );
  }
  return lines;
}

/** Each model's datasets, a line each, when any were read: what the advisories above are about. */
function trainingDataSection(view: ReportView): string[] {
  const models = view.models.filter((model) => model.trainingData !== null);
  if (models.length === 0) return [];
  const lines = ["", "### Training data", "", inline(DATASETS_NOTE), ""];
  for (const model of models) {
    const { datasets, heading } = model.trainingData!;
    const named = flattenDatasets(datasets).map(({ node }) => {
      const state = node.unavailable
        ? `not read: ${node.unavailable.reason}`
        : node.licenses.join(", ") || "no license declared";
      return `${code(node.name)} (${inline(state)}; ${inline(node.declared)})`;
    });
    lines.push(
      `- **${inline(model.model)}@${model.shortRevision}** ${heading.toLowerCase()}: ${named.join(", ") || "none named"}`,
    );
  }
  return lines;
}

/** The project's findings, each with its place in the code or lock, and the datasets the code loads. */
function formatProject(project: ProjectView): string[] {
  const lines = ["", `### ${project.heading}`, ""];
  if (project.findings.length === 0) lines.push("No findings.");
  for (const finding of project.findings) {
    const at = finding.at === null ? "" : `at ${code(finding.at)}; `;
    lines.push(
      `- **${finding.severity}** ${code(finding.code)} ${inline(finding.title)}: ${inline(finding.message)} (${at}see <${finding.docsUrl}>)`,
    );
  }
  return lines;
}

/** One line of Markdown: line breaks folded, so a value cannot start a new block. */
function inline(value: string): string {
  return value.replace(/[\r\n]+/g, " ");
}

/** A table cell: one line, pipes escaped. */
function cell(value: string): string {
  return inline(value).replace(/\|/g, "\\|");
}

function code(value: string): string {
  return `\`${cell(value).replace(/`/g, "")}\``;
}

/** The workflow commands as the output; the job summary as the second output, which the CLI appends to its file. */
export const render: Render = (report) => {
  const { commands, summary } = formatGithub(report);
  return { output: commands, stepSummary: summary };
};
