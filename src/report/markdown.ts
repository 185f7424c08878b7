import type { Evidence, RuleReference, TermReference } from "../types/finding.js";
import type { RunReport } from "../types/result.js";
import { esc } from "./escape-html.js";
import { formatEvidence } from "./format-evidence.js";
import type { Render } from "./renderer.js";
import {
  type EvidenceItemView,
  type FindingDetail,
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
  type UsesView,
} from "./view.js";
import { groupDigits } from "./view-words.js";

/** GitHub's limit on a comment's (and a check summary's) body, in characters: the report must fit where it lands. */
export const MARKDOWN_LIMIT = 65_536;
/** How many models an obligation names before it counts the rest: the summary table names every model's licenses. */
const MODELS_NAMED = 10;

/**
 * The report for legal reviewers as Markdown (GitHub-flavoured: tables), the answer first: the policy and what it
 * assumes, the totals, a summary table (model, verdict, reason, licenses), what we must do; then each model's details
 * folded in `<details>`. At most `limit` characters: details are dropped from the end, and the report says so.
 * Every interpolated string is escaped, so nothing a model card says can become a link, markup or an extra table
 * column. Pure: the time comes from the report.
 */
export function formatMarkdown(report: RunReport, limit = MARKDOWN_LIMIT): string {
  const view = reportView(report);
  const head = [
    ...formatHead(view),
    ...formatSummaryTable(view),
    ...formatObligations(view.obligations),
    "## Details",
    "",
  ];
  const details = [
    ...view.models.map((model) => section(formatModel(model), summaryOf(model))),
    ...(view.notChecked.length > 0 ? [formatNotChecked(view.notChecked)] : []),
    ...(view.project ? [formatProject(view.project)] : []),
  ];
  return fitted(head, details, limit);
}

/**
 * The head, then as many details sections as fit under `limit`, in order; the rest are dropped and a note says how
 * many and where the full report is. The head is kept whole: without it the report answers nothing.
 */
function fitted(head: string[], details: string[][], limit: number): string {
  const finish = (parts: string[]) => `${parts.join("\n").replace(/\n+$/, "")}\n`;
  const all = finish([...head, ...details.flat()]);
  if (all.length <= limit) return all;
  const kept: string[] = [...head];
  for (const [index, part] of details.entries()) {
    const note = droppedNote(details.length - index);
    if (finish([...kept, ...part, ...note]).length > limit) return finish([...kept, ...note]);
    kept.push(...part);
  }
  return finish(kept);
}

function droppedNote(dropped: number): string[] {
  return [
    `> **Details of the last ${dropped} section${dropped === 1 ? "" : "s"} left out** to stay within GitHub's ${groupDigits(MARKDOWN_LIMIT)}-character limit; the summary table above lists every model. Full report: use \`--format html\` or \`--format json\`.`,
    "",
  ];
}

function formatHead(view: ReportView): string[] {
  const { policy, totals } = view;
  const out = [`# License report`, ""];
  out.push(`- Tool: ${text(view.tool)}`);
  out.push(`- Policy: ${text(policy.name)} (${text(policy.chosenByWords)}; digest ${code(policy.digest)})`);
  out.push(`- Generated: ${text(view.generatedAt)}`, "");
  if (policy.defaultWarning) out.push(`> **Warning:** ${inline(policy.defaultWarning)}`, "");
  out.push(`**Assumes:** ${text(policy.assumptionsLine)}`, "");
  out.push(`**Totals:** ${text(totals.verdictLine)}; ${text(totals.findingsLine)}`, "");
  return out;
}

/** One row per model, checked or not: the whole answer when the details do not fit. */
function formatSummaryTable(view: ReportView): string[] {
  const out = [`## Summary`, "", `| Model | Verdict | Reason | Licenses |`, `| --- | --- | --- | --- |`];
  for (const model of view.models) {
    const name =
      model.requestedAs === null ? text(model.model) : `${text(model.model)} (requested as ${text(model.requestedAs)})`;
    const licenses =
      model.licenseIds.length > 0 ? model.licenseIds.map((id) => text(id)).join(", ") : "none identified";
    out.push(`| ${name} | **${model.verdictLabel}** | ${text(model.reason)} | ${licenses} |`);
  }
  for (const error of view.notChecked) {
    out.push(`| ${text(error.model)} | **${NOT_CHECKED}** | ${text(error.kind)} | — |`);
  }
  out.push("");
  return out;
}

