import { findingInfo } from "../findings/finding-info.js";
import type { Finding } from "../types/finding.js";
import type { CheckResult, RunReport, Verdict } from "../types/result.js";
import { formatFindingMessage } from "./format-message.js";
import { fileOf } from "./sarif.js";

export interface GithubReport {
  /** Workflow commands, one a line: an annotation per error or warning finding, and per model not checked. */
  commands: string;
  /** Markdown for $GITHUB_STEP_SUMMARY. */
  summary: string;
}

const VERDICT_LABEL: Record<Verdict, string> = { allow: "ALLOW", warn: "WARN", block: "BLOCK" };

/** The report for GitHub Actions: annotations as workflow commands, and a job summary in Markdown. */
export function formatGithub(report: RunReport): GithubReport {
  const commands = [
    ...report.results.flatMap((result) => result.findings.flatMap((finding) => findingCommand(result, finding))),
    ...report.errors.map((error) => command("error", { title: error.kind }, error.message)),
  ];
  return { commands: commands.map((line) => `${line}\n`).join(""), summary: formatSummary(report) };
}

function findingCommand(result: CheckResult, finding: Finding): string[] {
  if (finding.severity === "info") return [];
  const place = finding.evidence.map(fileOf).find((entry) => entry !== null && entry.line !== undefined);
  const properties: Record<string, string> = { title: finding.code };
  if (place) {
    properties.file = place.file;
    properties.line = String(place.line);
  }
  return [
    command(
      finding.severity,
      properties,
      `${result.model}@${shortSha(result.revision)}: ${formatFindingMessage(finding)}`,
    ),
  ];
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

function shortSha(sha: string): string {
  return sha.slice(0, 12);
}

function formatSummary(report: RunReport): string {
  const lines = [
    `## lic check (policy ${inline(report.policy.name)})`,
    "",
    `${report.tool.name} ${report.tool.version}, ${report.generatedAt}`,
    "",
    "| Model | Revision | Verdict | Licenses |",
    "| --- | --- | --- | --- |",
    ...report.results.map(
      (result) =>
        `| ${cell(result.model)} | ${code(shortSha(result.revision))} | ${VERDICT_LABEL[result.verdict]} | ${result.license.ids.length > 0 ? result.license.ids.map((id) => cell(id)).join(", ") : "none identified"} |`,
    ),
    ...report.errors.map(
      (error) => `| ${cell(error.model)} | ${error.revision ? code(error.revision) : ""} | NOT CHECKED | |`,
    ),
  ];

  const blocking = report.results.flatMap((result) =>
    result.findings.filter((finding) => finding.severity === "error").map((finding) => ({ result, finding })),
  );
  lines.push("", "### Blocking findings", "");
  if (blocking.length === 0) lines.push("None.");
  for (const { result, finding } of blocking) {
    lines.push(
      `- **${inline(result.model)}@${shortSha(result.revision)}** ${code(finding.code)} ${inline(findingInfo[finding.code].title)}: ${inline(formatFindingMessage(finding))} (see ${code(findingInfo[finding.code].docs)})`,
    );
  }

  const warnings = report.results.reduce(
    (count, result) => count + result.findings.filter((finding) => finding.severity === "warning").length,
    0,
  );
  if (warnings > 0) lines.push("", `${warnings} warning${warnings === 1 ? "" : "s"}: see the annotations.`);

  if (report.errors.length > 0) {
    lines.push("", "### Not checked", "");
    for (const error of report.errors)
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
