import { findingInfo } from "../findings/finding-info.js";
import { describeText } from "../identify/describe-text.js";
import type { Evidence, Finding, RuleReference, TermReference } from "../types/finding.js";
import type { CheckResult, ModelError, RunReport, Verdict } from "../types/result.js";
import type { Ancestor } from "../types/snapshot.js";
import { formatEvidence } from "./format-evidence.js";
import { formatFindingMessage } from "./format-message.js";

const VERDICT_LABEL: Record<Verdict, string> = { allow: "ALLOW", warn: "WARN", block: "BLOCK" };

/**
 * The report for legal reviewers as Markdown (GitHub-flavoured: tables): a header, a summary table,
 * then a section per model. Every interpolated string is escaped, so nothing a model card says can
 * become a link, markup or an extra table column. Pure: the time comes from the report.
 */
export function formatMarkdown(report: RunReport): string {
  const out: string[] = [];
  out.push(`# License report`, "");
  out.push(`- Tool: ${text(report.tool.name)} ${text(report.tool.version)}`);
  out.push(`- Policy: ${text(report.policy.name)} (digest ${code(report.policy.digest)})`);
  out.push(`- Generated: ${text(report.generatedAt)}`, "");

  out.push(`## Summary`, "");
  out.push(`| Model | Revision (requested → resolved) | Verdict | Licenses |`);
  out.push(`| --- | --- | --- | --- |`);
  for (const result of report.results) {
    const model =
      result.requested.model === result.model
        ? text(result.model)
        : `${text(result.model)} (requested as ${text(result.requested.model)})`;
    const revision = `${code(result.requested.revision, true)} → ${code(result.revision, true)}`;
    const licenses =
      result.license.ids.length > 0 ? result.license.ids.map((id) => text(id)).join(", ") : "none identified";
    out.push(`| ${model} | ${revision} | **${VERDICT_LABEL[result.verdict]}** | ${licenses} |`);
  }
  for (const error of report.errors) {
    out.push(
      `| ${text(error.model)} | ${error.revision === null ? "—" : code(error.revision, true)} | **NOT CHECKED** | — |`,
    );
  }
  out.push("");

  for (const result of report.results) out.push(...formatResult(result));
  if (report.errors.length > 0) out.push(...formatErrors(report.errors));
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

function formatResult(result: CheckResult): string[] {
  const out: string[] = [`## ${text(result.model)}`, ""];
  out.push(`- Verdict: **${VERDICT_LABEL[result.verdict]}**`);
  out.push(`- Requested: ${code(result.requested.model)} at ${code(result.requested.revision)}`);
  out.push(`- Resolved: ${code(result.model)} at ${code(result.revision)}`);
  if (result.gated) out.push(`- Gated: ${text(result.gated)}`);
  out.push("");

  out.push(`### Licenses`, "");
  if (result.license.licenses.length === 0 && result.license.unidentified.length === 0) out.push("None identified.");
  for (const license of result.license.licenses) {
    const name = license.name === license.id ? "" : ` — ${text(license.name)}`;
    out.push(
      `- **${text(license.id)}**${name} (${license.sources.map(text).join(", ")}${license.known ? "" : ", not in catalog"})`,
    );
    for (const evidence of license.evidence) out.push(`  - from ${formatEvidenceLine(evidence, result)}`);
  }
  for (const entry of result.license.unidentified) {
    out.push(`- **?** ${code(entry.value)} (${inline(entry.reason)})`);
    for (const evidence of entry.evidence) out.push(`  - from ${formatEvidenceLine(evidence, result)}`);
  }
  if (result.license.expression) out.push("", `Declared expression: ${code(result.license.expression)}`);
  for (const choice of result.license.choices)
    out.push("", `Chose ${code(choice.chosen)} from ${code(choice.expression)}`);
  out.push("");

  out.push(`### Lineage`, "");
  if (result.lineage.length === 0) out.push("No ancestors recorded.");
  else out.push(...formatLineage(result));
  out.push("");

  out.push(`### License texts`, "");
  if (result.license.texts.length === 0) {
    out.push("No license texts read.");
  } else {
    out.push(`| Text | sha256 | Size | Matches |`, `| --- | --- | --- | --- |`);
    for (const licenseText of result.license.texts) {
      const size = `${licenseText.bytes} bytes${licenseText.truncated ? ", truncated" : ""}`;
      const matches = licenseText.matches.map(
        (match) =>
          `${match.kind === "exact" ? "is" : "nearly"} ${text(match.document)} (${Math.round(match.score * 100)}%)`,
      );
      out.push(
        `| ${text(describeText(licenseText))} | ${code(licenseText.sha256, true)} | ${size} | ${matches.length > 0 ? matches.join(", ") : "unrecognized"} |`,
      );
    }
  }
  if (result.gaps.length > 0) {
    out.push("", "Not read:", "");
    for (const gap of result.gaps) {
      out.push(
        `- ${code(gap.path)} (${text(gap.role)}): ${text(gap.reason)}${gap.status === undefined ? "" : `, HTTP ${gap.status}`} — ${text(gap.detail)}`,
      );
    }
  }
  out.push("");

  out.push(`### Findings`, "");
  if (result.findings.length === 0) out.push("None.", "");
  for (const finding of result.findings) out.push(...formatFinding(finding, result));

  out.push(`### Obligations`, "");
  if (result.obligations.length === 0) {
    out.push("None.");
  } else {
    out.push(`| License | Duty | Text to reproduce | When | Clause |`, `| --- | --- | --- | --- | --- |`);
    for (const obligation of result.obligations) {
      out.push(
        `| ${text(obligation.license)} | ${text(obligation.kind)} | ${obligation.text === undefined ? "—" : text(obligation.text)} | ${text(obligation.when)} | ${formatTerm(obligation.source, false)} |`,
      );
    }
  }
  out.push("");
  return out;
}

function formatFinding(finding: Finding, result: CheckResult): string[] {
  const info = findingInfo[finding.code];
  const out = [`#### ${finding.severity.toUpperCase()} [${text(finding.code)}](${info.docs}): ${text(info.title)}`, ""];
  out.push(paragraph(inline(formatFindingMessage(finding))), "");
  for (const evidence of finding.evidence) out.push(`- Evidence: ${formatEvidenceLine(evidence, result)}`);
  if (finding.term) out.push(`- Clause: ${formatTerm(finding.term, true)}`);
  if (finding.rule) out.push(`- Rule: ${formatRule(finding.rule)}`);
  if (finding.waiver) {
    const { waiver } = finding;
    out.push(
      `- Waived by ${text(waiver.approvedBy)} until ${text(waiver.expires)}${waiver.ticket ? ` (${text(waiver.ticket)})` : ""}: ${text(waiver.reason)} (waiver at ${formatRule(waiver.rule)})`,
    );
  }
  out.push(`- Docs: [${text(info.docs)}](${info.docs})`, "");
  return out;
}

/** The evidence phrase, then what it leaves out: the full sha256, a file's quote, a commit other than the model's. */
function formatEvidenceLine(evidence: Evidence, result: CheckResult): string {
  const details: string[] = [];
  if (evidence.source === "file") {
    details.push(`sha256 ${code(evidence.sha256)}`);
    if (evidence.quote !== undefined) details.push(`quote ${code(evidence.quote)}`);
  }
  if ((evidence.source === "file" || evidence.source === "card") && evidence.commit !== result.revision)
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

function formatLineage(result: CheckResult): string[] {
  const out: string[] = [];
  const children = (parent: string): Ancestor[] => result.lineage.filter((ancestor) => ancestor.parent === parent);
  const walk = (parent: string, indent: string, seen: Set<string>) => {
    for (const ancestor of children(parent)) {
      const state = ancestor.unavailable
        ? `not read: ${text(ancestor.unavailable.reason)} (${text(ancestor.unavailable.message)})`
        : ancestor.licenses.map(text).join(", ") || "no license";
      const at = ancestor.sha ? ` at ${code(ancestor.sha)}` : "";
      out.push(`${indent}- ${text(ancestor.relation)} of ${code(ancestor.id)}${at}: ${state}`);
      if (!ancestor.unavailable && !seen.has(ancestor.id))
        walk(ancestor.id, `${indent}  `, new Set([...seen, ancestor.id]));
    }
  };
  walk(result.model, "", new Set([result.model]));
  return out;
}

function formatErrors(errors: ModelError[]): string[] {
  const out = [`## Not checked`, "", `| Model | Revision | Kind | Reason |`, `| --- | --- | --- | --- |`];
  for (const error of errors) {
    out.push(
      `| ${text(error.model)} | ${error.revision === null ? "—" : code(error.revision, true)} | ${text(error.kind)} | ${text(error.message)} |`,
    );
  }
  out.push("");
  return out;
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
