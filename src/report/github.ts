import type { RunReport } from "../types/result.js";
import type { EvidenceFile } from "./evidence-file.js";
import type { Render } from "./renderer.js";
import {
  type FindingView,
  type ModelView,
  NOT_CHECKED,
  type ProjectView,
  type ReportView,
  reportView,
} from "./view.js";

export interface GithubReport {
  /** Workflow commands, one a line: an annotation per error or warning finding, and per model not checked. */
  commands: string;
  /** Markdown for $GITHUB_STEP_SUMMARY. */
  summary: string;
}

/** The report for GitHub Actions: annotations as workflow commands, and a job summary in Markdown. */
export function formatGithub(report: RunReport): GithubReport {
  const view = reportView(report);
  const commands = [
    ...view.models.flatMap((model) => model.findings.flatMap((finding) => findingCommand(model, finding))),
    ...view.notChecked.map((error) =>
      command("error", { title: error.kind, ...placeProperties(error.uses[0]) }, error.message),
    ),
    ...(view.project?.findings ?? []).flatMap((finding) => annotation(finding, finding.files, finding.message)),
  ];
  return { commands: commands.map((line) => `${line}\n`).join(""), summary: formatSummary(view) };
}

/**
 * A model's finding, annotated where the project's code loads the model when the run was a scan (a path in the
 * repository the workflow checked out), else at its evidence, a file of the model repo.
 */
function findingCommand(model: ModelView, finding: FindingView): string[] {
  const places = model.uses.length > 0 ? model.uses : finding.files;
  return annotation(finding, places, `${model.model}@${model.shortRevision}: ${finding.message}`);
}

/** An error or warning annotated at the first of `places` with a line; none for an info finding. */
function annotation(finding: FindingView, places: EvidenceFile[], message: string): string[] {
  if (finding.severity === "info") return [];
  const place = places.find((entry) => entry.line !== undefined);
  return [command(finding.severity, { title: finding.code, ...placeProperties(place) }, message)];
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

  const blocking = view.models.flatMap((model) =>
    model.findings.filter((finding) => finding.severity === "error").map((finding) => ({ model, finding })),
  );
  lines.push("", "### Blocking findings", "");
  if (blocking.length === 0) lines.push("None.");
  for (const { model, finding } of blocking) {
    lines.push(
      `- **${inline(model.model)}@${model.shortRevision}** ${code(finding.code)} ${inline(finding.title)}: ${inline(finding.message)} (see <${finding.docsUrl}>)`,
    );
  }

  const warnings = view.models.reduce(
    (count, model) => count + model.findings.filter((finding) => finding.severity === "warning").length,
    0,
  );
  if (warnings > 0) lines.push("", `${warnings} warning${warnings === 1 ? "" : "s"}: see the annotations.`);

  if (view.notChecked.length > 0) {
    lines.push("", "### Not checked", "");
    for (const error of view.notChecked)
      lines.push(`- **${inline(error.model)}** ${code(error.kind)}: ${inline(error.message)}`);
  }
  if (view.project) lines.push(...formatProject(view.project));
  return `${lines.join("\n")}\n`;
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
  if (project.datasets.length > 0) {
    lines.push("", `${project.datasetsHeading}: ${project.datasets.map((dataset) => code(dataset.name)).join(", ")}`);
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
