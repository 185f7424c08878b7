import { findingInfo } from "../findings/finding-info.js";
import { describeText } from "../identify/describe-text.js";
import type { Evidence, Finding, RuleReference, TermReference } from "../types/finding.js";
import type { CheckResult, ModelError, RunReport, Verdict } from "../types/result.js";
import type { Ancestor } from "../types/snapshot.js";
import { formatEvidence } from "./format-evidence.js";
import { formatFindingMessage } from "./format-message.js";

const VERDICT_LABEL: Record<Verdict, string> = { allow: "ALLOW", warn: "WARN", block: "BLOCK" };

const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; }
h1 { font-size: 1.7em; margin: 0 0 .3em; }
h2 { font-size: 1.35em; margin: 0 0 .4em; border-bottom: 2px solid #d0d7de; padding-bottom: .2em; overflow-wrap: anywhere; }
h3 { font-size: 1.08em; margin: 1.2em 0 .4em; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; background: #f3f4f6; padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
a { color: #0a58ca; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 1.2em; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.verdict { font-weight: 700; white-space: nowrap; }
[data-verdict="allow"] { color: #116329; background: #dafbe1; }
[data-verdict="warn"] { color: #7d4e00; background: #fff8c5; }
[data-verdict="block"] { color: #a40e26; background: #ffebe9; }
.not-checked { color: #57606a; background: #eaeef2; font-weight: 700; }
section.model, section.errors { margin-top: 2.2em; }
ul { margin: .2em 0 .6em; padding-left: 1.4em; }
li { margin: .15em 0; }
.evidence .fields { display: block; color: #444; font-size: .92em; }
.field { margin-right: 1em; }
.field .k { font-variant: small-caps; color: #57606a; }
q { font-style: italic; }
.finding { border-left: 4px solid #d0d7de; padding: .3em 0 .3em .8em; margin: .8em 0; }
.finding.error { border-left-color: #cf222e; }
.finding.warning { border-left-color: #bf8700; }
.finding.info { border-left-color: #0969da; }
.finding h4 { margin: 0 0 .3em; font-size: 1em; }
.severity { font-weight: 700; text-transform: uppercase; margin-right: .4em; }
.finding .message { margin: 0 0 .3em; }
.none { color: #57606a; font-style: italic; }
@media print {
  body { font-size: 10.5pt; max-width: none; padding: 0; color: #000; }
  * { background: none !important; box-shadow: none !important; }
  section.model, section.errors { break-before: page; page-break-before: always; margin-top: 0; }
  .finding, tr, li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  a { color: #000; text-decoration: underline; }
  a[href]:not(.url)::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  [data-verdict], .not-checked { border: 1px solid #000; }
}
`;

/**
 * The report for legal reviewers as one self-contained HTML page: inline CSS, no scripts, no external
 * assets. A verdict table on top, then a section per model. Every interpolated string is escaped.
 * Pure: the time comes from the report.
 */
export function formatHtml(report: RunReport): string {
  const slugs = slugsFor(report.results);
  const title = `License report: ${report.results.length + report.errors.length} models, ${report.generatedAt}`;
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    "<h1>License report</h1>",
    `<dl class="meta">`,
    `<dt>Tool</dt><dd>${esc(report.tool.name)} ${esc(report.tool.version)}</dd>`,
    `<dt>Policy</dt><dd>${esc(report.policy.name)} (digest <code>${esc(report.policy.digest)}</code>)</dd>`,
    `<dt>Generated</dt><dd><time datetime="${esc(report.generatedAt)}">${esc(report.generatedAt)}</time></dd>`,
    "</dl>",
    "</header>",
    "<main>",
    `<table id="verdicts">`,
    "<thead><tr><th>Model</th><th>Revision (requested → resolved)</th><th>Verdict</th><th>Licenses</th></tr></thead>",
    "<tbody>",
  ];
  report.results.forEach((result, index) => {
    const requested =
      result.requested.model === result.model
        ? ""
        : ` <span class="requested">(requested as ${esc(result.requested.model)})</span>`;
    const licenses =
      result.license.ids.length > 0
        ? result.license.ids.map(esc).join(", ")
        : `<span class="none">none identified</span>`;
    out.push(
      `<tr data-model="${esc(result.model)}"><td><a href="#${esc(slugs[index]!)}">${esc(result.model)}</a>${requested}</td>` +
        `<td><code>${esc(result.requested.revision)}</code> → <code>${esc(result.revision)}</code></td>` +
        `<td class="verdict" data-verdict="${result.verdict}">${VERDICT_LABEL[result.verdict]}</td><td>${licenses}</td></tr>`,
    );
  });
  for (const error of report.errors) {
    out.push(
      `<tr data-model="${esc(error.model)}"><td><a href="#not-checked">${esc(error.model)}</a></td>` +
        `<td>${error.revision === null ? "—" : `<code>${esc(error.revision)}</code>`}</td>` +
        `<td class="verdict not-checked">NOT CHECKED</td><td>—</td></tr>`,
    );
  }
  out.push("</tbody>", "</table>");

  for (const [index, result] of report.results.entries()) out.push(...formatResult(result, slugs[index]!));
  if (report.errors.length > 0) out.push(...formatErrors(report.errors));
  out.push("</main>", "</body>", "</html>");
  return `${out.join("\n")}\n`;
}

function formatResult(result: CheckResult, slug: string): string[] {
  const out: string[] = [
    `<section class="model" id="${esc(slug)}" data-model="${esc(result.model)}">`,
    `<h2>${esc(result.model)} <span class="verdict" data-verdict="${result.verdict}">${VERDICT_LABEL[result.verdict]}</span></h2>`,
    `<dl class="meta">`,
    `<dt>Requested</dt><dd><code>${esc(result.requested.model)}</code> at <code>${esc(result.requested.revision)}</code></dd>`,
    `<dt>Resolved</dt><dd><code>${esc(result.model)}</code> at <code>${esc(result.revision)}</code></dd>`,
  ];
  if (result.gated) out.push(`<dt>Gated</dt><dd class="gated">gated: ${esc(result.gated)}</dd>`);
  if (result.license.expression)
    out.push(`<dt>Declared expression</dt><dd><code>${esc(result.license.expression)}</code></dd>`);
  for (const choice of result.license.choices) {
    out.push(
      `<dt>Choice</dt><dd>chose <code>${esc(choice.chosen)}</code> from <code>${esc(choice.expression)}</code></dd>`,
    );
  }
  out.push("</dl>");

  out.push("<h3>Licenses</h3>");
  if (result.license.licenses.length === 0 && result.license.unidentified.length === 0) {
    out.push(`<p class="none">None identified.</p>`);
  } else {
    out.push(`<ul class="licenses">`);
    for (const license of result.license.licenses) {
      const name = license.name === license.id ? "" : ` — ${esc(license.name)}`;
      out.push(
        `<li><strong>${esc(license.id)}</strong>${name} (${license.sources.map(esc).join(", ")}${license.known ? "" : ", not in catalog"})` +
          evidenceList(license.evidence, result, "from") +
          "</li>",
      );
    }
    for (const entry of result.license.unidentified) {
      out.push(
        `<li><strong>?</strong> <code>${esc(entry.value)}</code> (${inline(entry.reason)})${evidenceList(entry.evidence, result, "from")}</li>`,
      );
    }
    out.push("</ul>");
  }

  out.push("<h3>Lineage</h3>");
  out.push(result.lineage.length === 0 ? `<p class="none">No ancestors recorded.</p>` : formatLineage(result));

  out.push("<h3>License texts</h3>");
  if (result.license.texts.length === 0) {
    out.push(`<p class="none">No license texts read.</p>`);
  } else {
    out.push(
      `<table class="texts">`,
      "<thead><tr><th>Text</th><th>sha256</th><th>Size</th><th>Matches</th></tr></thead>",
      "<tbody>",
    );
    for (const text of result.license.texts) {
      const size = `${text.bytes} bytes${text.truncated ? ", truncated" : ""}`;
      const matches = text.matches.map(
        (match) =>
          `${match.kind === "exact" ? "is" : "nearly"} ${esc(match.document)} (${Math.round(match.score * 100)}%)`,
      );
      out.push(
        `<tr><td>${esc(describeText(text))}</td><td><code class="sha256">${esc(text.sha256)}</code></td><td>${size}</td><td>${matches.length > 0 ? matches.join(", ") : "unrecognized"}</td></tr>`,
      );
    }
    out.push("</tbody>", "</table>");
  }
  if (result.gaps.length > 0) {
    out.push(`<p>Not read:</p>`, `<ul class="gaps">`);
    for (const gap of result.gaps) {
      out.push(
        `<li><code>${esc(gap.path)}</code> (${esc(gap.role)}): ${esc(gap.reason)}${gap.status === undefined ? "" : `, HTTP ${gap.status}`} — ${esc(gap.detail)}</li>`,
      );
    }
    out.push("</ul>");
  }

  out.push("<h3>Findings</h3>");
  if (result.findings.length === 0) out.push(`<p class="none">None.</p>`);
  for (const finding of result.findings) out.push(...formatFinding(finding, result));

  out.push("<h3>Obligations</h3>");
  if (result.obligations.length === 0) {
    out.push(`<p class="none">None.</p>`);
  } else {
    out.push(
      `<table class="obligations">`,
      "<thead><tr><th>License</th><th>Duty</th><th>Text to reproduce</th><th>When</th><th>Clause</th></tr></thead>",
      "<tbody>",
    );
    for (const obligation of result.obligations) {
      out.push(
        `<tr><td>${esc(obligation.license)}</td><td>${esc(obligation.kind)}</td><td>${obligation.text === undefined ? "—" : `<q>${esc(obligation.text)}</q>`}</td>` +
          `<td>${esc(obligation.when)}</td><td>${formatTerm(obligation.source, false)}</td></tr>`,
      );
    }
    out.push("</tbody>", "</table>");
  }
  out.push("</section>");
  return out;
}

function formatFinding(finding: Finding, result: CheckResult): string[] {
  const info = findingInfo[finding.code];
  const out = [
    `<div class="finding ${finding.severity}" data-code="${esc(finding.code)}">`,
    `<h4><span class="severity">${finding.severity}</span><a href="${esc(info.docs)}"><code>${esc(finding.code)}</code></a>: ${esc(info.title)}</h4>`,
    `<p class="message">${inline(formatFindingMessage(finding))}</p>`,
    "<ul>",
  ];
  for (const evidence of finding.evidence)
    out.push(`<li class="evidence">evidence: ${formatEvidenceItem(evidence, result)}</li>`);
  if (finding.term) out.push(`<li>clause: ${formatTerm(finding.term, true)}</li>`);
  if (finding.rule) out.push(`<li>rule: ${formatRule(finding.rule)}</li>`);
  if (finding.waiver) {
    const { waiver } = finding;
    out.push(
      `<li class="waiver">waived by ${esc(waiver.approvedBy)} until ${esc(waiver.expires)}${waiver.ticket ? ` (${esc(waiver.ticket)})` : ""}: ${esc(waiver.reason)} (waiver at ${formatRule(waiver.rule)})</li>`,
    );
  }
  out.push(`<li>see <a href="${esc(info.docs)}">${esc(info.docs)}</a></li>`, "</ul>", "</div>");
  return out;
}

function evidenceList(evidence: Evidence[], result: CheckResult, label: string): string {
  if (evidence.length === 0) return "";
  return `<ul>${evidence.map((item) => `<li class="evidence">${label} ${formatEvidenceItem(item, result)}</li>`).join("")}</ul>`;
}

/** The evidence phrase, then each of its fields in full: file, line, quote, sha256, commit. */
function formatEvidenceItem(evidence: Evidence, result: CheckResult): string {
  const fields: [string, string][] = [];
  if (evidence.source === "file" || evidence.source === "card") {
    if (evidence.file !== undefined) fields.push(["file", `<code>${esc(evidence.file)}</code>`]);
    if (evidence.line !== undefined) fields.push(["line", String(evidence.line)]);
    if (evidence.quote !== undefined) fields.push(["quote", `<q>${esc(evidence.quote)}</q>`]);
    if (evidence.source === "file") fields.push(["sha256", `<code class="sha256">${esc(evidence.sha256)}</code>`]);
    if (evidence.commit !== result.revision) fields.push(["commit", `<code>${esc(evidence.commit)}</code>`]);
  }
  const detail =
    fields.length === 0
      ? ""
      : ` <span class="fields">${fields.map(([key, value]) => `<span class="field"><span class="k">${key}</span> ${value}</span>`).join(" ")}</span>`;
  return `<span class="phrase">${esc(formatEvidence(evidence))}</span>${detail}`;
}

function formatTerm(term: TermReference, withQuote: boolean): string {
  const where = `${esc(term.document)}${term.section ? `, ${esc(term.section)}` : ""}`;
  const quote = withQuote && term.quote ? `: <q>${esc(term.quote)}</q>` : "";
  return `${where} ${link(term.url)}${quote}`;
}

function formatRule(rule: RuleReference): string {
  return `<code>${esc(rule.file)}${rule.line === null ? "" : `:${rule.line}`}</code> <code>${esc(rule.path)}</code>`;
}

function formatLineage(result: CheckResult): string {
  const children = (parent: string): Ancestor[] => result.lineage.filter((ancestor) => ancestor.parent === parent);
  const walk = (parent: string, seen: Set<string>): string => {
    const items = children(parent).map((ancestor) => {
      const state = ancestor.unavailable
        ? `not read: ${esc(ancestor.unavailable.reason)} (${esc(ancestor.unavailable.message)})`
        : ancestor.licenses.map(esc).join(", ") || "no license";
      const at = ancestor.sha ? ` at <code>${esc(ancestor.sha)}</code>` : "";
      const below =
        !ancestor.unavailable && !seen.has(ancestor.id) ? walk(ancestor.id, new Set([...seen, ancestor.id])) : "";
      return `<li>${esc(ancestor.relation)} of <code>${esc(ancestor.id)}</code>${at}: ${state}${below}</li>`;
    });
    return items.length === 0 ? "" : `<ul class="lineage">${items.join("")}</ul>`;
  };
  return walk(result.model, new Set([result.model]));
}

function formatErrors(errors: ModelError[]): string[] {
  const out = [
    `<section class="errors" id="not-checked">`,
    "<h2>Not checked</h2>",
    `<table>`,
    "<thead><tr><th>Model</th><th>Revision</th><th>Kind</th><th>Reason</th></tr></thead>",
    "<tbody>",
  ];
  for (const error of errors) {
    out.push(
      `<tr><td>${esc(error.model)}</td><td>${error.revision === null ? "—" : `<code>${esc(error.revision)}</code>`}</td><td>${esc(error.kind)}</td><td class="error-message">${esc(error.message)}</td></tr>`,
    );
  }
  out.push("</tbody>", "</table>", "</section>");
  return out;
}

/** Section ids: the model id folded to [a-z0-9-], made unique in the page. */
function slugsFor(results: CheckResult[]): string[] {
  const used = new Set<string>(["verdicts", "not-checked"]);
  return results.map((result) => {
    const base =
      result.model
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "model";
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made inert for HTML text and attribute values. */
function esc(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** A finding message: its backtick-quoted parts as code, the rest as text. */
function inline(message: string): string {
  return message
    .split(/`([^`]*)`/)
    .map((part, index) => (index % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part)))
    .join("");
}

/** An http(s) URL as a link showing its target; anything else as text. */
function link(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a class="url" href="${esc(url)}">${esc(url)}</a>` : esc(url);
}
