import { esc } from "./escape-html.js";
import { dutyId, verdictBadge } from "./html-model.js";
import { anchor, formatTerm, inline } from "./html-parts.js";
import { NOT_CHECKED, type ObligationView, type PolicyView, type ReportView } from "./view.js";

/**
 * The answer first: what the top of the page holds before any model. A reviewer reads the policy the verdicts rest
 * on (and a warning when nobody chose it), the totals, a line per model, and what the organization must do.
 */

/** The section ids of the top of the page, which no model's slug may take. */
export const TOP_SECTION_IDS = ["policy", "totals", "summary", "duties"] as const;

export function policyBlock(policy: PolicyView): string[] {
  const warning =
    policy.defaultWarning === null ? [] : [`<p class="policy-warning">${inline(policy.defaultWarning)}</p>`];
  const assumptions =
    policy.assumptions.length === 0
      ? `<span class="none">none stated</span>`
      : policy.assumptions.map((assumption) => `${esc(assumption.label)}: ${esc(assumption.words)}`).join("; ");
  const notStated =
    policy.notStated.length === 0
      ? []
      : [`<dt>Not stated</dt><dd class="not-stated">${policy.notStated.map(esc).join(", ")}</dd>`];
  return [
    `<section class="policy" id="policy">`,
    "<h2>Policy</h2>",
    ...warning,
    `<dl class="meta">`,
    `<dt>Policy</dt><dd><strong>${esc(policy.name)}</strong> (digest <code>${esc(policy.digest)}</code>)</dd>`,
    `<dt>How chosen</dt><dd class="chosen-by">${esc(policy.chosenByWords)}</dd>`,
    `<dt>Assumes</dt><dd class="assumptions">${assumptions}</dd>`,
    ...notStated,
    "</dl>",
    "</section>",
  ];
}

export function totalsBlock(view: ReportView): string[] {
  return [
    `<section class="totals-block" id="totals">`,
    "<h2>Totals</h2>",
    `<ul class="totals">`,
    `<li class="verdict-totals">${esc(view.totals.verdictLine)}</li>`,
    `<li class="finding-totals">${esc(view.totals.findingsLine)}</li>`,
    "</ul>",
    "</section>",
  ];
}

/** A row per model, most of a verdict's why in one line; the model's name leads to its section (the contents). */
export function summaryTable(view: ReportView, slugs: string[]): string[] {
  const checked = view.models.map(
    (model, index) =>
      `<tr data-model="${esc(model.model)}"><td>${anchor(slugs[index]!, esc(model.model))}</td>` +
      `${verdictBadge(model, "td")}<td class="reason">${inline(model.reason)}</td><td>${licenseIds(model.licenseIds)}</td></tr>`,
  );
  const notChecked = view.notChecked.map(
    (error) =>
      `<tr data-model="${esc(error.model)}"><td>${anchor("not-checked", esc(error.model))}</td>` +
      `<td class="verdict not-checked">${NOT_CHECKED}</td><td class="reason">${esc(error.kind)}</td><td>—</td></tr>`,
  );
  return [
    `<section class="summary" id="summary">`,
    "<h2>Summary</h2>",
    `<table id="verdicts">`,
    "<thead><tr><th>Model</th><th>Verdict</th><th>Why</th><th>Licenses</th></tr></thead>",
    "<tbody>",
    ...checked,
    ...notChecked,
    "</tbody>",
    "</table>",
    "</section>",
  ];
}

function licenseIds(ids: string[]): string {
  return ids.length > 0 ? ids.map(esc).join(", ") : `<span class="none">none identified</span>`;
}

/**
 * Every duty once, with the clause it stands in and the models it applies to, each linked to its section
 * (`sectionOf`: a model's id to its section's).
 */
export function dutiesBlock(duties: ObligationView[], sectionOf: Map<string, string>): string[] {
  const items =
    duties.length === 0
      ? [`<p class="none">No obligations: the licenses in force put no duty on the organization.</p>`]
      : [`<ol class="duties">`, ...duties.map((duty) => dutyItem(duty, sectionOf)), "</ol>"];
  return [`<section class="duties" id="duties">`, "<h2>What we must do</h2>", ...items, "</section>"];
}

function dutyItem(duty: ObligationView, sectionOf: Map<string, string>): string {
  const models = duty.models.map((model) => anchor(sectionOf.get(model)!, esc(model))).join(", ");
  return (
    `<li class="duty" id="${esc(dutyId(duty.ref))}"><span class="ref">${esc(duty.ref)}</span>` +
    `<strong>${esc(duty.duty)}</strong> (${esc(duty.whenWords)}). Clause: ${formatTerm(duty.clause, false)}` +
    `<span class="applies">applies to ${models}</span></li>`
  );
}
