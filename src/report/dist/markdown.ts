import type { DistReport } from "../../types/dist-report.js";
import { countDuties, describeDuty, describeTarget } from "./describe-duty.js";
import { statusLabel, verdictLabel } from "./duty-info.js";

/** A table cell: pipes escaped, markup shown as text (GitHub renders HTML in Markdown), one line. */
const cell = (text: string) =>
  text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, " ");

/** `lic dist` as Markdown: a table of duties with links to their clauses, the diffs in fenced blocks. */
export function renderDistMarkdown(report: DistReport): string {
  const counts = countDuties(report);
  const lines = [
    `## lic dist: ${cell(describeTarget(report))}: ${verdictLabel[report.verdict]}`,
    "",
    `Name **${cell(report.name.value)}** (from ${report.name.from}); licenses: ${report.licenses.map((id) => `\`${id}\``).join(", ") || "none identified"}; policy \`${report.policy.name}\`.`,
    "",
    `${counts.met} met, ${counts.missing} missing, ${counts.review} for review, ${counts.unknown} unknown.`,
    "",
    "| Status | Duty | Details | Clause |",
    "|---|---|---|---|",
    ...report.duties.map((duty) => {
      const { title, details } = describeDuty(duty);
      const clause = duty.clause
        ? `[${cell(`${duty.clause.document}${duty.clause.section ? `, ${duty.clause.section}` : ""}`)}](${duty.clause.url})`
        : "";
      return `| ${statusLabel[duty.status]} | ${cell(title)} | ${cell(details.join("; "))} | ${clause} |`;
    }),
  ];
  if (report.parents.length > 0) {
    lines.push("", "### Parents", "");
    for (const parent of report.parents)
      lines.push(
        `- \`${parent.id}\` @ \`${parent.sha ?? "?"}\`: ${parent.relation}, ${parent.licenses.join(", ") || "no license"} (from ${parent.from})`,
      );
  }
  if (report.fixes) {
    lines.push("", report.fixes.dryRun ? "### Would write (--dry-run)" : "### Fixes written", "");
    for (const fix of report.fixes.applied) lines.push("```diff", fix.diff.trimEnd(), "```");
    for (const skip of report.fixes.skipped)
      lines.push(`- not fixed: ${cell(skip.path ?? skip.duty)}: ${cell(skip.reason)}`);
  }
  return `${lines.join("\n")}\n`;
}
