import { esc } from "./escape-html.js";
import type { ReportView } from "./view.js";

/** The decisions a reviewer can sign for; "with conditions" has room below to write them. */
const DECISIONS = ["Approve", "Approve with conditions", "Reject"];

/**
 * The page's last block, filled in by hand on paper (or a PDF annotator): blank lines and boxes, not form fields,
 * so what is signed is the printed report itself. It names the run it signs for, as the page may be read apart.
 */
export function signOffBlock(view: ReportView): string[] {
  const run = `${view.totals.verdictLine}; policy ${view.policy.name} (digest ${view.policy.digest}); generated ${view.generatedAt} by ${view.tool}`;
  const choices = DECISIONS.map((decision) => `<span class="choice"><span class="box"></span>${esc(decision)}</span>`);
  return [
    `<section class="sign-off" id="sign-off">`,
    "<h2>Sign-off</h2>",
    `<p class="signed-run">This review covers: ${esc(run)}.</p>`,
    `<table class="sign-off-fields">`,
    "<tbody>",
    `<tr><th>Reviewer name</th><td></td></tr>`,
    `<tr><th>Date</th><td></td></tr>`,
    `<tr><th>Decision</th><td class="decision">${choices.join("")}</td></tr>`,
    `<tr><th>Conditions</th><td class="conditions"></td></tr>`,
    `<tr><th>Signature</th><td></td></tr>`,
    "</tbody>",
    "</table>",
    "</section>",
  ];
}
