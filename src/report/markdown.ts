import type { Evidence, RuleReference, TermReference } from "../types/finding.js";
import type { RunReport } from "../types/result.js";
import { formatEvidence } from "./format-evidence.js";
import type { Render } from "./renderer.js";
import {
  type FindingDetail,
  type FindingView,
  flattenLineage,
  type ModelView,
  NOT_CHECKED,
  type NotCheckedView,
  type ProjectView,
  reportView,
  type UsesView,
} from "./view.js";

/**
 * The report for legal reviewers as Markdown (GitHub-flavoured: tables): a header, a summary table,
 * then a section per model. Every interpolated string is escaped, so nothing a model card says can
 * become a link, markup or an extra table column. Pure: the time comes from the report.
 */
export function formatMarkdown(report: RunReport): string {
  const view = reportView(report);
  const out: string[] = [];
  out.push(`# License report`, "");
  out.push(`- Tool: ${text(view.tool)}`);
  out.push(`- Policy: ${text(view.policy.name)} (digest ${code(view.policy.digest)})`);
  out.push(`- Generated: ${text(view.generatedAt)}`, "");

  out.push(`## Summary`, "");
  out.push(`| Model | Revision (requested → resolved) | Verdict | Licenses |`);
  out.push(`| --- | --- | --- | --- |`);
  for (const model of view.models) {
    const name =
      model.requestedAs === null ? text(model.model) : `${text(model.model)} (requested as ${text(model.requestedAs)})`;
    const revision = `${code(model.requested.revision, true)} → ${code(model.revision, true)}`;
    const licenses =
      model.licenseIds.length > 0 ? model.licenseIds.map((id) => text(id)).join(", ") : "none identified";
    out.push(`| ${name} | ${revision} | **${model.verdictLabel}** | ${licenses} |`);
  }
  for (const error of view.notChecked) {
    out.push(
      `| ${text(error.model)} | ${error.revision === null ? "—" : code(error.revision, true)} | **${NOT_CHECKED}** | — |`,
    );
  }
  out.push("");

  for (const model of view.models) out.push(...formatModel(model));
  if (view.notChecked.length > 0) out.push(...formatNotChecked(view.notChecked));
  if (view.project) out.push(...formatProject(view.project));
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

function formatModel(model: ModelView): string[] {
  const out: string[] = [`## ${text(model.model)}`, ""];
  out.push(`- Verdict: **${model.verdictLabel}**`);
  out.push(`- Requested: ${code(model.requested.model)} at ${code(model.requested.revision)}`);
  out.push(`- Resolved: ${code(model.model)} at ${code(model.revision)}`);
  if (model.gated) out.push(`- Gated: ${text(model.gated)}`);
  if (model.usedAtSummary !== null) out.push(`- Used at: ${usedAt(model)}`);
  out.push("");

  out.push(`### Licenses`, "");
  if (model.licenses.length === 0 && model.unidentified.length === 0) out.push("None identified.");
  for (const license of model.licenses) {
    out.push(
      `- **${text(license.id)}**${license.name === null ? "" : ` — ${text(license.name)}`} (${text(license.about)})`,
    );
    for (const evidence of license.evidence) out.push(`  - from ${formatEvidenceLine(evidence, model.revision)}`);
  }
  for (const entry of model.unidentified) {
    out.push(`- **?** ${code(entry.value)} (${inline(entry.reason)})`);
    for (const evidence of entry.evidence) out.push(`  - from ${formatEvidenceLine(evidence, model.revision)}`);
  }
  if (model.expression) out.push("", `Declared expression: ${code(model.expression)}`);
  for (const choice of model.choices) out.push("", `Chose ${code(choice.chosen)} from ${code(choice.expression)}`);
  out.push("");

  out.push(`### Lineage`, "");
  if (model.lineage.length === 0) out.push("No ancestors recorded.");
  for (const { node, depth } of flattenLineage(model.lineage)) {
    const state = node.unavailable
      ? `not read: ${text(node.unavailable.reason)} (${text(node.unavailable.message)})`
      : node.licenses.map(text).join(", ") || "no license";
    const at = node.sha ? ` at ${code(node.sha)}` : "";
    out.push(`${"  ".repeat(depth)}- ${text(node.relation)} of ${code(node.id)}${at}: ${state}`);
  }
  out.push("");

  out.push(`### License texts`, "");
  if (model.texts.length === 0) {
    out.push("No license texts read.");
  } else {
    out.push(`| Text | sha256 | Size | Matches |`, `| --- | --- | --- | --- |`);
    for (const licenseText of model.texts) {
      const matches = licenseText.matches.map((match) => `${match.verb} ${text(match.document)} (${match.percent}%)`);
      out.push(
        `| ${text(licenseText.name)} | ${code(licenseText.sha256, true)} | ${licenseText.size} | ${matches.length > 0 ? matches.join(", ") : "unrecognized"} |`,
      );
    }
  }
  if (model.gaps.length > 0) {
    out.push("", "Not read:", "");
    for (const gap of model.gaps) {
      out.push(
        `- ${code(gap.path)} (${text(gap.role)}): ${text(gap.reason)}${gap.status === undefined ? "" : `, HTTP ${gap.status}`} — ${text(gap.detail)}`,
      );
    }
  }
  out.push("");

  out.push(`### Findings`, "");
  if (model.findings.length === 0) out.push("None.", "");
  for (const finding of model.findings) out.push(...formatFinding(finding, model.revision));

  out.push(`### Obligations`, "");
  if (model.obligations.length === 0) {
    out.push("None.");
  } else {
    out.push(`| License | Duty | Text to reproduce | When | Clause |`, `| --- | --- | --- | --- | --- |`);
    for (const obligation of model.obligations) {
      out.push(
        `| ${text(obligation.license)} | ${text(obligation.kind)} | ${obligation.text === undefined ? "—" : text(obligation.text)} | ${text(obligation.when)} | ${formatTerm(obligation.source, false)} |`,
      );
    }
  }
  out.push("");
  return out;
}

/** A finding; `revision` is the model's commit (null for a project finding), which its evidence need not repeat. */
function formatFinding(finding: FindingView, revision: string | null): string[] {
  const out = [
    `#### ${finding.severity.toUpperCase()} [${text(finding.code)}](${finding.docsUrl}): ${text(finding.title)}`,
    "",
    paragraph(inline(finding.message)),
    "",
    ...finding.details.map((detail) => `- ${formatDetail(detail, revision)}`),
    "",
  ];
  return out;
}

function formatDetail(detail: FindingDetail, revision: string | null): string {
  switch (detail.kind) {
    case "evidence":
      return `Evidence: ${formatEvidenceLine(detail.evidence, revision)}`;
    case "clause":
      return `Clause: ${formatTerm(detail.term, true)}`;
    case "rule":
      return `Rule: ${formatRule(detail.rule)}`;
    case "waiver": {
      const { waiver } = detail;
      return `Waived by ${text(waiver.approvedBy)} until ${text(waiver.expires)}${waiver.ticket ? ` (${text(waiver.ticket)})` : ""}: ${text(waiver.reason)} (waiver at ${formatRule(waiver.rule)})`;
    }
    case "docs":
      return `Docs: <${detail.url}>`;
  }
}

/** The evidence phrase, then what it leaves out: the full sha256, a file's quote, a commit other than the model's. */
function formatEvidenceLine(evidence: Evidence, revision: string | null): string {
  const details: string[] = [];
  if (evidence.source === "file") {
    details.push(`sha256 ${code(evidence.sha256)}`);
    if (evidence.quote !== undefined) details.push(`quote ${code(evidence.quote)}`);
  }
  if ((evidence.source === "file" || evidence.source === "card") && evidence.commit !== revision)
    details.push(`commit ${code(evidence.commit)}`);
  return text(formatEvidence(evidence)) + (details.length > 0 ? `; ${details.join("; ")}` : "");
}

function formatTerm(term: TermReference, withQuote: boolean): string {
  const where = `${text(term.document)}${term.section ? `, ${text(term.section)}` : ""}`;
  const quote = withQuote && term.quote ? `: “${text(term.quote)}”` : "";
  return `${where} ${link(term.url)}${quote}`;
}

function formatRule(rule: RuleReference): string {
  return `${code(rule.file)}${rule.line === null ? "" : ` line ${rule.line}`}, ${code(rule.path)}`;
}

function formatNotChecked(errors: NotCheckedView[]): string[] {
  // The column only when the run was a scan, so other reports stay as they were.
  const scanned = errors.some((error) => error.usedAtSummary !== null);
  const out = [
    `## Not checked`,
    "",
    `| Model | Revision | Kind | Reason |${scanned ? " Used at |" : ""}`,
    `| --- | --- | --- | --- |${scanned ? " --- |" : ""}`,
  ];
  for (const error of errors) {
    out.push(
      `| ${text(error.model)} | ${error.revision === null ? "—" : code(error.revision, true)} | ${text(error.kind)} | ${text(error.message)} |${scanned ? ` ${error.usedAtSummary === null ? "—" : usedAt(error)} |` : ""}`,
    );
  }
  out.push("");
  return out;
}

function formatProject(project: ProjectView): string[] {
  const out = [`## ${text(project.heading)}`, "", `- Root: ${code(project.root)}`];
  if (project.lock !== null) out.push(`- Lock: ${code(project.lock)}`);
  out.push("", `### Findings`, "");
  if (project.findings.length === 0) out.push("None.", "");
  for (const finding of project.findings) out.push(...formatFinding(finding, null));
  if (project.datasets.length > 0) {
    out.push(`### ${text(project.datasetsHeading)}`, "");
    for (const dataset of project.datasets) out.push(`- ${code(dataset.name)}: used at ${usedAt(dataset)}`);
    out.push("");
  }
  return out;
}

/** The summary of where the code loads a repo, escaped for a line or a table cell. */
function usedAt(uses: UsesView): string {
  return text(uses.usedAtSummary ?? "");
}

/**
 * Plain text made inert: every Markdown-significant character is backslash-escaped (so `<script>` is
 * text, not HTML, and `|` never splits a table cell), and line breaks become `<br>`.
 */
function text(value: string): string {
  return value.replace(/[\\`*_[\]<>#|~&]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, "<br>");
}

/** A code span holding `value` verbatim; in a table cell its `|` are escaped, as GFM requires. */
function code(value: string, inTable = false): string {
  let content = value.replace(/\r\n|\r|\n/g, " ");
  if (inTable) content = content.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = content.startsWith("`") || content.endsWith("`") || /^ .* $/.test(content) ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A finding message: its backtick-quoted parts as code spans, the rest as text. */
function inline(message: string): string {
  return message
    .split(/`([^`]*)`/)
    .map((part, index) => (index % 2 === 1 ? code(part) : text(part)))
    .join("");
}

/** A line that cannot open a block: no indented code, list item or setext underline. */
function paragraph(line: string): string {
  return line
    .replace(/^\s+/, "")
    .replace(/^([-+=]|\d+(?=[.)]))/, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** An http(s) URL as an autolink; anything else as text. */
function link(url: string): string {
  return /^https?:\/\/[^\s<>|`\\]+$/.test(url) ? `<${url}>` : text(url);
}

export const render: Render = (report) => ({ output: formatMarkdown(report) });
