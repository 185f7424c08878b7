import type { DistReport } from "../../types/dist-report.js";
import { countDuties, describeDuty, describeTarget } from "./describe-duty.js";
import { verdictLabel } from "./duty-info.js";

/** One line for the verdict, and one per duty not met: what a CI log shows. */
export function renderDistSummary(report: DistReport): string {
  const counts = countDuties(report);
  const open = report.duties.filter((duty) => duty.status === "missing" || duty.status === "unknown");
  return `${[
    `${verdictLabel[report.verdict]} ${describeTarget(report)}: ${counts.met} met, ${counts.missing} missing, ${counts.review} for review, ${counts.unknown} unknown`,
    ...open.map((duty) => `  ${duty.status}: ${describeDuty(duty).title}`),
  ].join("\n")}\n`;
}
