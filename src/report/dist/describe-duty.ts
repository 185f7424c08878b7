import type { DistReport, Duty } from "../../types/dist-report.js";
import type { TermReference } from "../../types/finding.js";
import { dutyInfo } from "./duty-info.js";

/** One duty in words: its title and license, then what is expected, found, where, and why. Shared by the formats. */
export function describeDuty(duty: Duty): { title: string; details: string[] } {
  const title = `${dutyInfo[duty.kind].title}${duty.license ? ` (${duty.license})` : ""}`;
  const details = [
    ...(duty.expected ? [`expected: ${duty.expected}`] : []),
    ...(duty.found ? [`found: ${duty.found}`] : []),
    ...(duty.file ? [`file: ${duty.file}`] : []),
    ...(duty.reason ? [duty.reason] : []),
    ...(duty.status === "missing" && duty.fixable ? ["lic dist --fix writes it"] : []),
  ];
  return { title, details };
}

export function formatClause(clause: TermReference | null): string | null {
  if (!clause) return null;
  return `${clause.document}${clause.section ? `, ${clause.section}` : ""} <${clause.url}>`;
}

export function describeTarget(report: DistReport): string {
  const { target } = report;
  return target.kind === "folder" ? target.path : `${target.id}@${target.revision} (${target.sha})`;
}

/** Counts of duties by status, for the summary line. */
export function countDuties(report: DistReport): Record<Duty["status"], number> {
  const counts = { met: 0, missing: 0, review: 0, unknown: 0 };
  for (const duty of report.duties) counts[duty.status]++;
  return counts;
}
