import type { DistReport } from "../../types/dist-report.js";
import { countDuties, describeDuty, describeTarget, formatClause } from "./describe-duty.js";
import { statusLabel, verdictLabel } from "./duty-info.js";

/** SGR colours of the statuses, as the check report colours allow, block, warn and not checked. */
const STATUS_COLOUR: Record<string, string> = { MET: "32", MISSING: "31", REVIEW: "33", UNKNOWN: "35" };

/** `lic dist` for a terminal: the verdict, each duty with its clause, the parents, and the diffs --fix wrote. */
export function renderDistText(report: DistReport, options: { color?: boolean } = {}): string {
  const label = (text: string) =>
    options.color ? `\x1b[${STATUS_COLOUR[text]}m${text.padEnd(8)}\x1b[0m` : text.padEnd(8);
  const counts = countDuties(report);
  const lines = [
    `lic dist ${describeTarget(report)}: ${verdictLabel[report.verdict]}`,
    `name: ${report.name.value} (from ${report.name.from})`,
    `licenses: ${report.licenses.join(", ") || "none identified"}`,
    `policy: ${report.policy.name}${report.policy.context?.["distribution"] ? ` (distribution: ${report.policy.context["distribution"]})` : ""}`,
  ];
  if (report.parents.length > 0) {
    lines.push("parents:");
    for (const parent of report.parents)
      lines.push(
        `  ${"  ".repeat(parent.depth - 1)}${parent.id}@${parent.sha ?? "?"} ${parent.relation}, ${parent.licenses.join(", ") || "no license"} (from ${parent.from})${parent.unavailable ? `: not read: ${parent.unavailable.message}` : ""}`,
      );
  }
  lines.push("", "duties:");
  for (const duty of report.duties) {
    const { title, details } = describeDuty(duty);
    lines.push(`  ${label(statusLabel[duty.status])} ${title}`);
    for (const detail of details) lines.push(`           ${detail}`);
    const clause = formatClause(duty.clause);
    if (clause) lines.push(`           clause: ${clause}`);
  }
  lines.push(
    "",
    `${counts.met} met, ${counts.missing} missing, ${counts.review} for review, ${counts.unknown} unknown; read ${report.read.files} files, ${report.read.bytesRead} bytes`,
  );
  if (report.fixes) {
    const { applied, skipped, dryRun } = report.fixes;
    lines.push("", dryRun ? "--dry-run: would write:" : "--fix wrote:");
    if (applied.length === 0) lines.push("  nothing");
    for (const fix of applied) lines.push(fix.diff.trimEnd());
    for (const skip of skipped) lines.push(`  not fixed: ${skip.path ? `${skip.path}: ` : ""}${skip.reason}`);
  }
  return `${lines.join("\n")}\n`;
}
