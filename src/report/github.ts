import type { RunReport } from "../types/result.js";
import type { Render } from "./renderer.js";
import { type FindingView, type ModelView, NOT_CHECKED, type ReportView, reportView } from "./view.js";

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
    ...view.notChecked.map((error) => command("error", { title: error.kind }, error.message)),
  ];
  return { commands: commands.map((line) => `${line}\n`).join(""), summary: formatSummary(view) };
}

function findingCommand(model: ModelView, finding: FindingView): string[] {
  if (finding.severity === "info") return [];
  const place = finding.files.find((entry) => entry.line !== undefined);
  const properties: Record<string, string> = { title: finding.code };
  if (place) {
    properties.file = place.file;
    properties.line = String(place.line);
  }
  return [command(finding.severity, properties, `${model.model}@${model.shortRevision}: ${finding.message}`)];
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
  return `${lines.join("\n")}\n`;
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
