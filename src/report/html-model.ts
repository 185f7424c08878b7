import { esc } from "./escape-html.js";
import {
  anchor,
  evidenceList,
  evidenceRefs,
  explanationId,
  formatRule,
  formatTerm,
  inline,
  link,
  table,
} from "./html-parts.js";
import type {
  DatasetNode,
  FindingDetail,
  FindingView,
  LineageNode,
  ModelView,
  ObligationView,
  TrainingDataView,
} from "./view.js";

/** The id of the page's top, which every section's "back to top" link leads to. */
export const TOP_ID = "top";

/** A verdict as the summary table and a section heading show it. */
export function verdictBadge(model: ModelView, tag: "span" | "td"): string {
  return `<${tag} class="verdict" data-verdict="${model.verdict}">${model.verdictLabel}</${tag}>`;
}

/** A part of a model's section: its heading and body, or, when it has nothing to show, what to say instead. */
export interface Part {
  heading: string;
  body: string[];
  /** Said in one line with the other empty parts, so a model with little to show prints in a few lines. */
  absent: string;
}

/**
 * One model's section in the order a reviewer reads it: the verdict and why, the licenses, the findings most severe
 * first citing their evidence by ref, the evidence once, the lineage and texts, then the duties it carries.
 */
export function formatModel(model: ModelView, slug: string, duties: Map<string, ObligationView>): string[] {
  const { trainingData } = model;
  const parts: Part[] = [
    { heading: "Licenses", body: licenseList(model, slug), absent: "no license identified" },
    {
      heading: "Findings",
      body: findingsOf(model.ownFindings, slug),
      absent: trainingData ? `no findings on the ${model.kind} itself` : "no findings",
    },
    ...(trainingData
      ? [{ heading: trainingData.heading, body: trainingDataOf(trainingData, slug), absent: "no datasets named" }]
      : []),
    { heading: "Evidence", body: evidenceList(slug, model.evidence, model.revision), absent: "no evidence cited" },
    { heading: "Lineage", body: lineageOf(model.lineage), absent: "no ancestors recorded" },
    { heading: "License texts", body: licenseTexts(model), absent: "no license texts read" },
    { heading: "Obligations", body: obligationsOf(model, duties), absent: "no obligations" },
  ];
  return [
    `<section class="model" id="${esc(slug)}" data-model="${esc(model.model)}">`,
    `<h2>${esc(model.model)} ${verdictBadge(model, "span")}</h2>`,
    `<p class="reason">${inline(model.reason)}</p>`,
    ...modelFacts(model),
    ...formatParts(parts),
    backToTop(),
    "</section>",
  ];
}

export function formatParts(parts: Part[]): string[] {
  const shown = parts
    .filter((part) => part.body.length > 0)
    .flatMap((part) => [`<h3>${esc(part.heading)}</h3>`, ...part.body]);
  const absent = parts.filter((part) => part.body.length === 0).map((part) => part.absent);
  if (absent.length === 0) return shown;
  const line = absent.join("; ");
  return [...shown, `<p class="none absent">${line.charAt(0).toUpperCase()}${line.slice(1)}.</p>`];
}

export function backToTop(): string {
  return `<p class="back">${anchor(TOP_ID, "Back to top")}</p>`;
}

/** Findings most severe first (the view's order). */
export function findingsOf(findings: FindingView[], sectionId: string): string[] {
  return findings.flatMap((finding) => formatFinding(finding, sectionId));
}

function modelFacts(model: ModelView): string[] {
  const requestedAs = model.requestedAs === null ? "" : ` (requested as <code>${esc(model.requestedAs)}</code>)`;
  const facts = [
    `<dt>Revision</dt><dd><code>${esc(model.requested.revision)}</code> → <code>${esc(model.revision)}</code>${requestedAs}</dd>`,
  ];
  if (model.gated) facts.push(`<dt>Gated</dt><dd class="gated">gated: ${esc(model.gated)}</dd>`);
  if (model.usedAtSummary !== null) facts.push(`<dt>Used at</dt><dd class="used-at">${esc(model.usedAtSummary)}</dd>`);
  if (model.expression) facts.push(`<dt>Declared expression</dt><dd><code>${esc(model.expression)}</code></dd>`);
  for (const choice of model.choices) {
    facts.push(
      `<dt>Choice</dt><dd>chose <code>${esc(choice.chosen)}</code> from <code>${esc(choice.expression)}</code></dd>`,
    );
  }
  return [`<dl class="meta">`, ...facts, "</dl>"];
}

function licenseList(model: ModelView, slug: string): string[] {
  if (model.licenses.length === 0 && model.unidentified.length === 0) return [];
  const known = model.licenses.map((license) => {
    const name = license.name === null ? "" : ` — ${esc(license.name)}`;
    return `<li><strong>${esc(license.id)}</strong>${name} (${esc(license.about)})${evidenceRefs(slug, license.evidenceRefs)}</li>`;
  });
  const unknown = model.unidentified.map(
    (entry) =>
      `<li><strong>?</strong> <code>${esc(entry.value)}</code> (${inline(entry.reason)})${evidenceRefs(slug, entry.evidenceRefs)}</li>`,
  );
  return [`<ul class="licenses">`, ...known, ...unknown, "</ul>"];
}

