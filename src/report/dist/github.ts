import type { DistReport } from "../../types/dist-report.js";
import { countDuties, describeDuty, describeTarget } from "./describe-duty.js";
import { verdictLabel } from "./duty-info.js";
import { renderDistMarkdown } from "./markdown.js";

/** Workflow commands escape `%`, CR and LF in messages, and also `:` and `,` in properties (actions/toolkit command.ts). */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions: an annotation per missing duty (error) or duty for review (warning); the Markdown as job summary. */
export function renderDistGithub(report: DistReport): { output: string; stepSummary: string } {
  const lines = report.duties.flatMap((duty) => {
    if (duty.status !== "missing" && duty.status !== "review") return [];
    const { title, details } = describeDuty(duty);
    const level = duty.status === "missing" ? "error" : "warning";
    const file =
      duty.file && report.target.kind === "folder"
        ? `file=${escapeProperty(`${report.target.path}/${duty.file}`)},`
        : "";
    return [
      `::${level} ${file}title=${escapeProperty(`lic dist: ${title}`)}::${escapeData(details.join("; ") || title)}`,
    ];
  });
  const counts = countDuties(report);
  lines.push(
    `lic dist ${describeTarget(report)}: ${verdictLabel[report.verdict]} (${counts.missing} missing, ${counts.review} for review)`,
  );
  return { output: `${lines.join("\n")}\n`, stepSummary: renderDistMarkdown(report) };
}
