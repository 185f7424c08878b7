import type { Evidence, FindingCode, RuleReference, TermReference } from "../types/finding.js";
import type { RunReport } from "../types/result.js";
import { docPageHtml } from "./doc-page-html.js";
import { esc } from "./escape-html.js";
import { FINDING_PAGES } from "./finding-pages.js";
import { formatEvidence } from "./format-evidence.js";
import type { Render } from "./renderer.js";
import {
  type FindingDetail,
  type FindingView,
  type LineageNode,
  type ModelView,
  NOT_CHECKED,
  type NotCheckedView,
  type ProjectView,
  type ReportView,
  reportView,
} from "./view.js";

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
section.model, section.errors, section.explanations { margin-top: 2.2em; }
.explanation { border-top: 1px solid #d0d7de; margin-top: 1.2em; }
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
  section.model, section.errors, section.explanations { break-before: page; page-break-before: always; margin-top: 0; }
  .finding, tr, li { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  a { color: #000; text-decoration: underline; }
  a[href]:not(.url):not([href^="#"])::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
  [data-verdict], .not-checked { border: 1px solid #000; }
}
`;

/**
 * The report for legal reviewers as one self-contained HTML page: inline CSS, no scripts, no external
 * assets. A verdict table on top, then a section per model. Every interpolated string is escaped.
 * Pure: the time comes from the report.
 */
export function formatHtml(report: RunReport): string {
  const view = reportView(report);
  const slugs = slugsFor(view.models);
  const title = `License report: ${view.models.length + view.notChecked.length} models, ${view.generatedAt}`;
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
    `<dt>Tool</dt><dd>${esc(view.tool)}</dd>`,
    `<dt>Policy</dt><dd>${esc(view.policy.name)} (digest <code>${esc(view.policy.digest)}</code>)</dd>`,
    `<dt>Generated</dt><dd><time datetime="${esc(view.generatedAt)}">${esc(view.generatedAt)}</time></dd>`,
    "</dl>",
    "</header>",
    "<main>",
    `<table id="verdicts">`,
    "<thead><tr><th>Model</th><th>Revision (requested → resolved)</th><th>Verdict</th><th>Licenses</th></tr></thead>",
    "<tbody>",
  ];
  view.models.forEach((model, index) => {
    const requested =
      model.requestedAs === null ? "" : ` <span class="requested">(requested as ${esc(model.requestedAs)})</span>`;
    const licenses =
      model.licenseIds.length > 0 ? model.licenseIds.map(esc).join(", ") : `<span class="none">none identified</span>`;
    out.push(
      `<tr data-model="${esc(model.model)}"><td><a href="#${esc(slugs[index]!)}">${esc(model.model)}</a>${requested}</td>` +
        `<td><code>${esc(model.requested.revision)}</code> → <code>${esc(model.revision)}</code></td>` +
        `<td class="verdict" data-verdict="${model.verdict}">${model.verdictLabel}</td><td>${licenses}</td></tr>`,
    );
  });
  for (const error of view.notChecked) {
    out.push(
      `<tr data-model="${esc(error.model)}"><td><a href="#not-checked">${esc(error.model)}</a></td>` +
        `<td>${error.revision === null ? "—" : `<code>${esc(error.revision)}</code>`}</td>` +
        `<td class="verdict not-checked">${NOT_CHECKED}</td><td>—</td></tr>`,
    );
  }
  out.push("</tbody>", "</table>");

  for (const [index, model] of view.models.entries()) out.push(...formatModel(model, slugs[index]!));
  if (view.notChecked.length > 0) out.push(...formatNotChecked(view.notChecked));
  if (view.project) out.push(...formatProject(view.project));
  out.push(...formatExplanations(view));
  out.push("</main>", "</body>", "</html>");
  return `${out.join("\n")}\n`;
}

function formatModel(model: ModelView, slug: string): string[] {
  const out: string[] = [
    `<section class="model" id="${esc(slug)}" data-model="${esc(model.model)}">`,
    `<h2>${esc(model.model)} <span class="verdict" data-verdict="${model.verdict}">${model.verdictLabel}</span></h2>`,
    `<dl class="meta">`,
    `<dt>Requested</dt><dd><code>${esc(model.requested.model)}</code> at <code>${esc(model.requested.revision)}</code></dd>`,
    `<dt>Resolved</dt><dd><code>${esc(model.model)}</code> at <code>${esc(model.revision)}</code></dd>`,
  ];
  if (model.gated) out.push(`<dt>Gated</dt><dd class="gated">gated: ${esc(model.gated)}</dd>`);
  if (model.usedAtSummary !== null) out.push(`<dt>Used at</dt><dd class="used-at">${esc(model.usedAtSummary)}</dd>`);
  if (model.expression) out.push(`<dt>Declared expression</dt><dd><code>${esc(model.expression)}</code></dd>`);
  for (const choice of model.choices) {
    out.push(
      `<dt>Choice</dt><dd>chose <code>${esc(choice.chosen)}</code> from <code>${esc(choice.expression)}</code></dd>`,
    );
  }
  out.push("</dl>");

  out.push("<h3>Licenses</h3>");
  if (model.licenses.length === 0 && model.unidentified.length === 0) {
    out.push(`<p class="none">None identified.</p>`);
  } else {
    out.push(`<ul class="licenses">`);
    for (const license of model.licenses) {
      const name = license.name === null ? "" : ` — ${esc(license.name)}`;
      out.push(
        `<li><strong>${esc(license.id)}</strong>${name} (${esc(license.about)})${evidenceList(license.evidence, model.revision, "from")}</li>`,
      );
    }
    for (const entry of model.unidentified) {
      out.push(
        `<li><strong>?</strong> <code>${esc(entry.value)}</code> (${inline(entry.reason)})${evidenceList(entry.evidence, model.revision, "from")}</li>`,
      );
    }
    out.push("</ul>");
  }

  out.push("<h3>Lineage</h3>");
  out.push(model.lineage.length === 0 ? `<p class="none">No ancestors recorded.</p>` : formatLineage(model.lineage));

  out.push("<h3>License texts</h3>");
  if (model.texts.length === 0) {
    out.push(`<p class="none">No license texts read.</p>`);
  } else {
    const rows = model.texts.map((text) => {
      const matches = text.matches.map((match) => `${match.verb} ${esc(match.document)} (${match.percent}%)`);
      return `<tr><td>${esc(text.name)}</td><td><code class="sha256">${esc(text.sha256)}</code></td><td>${text.size}</td><td>${matches.length > 0 ? matches.join(", ") : "unrecognized"}</td></tr>`;
    });
    out.push(...table("texts", ["Text", "sha256", "Size", "Matches"], rows));
  }
  if (model.gaps.length > 0) {
    out.push(`<p>Not read:</p>`, `<ul class="gaps">`);
    for (const gap of model.gaps) {
      out.push(
        `<li><code>${esc(gap.path)}</code> (${esc(gap.role)}): ${esc(gap.reason)}${gap.status === undefined ? "" : `, HTTP ${gap.status}`} — ${esc(gap.detail)}</li>`,
      );
    }
    out.push("</ul>");
  }

  out.push("<h3>Findings</h3>");
  if (model.findings.length === 0) out.push(`<p class="none">None.</p>`);
  for (const finding of model.findings) out.push(...formatFinding(finding, model.revision));

  out.push("<h3>Obligations</h3>");
  if (model.obligations.length === 0) {
    out.push(`<p class="none">None.</p>`);
  } else {
    const rows = model.obligations.map(
      (obligation) =>
        `<tr><td>${esc(obligation.license)}</td><td>${esc(obligation.kind)}</td><td>${obligation.text === undefined ? "—" : `<q>${esc(obligation.text)}</q>`}</td>` +
        `<td>${esc(obligation.when)}</td><td>${formatTerm(obligation.source, false)}</td></tr>`,
    );
    out.push(...table("obligations", ["License", "Duty", "Text to reproduce", "When", "Clause"], rows));
  }
  out.push("</section>");
  return out;
}

/** A finding; `revision` is the model's commit (null for a project finding), which its evidence need not repeat. */
function formatFinding(finding: FindingView, revision: string | null): string[] {
  return [
    `<div class="finding ${finding.severity}" data-code="${esc(finding.code)}">`,
    `<h4><span class="severity">${finding.severity}</span><a href="#${explanationId(finding.code)}"><code>${esc(finding.code)}</code></a>: ${esc(finding.title)}</h4>`,
    `<p class="message">${inline(finding.message)}</p>`,
    "<ul>",
    ...finding.details.map((detail) => formatDetail(detail, revision)),
    "</ul>",
    "</div>",
  ];
}

function formatDetail(detail: FindingDetail, revision: string | null): string {
  switch (detail.kind) {
    case "evidence":
      return `<li class="evidence">evidence: ${formatEvidenceItem(detail.evidence, revision)}</li>`;
    case "clause":
      return `<li>clause: ${formatTerm(detail.term, true)}</li>`;
    case "rule":
      return `<li>rule: ${formatRule(detail.rule)}</li>`;
    case "waiver": {
      const { waiver } = detail;
      return `<li class="waiver">waived by ${esc(waiver.approvedBy)} until ${esc(waiver.expires)}${waiver.ticket ? ` (${esc(waiver.ticket)})` : ""}: ${esc(waiver.reason)} (waiver at ${formatRule(waiver.rule)})</li>`;
    }
    case "docs":
      return `<li>see <a href="#${explanationId(detail.code)}">what it means</a>, below, or online ${link(detail.url)}</li>`;
  }
}

function table(className: string, headings: string[], rows: string[]): string[] {
  const head = `<thead><tr>${headings.map((heading) => `<th>${heading}</th>`).join("")}</tr></thead>`;
  return [`<table class="${className}">`, head, "<tbody>", ...rows, "</tbody>", "</table>"];
}

function evidenceList(evidence: Evidence[], revision: string, label: string): string {
  if (evidence.length === 0) return "";
  return `<ul>${evidence.map((item) => `<li class="evidence">${label} ${formatEvidenceItem(item, revision)}</li>`).join("")}</ul>`;
}

/** The evidence phrase, then each of its fields in full: file, line, quote, sha256, commit. */
function formatEvidenceItem(evidence: Evidence, revision: string | null): string {
  const fields: [string, string][] = [];
  if (evidence.source === "file" || evidence.source === "card") {
    if (evidence.file !== undefined) fields.push(["file", `<code>${esc(evidence.file)}</code>`]);
    if (evidence.line !== undefined) fields.push(["line", String(evidence.line)]);
    if (evidence.quote !== undefined) fields.push(["quote", `<q>${esc(evidence.quote)}</q>`]);
    if (evidence.source === "file") fields.push(["sha256", `<code class="sha256">${esc(evidence.sha256)}</code>`]);
    if (evidence.commit !== revision) fields.push(["commit", `<code>${esc(evidence.commit)}</code>`]);
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

/** Nested lists, as the lineage is a tree: each ancestor with the ancestors it derives from. */
function formatLineage(nodes: LineageNode[]): string {
  const items = nodes.map((node) => {
    const state = node.unavailable
      ? `not read: ${esc(node.unavailable.reason)} (${esc(node.unavailable.message)})`
      : node.licenses.map(esc).join(", ") || "no license";
    const at = node.sha ? ` at <code>${esc(node.sha)}</code>` : "";
    return `<li>${esc(node.relation)} of <code>${esc(node.id)}</code>${at}: ${state}${formatLineage(node.parents)}</li>`;
  });
  return items.length === 0 ? "" : `<ul class="lineage">${items.join("")}</ul>`;
}

function formatNotChecked(errors: NotCheckedView[]): string[] {
  // The column only when the run was a scan, so other reports stay as they were.
  const scanned = errors.some((error) => error.usedAtSummary !== null);
  const out = [
    `<section class="errors" id="not-checked">`,
    "<h2>Not checked</h2>",
    `<table>`,
    `<thead><tr><th>Model</th><th>Revision</th><th>Kind</th><th>Reason</th>${scanned ? "<th>Used at</th>" : ""}</tr></thead>`,
    "<tbody>",
  ];
  for (const error of errors) {
    const usedAt = scanned
      ? `<td class="used-at">${error.usedAtSummary === null ? "—" : esc(error.usedAtSummary)}</td>`
      : "";
    out.push(
      `<tr><td>${esc(error.model)}</td><td>${error.revision === null ? "—" : `<code>${esc(error.revision)}</code>`}</td><td>${esc(error.kind)}</td><td class="error-message">${esc(error.message)}</td>${usedAt}</tr>`,
    );
  }
  out.push("</tbody>", "</table>", "</section>");
  return out;
}

/** The project's section; it borrows the model sections' class, so the page's style (and its bytes) stay as they were. */
function formatProject(project: ProjectView): string[] {
  const out = [
    `<section class="model project" id="project">`,
    `<h2>${esc(project.heading)}</h2>`,
    `<dl class="meta">`,
    `<dt>Root</dt><dd><code>${esc(project.root)}</code></dd>`,
    ...(project.lock === null ? [] : [`<dt>Lock</dt><dd><code>${esc(project.lock)}</code></dd>`]),
    "</dl>",
    "<h3>Findings</h3>",
  ];
  if (project.findings.length === 0) out.push(`<p class="none">None.</p>`);
  for (const finding of project.findings) out.push(...formatFinding(finding, null));
  if (project.datasets.length > 0) {
    out.push(`<h3>${esc(project.datasetsHeading)}</h3>`, `<ul class="datasets">`);
    for (const dataset of project.datasets) {
      out.push(`<li><code>${esc(dataset.name)}</code>: used at ${esc(dataset.usedAtSummary ?? "")}</li>`);
    }
    out.push("</ul>");
  }
  out.push("</section>");
  return out;
}

/**
 * Each finding code that occurs, explained by its docs page (findingInfo order): the report is read far from the
 * repository (mailed, archived), so it carries the pages rather than links that lead nowhere offline.
 */
function formatExplanations(view: ReportView): string[] {
  const findings = [...view.models.flatMap((model) => model.findings), ...(view.project?.findings ?? [])];
  const occurring = new Set(findings.map((finding) => finding.code));
  const codes = FINDING_CODES.filter((code) => occurring.has(code));
  if (codes.length === 0) return [];
  return [
    `<section class="explanations" id="explanations">`,
    "<h2>What the findings mean</h2>",
    ...codes.map(
      (code) =>
        `<article class="explanation" id="${explanationId(code)}">\n${docPageHtml(FINDING_PAGES[code], 3)}\n</article>`,
    ),
    "</section>",
  ];
}

function explanationId(code: FindingCode): string {
  return `explain-${code}`;
}

const FINDING_CODES = Object.keys(FINDING_PAGES) as FindingCode[];

/** Section ids: the model id folded to [a-z0-9-], made unique in the page. */
function slugsFor(models: ModelView[]): string[] {
  const used = new Set<string>([
    "verdicts",
    "not-checked",
    "project",
    "explanations",
    ...FINDING_CODES.map(explanationId),
  ]);
  return models.map((model) => {
    const base =
      model.model
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "model";
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
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

export const render: Render = (report) => ({ output: formatHtml(report) });