function licenseTexts(model: ModelView): string[] {
  const read =
    model.texts.length === 0
      ? []
      : table(
          "texts",
          ["Text", "sha256", "Size", "Matches"],
          model.texts.map((text) => {
            const matches = text.matches.map((match) => `${match.verb} ${esc(match.document)} (${match.percent}%)`);
            return `<tr><td>${esc(text.name)}</td><td><code class="sha256">${esc(text.sha256)}</code></td><td>${text.size}</td><td>${matches.length > 0 ? matches.join(", ") : "unrecognized"}</td></tr>`;
          }),
        );
  if (model.gaps.length === 0) return read;
  const gaps = model.gaps.map(
    (gap) =>
      `<li><code>${esc(gap.path)}</code> (${esc(gap.role)}): ${esc(gap.reason)}${gap.status === undefined ? "" : `, HTTP ${gap.status}`} — ${esc(gap.detail)}</li>`,
  );
  return [...read, "<p>Not read:</p>", `<ul class="gaps">`, ...gaps, "</ul>"];
}

/** The model's duties, each by its ref into "What we must do", where the models sharing it are listed. */
function obligationsOf(model: ModelView, duties: Map<string, ObligationView>): string[] {
  if (model.obligationRefs.length === 0) return [];
  const items = model.obligationRefs.map((ref) => {
    const duty = duties.get(ref)!;
    return `<li>${anchor(dutyId(ref), `<span class="ref">${esc(ref)}</span>`)}${esc(duty.words)}</li>`;
  });
  return [`<ul class="obligations">`, ...items, "</ul>"];
}

/** A duty's id in "What we must do": refs are upper case and slugs lower case, so the two never meet. */
export function dutyId(ref: string): string {
  return `duty-${ref}`;
}

function formatFinding(finding: FindingView, sectionId: string): string[] {
  return [
    `<div class="finding ${finding.severity}" data-code="${esc(finding.code)}">`,
    `<h4><span class="severity">${finding.severity}</span>${anchor(explanationId(finding.code), `<code>${esc(finding.code)}</code>`)}: ${esc(finding.title)}</h4>`,
    `<p class="message">${inline(finding.message)}${evidenceRefs(sectionId, finding.evidenceRefs)}</p>`,
    "<ul>",
    ...finding.details.flatMap(formatDetail),
    "</ul>",
    "</div>",
  ];
}

function formatDetail(detail: FindingDetail): string[] {
  switch (detail.kind) {
    case "evidence":
      // Listed once under the section's Evidence and cited by ref beside the message, not repeated here.
      return [];
    case "clause":
      return [`<li>clause: ${formatTerm(detail.term, true)}</li>`];
    case "rule":
      return [`<li>rule: ${formatRule(detail.rule)}</li>`];
    case "waiver": {
      const { waiver } = detail;
      return [
        `<li class="waiver">waived by ${esc(waiver.approvedBy)} until ${esc(waiver.expires)}${waiver.ticket ? ` (${esc(waiver.ticket)})` : ""}: ${esc(waiver.reason)} (waiver at ${formatRule(waiver.rule)})</li>`,
      ];
    }
    case "docs":
      return [
        `<li class="docs">see ${anchor(explanationId(detail.code), "what it means")}, below, or online ${link(detail.url)}</li>`,
      ];
  }
}

/**
 * The advisory sentence, then the datasets as nested lists (a source under the dataset naming it), each linked to its
 * files at the commit read, its findings under it; nothing when its cards name none (the part says so instead).
 */
function trainingDataOf(trainingData: TrainingDataView, slug: string): string[] {
  if (trainingData.datasets.length === 0) return [];
  return [`<p class="advisory">${esc(trainingData.note)}</p>`, ...datasetList(trainingData.datasets, slug)];
}

function datasetList(nodes: DatasetNode[], slug: string): string[] {
  if (nodes.length === 0) return [];
  const items = nodes.flatMap((node) => {
    const name =
      node.url === null ? `<code>${esc(node.name)}</code>` : `<a href="${esc(node.url)}">${esc(node.name)}</a>`;
    const state = node.unavailable
      ? `not read: <code>${esc(node.unavailable.reason)}</code> (${esc(node.unavailable.message)})`
      : node.licenses.map(esc).join(", ") || `<span class="none">no license declared</span>`;
    const gated = node.gated ? `; gated: ${esc(node.gated)}` : "";
    return [
      `<li class="dataset" data-dataset="${esc(node.id)}">${name}: ${state}; ${esc(node.declared)}${gated}${evidenceRefs(slug, node.evidenceRefs)}`,
      ...findingsOf(node.findings, slug),
      ...datasetList(node.sources, slug),
      "</li>",
    ];
  });
  return [`<ul class="datasets">`, ...items, "</ul>"];
}

function lineageOf(nodes: LineageNode[]): string[] {
  return nodes.length === 0 ? [] : [formatLineage(nodes)];
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
