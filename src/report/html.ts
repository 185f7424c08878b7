import type { FindingCode } from "../types/finding.js";
import type { RunReport } from "../types/result.js";
import { docPageHtml } from "./doc-page-html.js";
import { esc } from "./escape-html.js";
import { FINDING_PAGES } from "./finding-pages.js";
import { backToTop, findingsOf, formatModel, formatParts, TOP_ID } from "./html-model.js";
import { anchor, evidenceList, explanationId } from "./html-parts.js";
import { signOffBlock } from "./html-sign-off.js";
import { HTML_STYLE } from "./html-style.js";
import { dutiesBlock, policyBlock, summaryTable, TOP_SECTION_IDS, totalsBlock } from "./html-top.js";
import type { Render } from "./renderer.js";
import { type ModelView, type NotCheckedView, type ProjectView, type ReportView, reportView } from "./view.js";

/**
 * The report for legal reviewers as one self-contained HTML page: inline CSS, no scripts, no external assets.
 * The answer first (the policy and what it assumes, totals, a line per model, what we must do), then a section per
 * model, what the findings mean, and a sign-off block; printed, it is the document a reviewer signs.
 * Every interpolated string is escaped. Pure: the time comes from the report.
 */
export function formatHtml(report: RunReport): string {
  const view = reportView(report);
  const slugs = slugsFor(view.models);
  const sectionOf = new Map<string, string>();
  view.models.forEach((model, index) => {
    if (!sectionOf.has(model.model)) sectionOf.set(model.model, slugs[index]!);
  });
  const duties = new Map(view.obligations.map((duty) => [duty.ref, duty]));
  const title = `License report: ${view.models.length + view.notChecked.length} models, ${view.generatedAt}`;
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="en">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    "</head>",
    "<body>",
    `<header id="${TOP_ID}">`,
    "<h1>License report</h1>",
    `<p class="generated">${esc(view.tool)}, generated <time datetime="${esc(view.generatedAt)}">${esc(view.generatedAt)}</time></p>`,
    contents(view),
    "</header>",
    "<main>",
    ...policyBlock(view.policy),
    ...totalsBlock(view),
    ...summaryTable(view, slugs),
    ...dutiesBlock(view.obligations, sectionOf),
    ...view.models.flatMap((model, index) => formatModel(model, slugs[index]!, duties)),
    ...(view.notChecked.length > 0 ? formatNotChecked(view.notChecked) : []),
    ...(view.project ? formatProject(view.project) : []),
    ...formatExplanations(view),
    ...signOffBlock(view),
    "</main>",
    "</body>",
    "</html>",
  ];
  return `${out.join("\n")}\n`;
}

/** The page's parts, for the screen; the summary table is the contents of the models. Not printed. */
function contents(view: ReportView): string {
  const parts: [string, string][] = [
    ["policy", "Policy"],
    ["totals", "Totals"],
    ["summary", "Summary"],
    ["duties", "What we must do"],
  ];
  if (view.notChecked.length > 0) parts.push(["not-checked", "Not checked"]);
  if (view.project) parts.push(["project", view.project.heading]);
  if (occurringCodes(view).length > 0) parts.push(["explanations", "What the findings mean"]);
  parts.push(["sign-off", "Sign-off"]);
  return `<nav class="contents">${parts.map(([id, label]) => anchor(id, esc(label))).join(" ")}</nav>`;
}

function formatNotChecked(errors: NotCheckedView[]): string[] {
  // The column only when the run was a scan, so other reports stay as they were.
  const scanned = errors.some((error) => error.usedAtSummary !== null);
  const rows = errors.map((error) => {
    const usedAt = scanned
      ? `<td class="used-at">${error.usedAtSummary === null ? "—" : esc(error.usedAtSummary)}</td>`
      : "";
    return `<tr><td>${esc(error.model)}</td><td>${error.revision === null ? "—" : `<code>${esc(error.revision)}</code>`}</td><td>${esc(error.kind)}</td><td class="error-message">${esc(error.message)}</td>${usedAt}</tr>`;
  });
  return [
    `<section class="errors" id="not-checked">`,
    "<h2>Not checked</h2>",
    `<table>`,
    `<thead><tr><th>Model</th><th>Revision</th><th>Kind</th><th>Reason</th>${scanned ? "<th>Used at</th>" : ""}</tr></thead>`,
    "<tbody>",
    ...rows,
    "</tbody>",
    "</table>",
    backToTop(),
    "</section>",
  ];
}

/** The project's section, laid out as a model's: findings citing evidence by ref, the evidence once. */
function formatProject(project: ProjectView): string[] {
  return [
    `<section class="model project" id="project">`,
    `<h2>${esc(project.heading)}</h2>`,
    `<dl class="meta">`,
    `<dt>Root</dt><dd><code>${esc(project.root)}</code></dd>`,
    ...(project.lock === null ? [] : [`<dt>Lock</dt><dd><code>${esc(project.lock)}</code></dd>`]),
    "</dl>",
    ...formatParts([
      { heading: "Findings", body: findingsOf(project.findings, "project"), absent: "no findings" },
      { heading: "Evidence", body: evidenceList("project", project.evidence, null), absent: "no evidence cited" },
    ]),
    backToTop(),
    "</section>",
  ];
}

/** The finding codes that occur in the run, in findingInfo order. */
function occurringCodes(view: ReportView): FindingCode[] {
  const findings = [...view.models.flatMap((model) => model.findings), ...(view.project?.findings ?? [])];
  const occurring = new Set(findings.map((finding) => finding.code));
  return FINDING_CODES.filter((code) => occurring.has(code));
}

/**
 * Each finding code that occurs, explained by its docs page: the report is read far from the repository (mailed,
 * archived), so it carries the pages rather than links that lead nowhere offline.
 */
function formatExplanations(view: ReportView): string[] {
  const codes = occurringCodes(view);
  if (codes.length === 0) return [];
  return [
    `<section class="explanations" id="explanations">`,
    "<h2>What the findings mean</h2>",
    ...codes.map(
      (code) =>
        `<article class="explanation" id="${explanationId(code)}">\n${docPageHtml(FINDING_PAGES[code], 3)}\n</article>`,
    ),
    backToTop(),
    "</section>",
  ];
}

const FINDING_CODES = Object.keys(FINDING_PAGES) as FindingCode[];

/** Section ids: the model id folded to [a-z0-9-], made unique in the page and apart from its other sections'. */
function slugsFor(models: ModelView[]): string[] {
  const used = new Set<string>([
    TOP_ID,
    ...TOP_SECTION_IDS,
    "verdicts",
    "not-checked",
    "project",
    "explanations",
    "sign-off",
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

export const render: Render = (report) => ({ output: formatHtml(report) });