/** The duties across the run, once each: the clause in words, the codes beside, the models it applies to. */
function formatObligations(obligations: ObligationView[]): string[] {
  if (obligations.length === 0) return [];
  const out = [`## What we must do`, ""];
  for (const obligation of obligations) {
    const codes = [obligation.license, obligation.kind, obligation.when].map((part) => code(part)).join(" ");
    out.push(
      `- **${obligation.ref}** ${text(obligation.words)} ${link(obligation.clause.url)} (${codes}): ${namedModels(obligation.models)}`,
    );
  }
  out.push("");
  return out;
}

function namedModels(models: string[]): string {
  const named = models.slice(0, MODELS_NAMED).map(text).join(", ");
  const rest = models.length - MODELS_NAMED;
  return rest > 0 ? `${named} and ${rest} more` : named;
}

/** Folded details: the summary line (HTML, so escaped as HTML), a blank line, the Markdown, a blank line. */
function section(body: string[], summary: string): string[] {
  return [`<details><summary>${summary}</summary>`, "", ...body, `</details>`, ""];
}

function summaryOf(model: ModelView): string {
  return `<strong>${esc(model.model)}</strong> ${model.verdictLabel}: ${esc(model.reason)}`;
}

function formatModel(model: ModelView): string[] {
  const out: string[] = [`### ${text(model.model)}`, ""];
  out.push(`- Verdict: **${model.verdictLabel}**: ${text(model.reason)}`);
  out.push(`- Requested: ${code(model.requested.model)} at ${code(model.requested.revision)}`);
  out.push(`- Resolved: ${code(model.model)} at ${code(model.revision)}`);
  if (model.gated) out.push(`- Gated: ${text(model.gated)}`);
  if (model.usedAtSummary !== null) out.push(`- Used at: ${usedAt(model)}`);
  out.push("");

  out.push(`#### Licenses`, "");
  if (model.licenses.length === 0 && model.unidentified.length === 0) out.push("None identified.");
  for (const license of model.licenses) {
    out.push(
      `- **${text(license.id)}**${license.name === null ? "" : ` — ${text(license.name)}`} (${text(license.about)})${refs(license.evidenceRefs)}`,
    );
  }
  for (const entry of model.unidentified) {
    out.push(`- **?** ${code(entry.value)} (${inline(entry.reason)})${refs(entry.evidenceRefs)}`);
  }
  if (model.expression) out.push("", `Declared expression: ${code(model.expression)}`);
  for (const choice of model.choices) out.push("", `Chose ${code(choice.chosen)} from ${code(choice.expression)}`);
  out.push("");

  out.push(`#### Lineage`, "");
  if (model.lineage.length === 0) out.push("No ancestors recorded.");
  for (const { node, depth } of flattenLineage(model.lineage)) {
    const state = node.unavailable
      ? `not read: ${text(node.unavailable.reason)} (${text(node.unavailable.message)})`
      : node.licenses.map(text).join(", ") || "no license";
    const at = node.sha ? ` at ${code(node.sha)}` : "";
    out.push(`${"  ".repeat(depth)}- ${text(node.relation)} of ${code(node.id)}${at}: ${state}`);
  }
  out.push("");

  out.push(`#### License texts`, "");
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

  const none = model.trainingData ? `None on the ${model.kind} itself; see ${model.trainingData.heading}.` : "None.";
  out.push(...formatFindings(model.ownFindings, model.evidence, model.revision, formatTrainingData(model), none));

  // The duties stand once, in "What we must do"; a model names its own.
  out.push(`#### Obligations`, "");
  out.push(model.obligationRefs.length === 0 ? "None." : `${model.obligationRefs.join(", ")} (see What we must do)`);
  out.push("");
  return out;
}

