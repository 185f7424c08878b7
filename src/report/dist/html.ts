import type { DistReport } from "../../types/dist-report.js";
import { esc } from "../escape-html.js";
import { countDuties, describeDuty, describeTarget } from "./describe-duty.js";
import { statusLabel, verdictLabel } from "./duty-info.js";

/** A standalone HTML page: the verdict, the duties as a table with their clauses linked, the diffs. No script. */
export function renderDistHtml(report: DistReport): string {
  const counts = countDuties(report);
  const rows = report.duties.map((duty) => {
    const { title, details } = describeDuty(duty);
    const clause = duty.clause
      ? `<a href="${esc(duty.clause.url)}">${esc(`${duty.clause.document}${duty.clause.section ? `, ${duty.clause.section}` : ""}`)}</a>`
      : "";
    return `<tr class="${duty.status}"><td>${statusLabel[duty.status]}</td><td>${esc(title)}</td><td>${details.map(esc).join("<br>")}</td><td>${clause}</td></tr>`;
  });
  const fixes = report.fixes
    ? `<h2>${report.fixes.dryRun ? "Would write (--dry-run)" : "Fixes written"}</h2>${report.fixes.applied.map((fix) => `<pre>${esc(fix.diff)}</pre>`).join("")}`
    : "";
  const title = esc(`lic dist ${describeTarget(report)}: ${verdictLabel[report.verdict]}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.missing td:first-child{color:#b00}.met td:first-child{color:#070}.review td:first-child{color:#a60}</style>
</head><body>
<h1>${title}</h1>
<p>Name <b>${esc(report.name.value)}</b> (from ${report.name.from}); licenses ${esc(report.licenses.join(", ") || "none identified")}; policy ${esc(report.policy.name)}. ${counts.met} met, ${counts.missing} missing, ${counts.review} for review, ${counts.unknown} unknown.</p>
<table><thead><tr><th>Status</th><th>Duty</th><th>Details</th><th>Clause</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>
${fixes}
</body></html>
`;
}
