import type { Evidence, FindingCode, RuleReference, TermReference } from "../types/finding.js";
import { esc } from "./escape-html.js";
import type { EvidenceItemView } from "./view.js";

/** The small pieces every part of the HTML report spells the same way. Every interpolated string is escaped. */

/** A finding message or reason: its backtick-quoted parts as code, the rest as text. */
export function inline(message: string): string {
  return message
    .split(/`([^`]*)`/)
    .map((part, index) => (index % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part)))
    .join("");
}

/** An http(s) URL as a link showing its target; anything else as text. */
export function link(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a class="url" href="${esc(url)}">${esc(url)}</a>` : esc(url);
}

/** A link within the page; `id` is one the page gives (a slug, a ref), escaped all the same. */
export function anchor(id: string, html: string): string {
  return `<a href="#${esc(id)}">${html}</a>`;
}

export function table(className: string, headings: string[], rows: string[]): string[] {
  const head = `<thead><tr>${headings.map((heading) => `<th>${heading}</th>`).join("")}</tr></thead>`;
  return [`<table class="${className}">`, head, "<tbody>", ...rows, "</tbody>", "</table>"];
}

export function formatTerm(term: TermReference, withQuote: boolean): string {
  const where = `${esc(term.document)}${term.section ? `, ${esc(term.section)}` : ""}`;
  const quote = withQuote && term.quote ? `: <q>${esc(term.quote)}</q>` : "";
  return `${where} ${link(term.url)}${quote}`;
}

export function formatRule(rule: RuleReference): string {
  return `<code>${esc(rule.file)}${rule.line === null ? "" : `:${rule.line}`}</code> <code>${esc(rule.path)}</code>`;
}

export function explanationId(code: FindingCode): string {
  return `explain-${code}`;
}

/**
 * Where a section's evidence item stands: the section's slug, a dot, the ref. Slugs are [a-z0-9-] only, so the dot
 * keeps `a` + `E1` from ever meeting a model whose slug is `a-e1`.
 */
export function evidenceId(sectionId: string, ref: string): string {
  return `${sectionId}.${ref}`;
}

/** `[E1, E3]`, each linked to its item in the section's evidence list; empty when nothing is cited. */
export function evidenceRefs(sectionId: string, refs: string[]): string {
  if (refs.length === 0) return "";
  const links = refs.map((ref) => anchor(evidenceId(sectionId, ref), esc(ref)));
  return ` <span class="refs">[${links.join(", ")}]</span>`;
}

/** A section's evidence, each piece once, numbered as the licenses and findings above cite it; none: nothing. */
export function evidenceList(sectionId: string, items: EvidenceItemView[], revision: string | null): string[] {
  if (items.length === 0) return [];
  return [
    `<ol class="evidence">`,
    ...items.map(
      (item) =>
        `<li class="evidence" id="${esc(evidenceId(sectionId, item.ref))}"><span class="ref">${esc(item.ref)}</span>` +
        `${esc(item.words)}: ${formatEvidenceItem(item, revision)}</li>`,
    ),
    "</ol>",
  ];
}

/**
 * The machine's phrase beside the words (which already say the file and line), then what they leave out, in full:
 * a file's quote and sha256, and the commit when it is not the section's own (`revision`; null for the project).
 */
function formatEvidenceItem(item: EvidenceItemView, revision: string | null): string {
  const fields = evidenceFields(item.evidence, revision);
  const detail =
    fields.length === 0
      ? ""
      : ` <span class="fields">${fields.map(([key, value]) => `<span class="field"><span class="k">${key}</span> ${value}</span>`).join(" ")}</span>`;
  return `<span class="phrase">${esc(item.code)}</span>${detail}`;
}

function evidenceFields(evidence: Evidence, revision: string | null): [string, string][] {
  if (evidence.source !== "file" && evidence.source !== "card") return [];
  const fields: [string, string][] = [];
  if (evidence.source === "file") {
    // A card's phrase quotes its line already; a file's names only the start of its hash.
    if (evidence.quote !== undefined) fields.push(["quote", `<q>${esc(evidence.quote)}</q>`]);
    fields.push(["sha256", `<code class="sha256">${esc(evidence.sha256)}</code>`]);
  }
  if (evidence.commit !== revision) fields.push(["commit", `<code>${esc(evidence.commit)}</code>`]);
  return fields;
}