/**
 * The findings, most severe first, then what stands between (a model's training data), then the evidence they cite,
 * listed once: the same for a model and the project.
 */
function formatFindings(
  findings: FindingView[],
  evidence: EvidenceItemView[],
  revision: string | null,
  between: string[] = [],
  none = "None.",
): string[] {
  const out = [`#### Findings`, ""];
  if (findings.length === 0) out.push(none, "");
  for (const finding of findings) out.push(...formatFinding(finding, revision));
  out.push(...between);
  if (evidence.length > 0) {
    out.push(`#### Evidence`, "");
    for (const item of evidence) {
      out.push(`- **${item.ref}** ${text(item.words)} (${formatEvidenceLine(item.evidence, revision)})`);
    }
    out.push("");
  }
  return out;
}

/**
 * The datasets as a nested list (a source under the dataset naming it), each linked to its files at the commit read,
 * with its licenses, the card that names it, and its findings as items under it; nothing when none were read.
 */
function formatTrainingData(model: ModelView): string[] {
  const { trainingData } = model;
  if (trainingData === null) return [];
  const out = [`#### ${trainingData.heading}`, "", paragraph(text(trainingData.note)), ""];
  if (trainingData.datasets.length === 0) out.push("None named.", "");
  for (const { node, depth } of flattenDatasets(trainingData.datasets)) {
    const indent = "  ".repeat(depth);
    const state = node.unavailable
      ? `not read: ${code(node.unavailable.reason)} (${text(node.unavailable.message)})`
      : node.licenses.map(text).join(", ") || "no license declared";
    const gated = node.gated ? `; gated: ${text(node.gated)}` : "";
    out.push(
      `${indent}- ${hubLink(node.name, node.url)}: ${state}; ${text(node.declared)}${gated}${refs(node.evidenceRefs)}`,
    );
    for (const finding of node.findings) {
      out.push(
        `${indent}  - **${finding.severity.toUpperCase()}** [${text(finding.code)}](${finding.docsUrl}): ${inline(finding.message)}${refs(finding.evidenceRefs)}`,
        ...finding.details
          .filter((detail) => detail.kind !== "evidence" && detail.kind !== "docs")
          .map((detail) => `${indent}    - ${formatDetail(detail, model.revision)}`),
      );
    }
  }
  if (trainingData.datasets.length > 0) out.push("");
  return out;
}

/** `name` linked to its Hub page; as code when there is no page, or the URL is not one a link can carry as is. */
function hubLink(name: string, url: string | null): string {
  return url !== null && /^https:\/\/huggingface\.co\/[\w.~%/-]+$/.test(url) ? `[${text(name)}](${url})` : code(name);
}

/** ` [E1, E3]`: where a license points into the model's evidence list. */
function refs(evidenceRefs: string[]): string {
  return evidenceRefs.length > 0 ? ` [${evidenceRefs.join(", ")}]` : "";
}

/** A finding; `revision` is the model's commit (null for a project finding), which its evidence need not repeat. */
function formatFinding(finding: FindingView, revision: string | null): string[] {
  const evidence = finding.evidenceRefs.length > 0 ? [`- Evidence: ${finding.evidenceRefs.join(", ")}`] : [];
  return [
    `##### ${finding.severity.toUpperCase()} [${text(finding.code)}](${finding.docsUrl}): ${text(finding.title)}`,
    "",
    paragraph(inline(finding.message)),
    "",
    ...evidence,
    ...finding.details
      .filter((detail) => detail.kind !== "evidence")
      .map((detail) => `- ${formatDetail(detail, revision)}`),
    "",
  ];
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
    `### Not checked`,
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
  const out = [`### ${text(project.heading)}`, "", `- Root: ${code(project.root)}`];
  if (project.lock !== null) out.push(`- Lock: ${code(project.lock)}`);
  out.push("", ...formatFindings(project.findings, project.evidence, null));
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
