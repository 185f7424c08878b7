import type { DistReport } from "../../types/dist-report.js";
import { esc } from "../escape-html.js";
import { describeDuty, describeTarget, formatClause } from "./describe-duty.js";

/** JUnit XML: one test case per duty; a missing one fails, one for review or unknown is skipped. */
export function renderDistJunit(report: DistReport): string {
  const failures = report.duties.filter((duty) => duty.status === "missing").length;
  const skipped = report.duties.filter((duty) => duty.status === "review" || duty.status === "unknown").length;
  const name = esc(`lic dist ${describeTarget(report)}`);
  const cases = report.duties.map((duty) => {
    const { title, details } = describeDuty(duty);
    const message = esc([...details, formatClause(duty.clause) ?? ""].filter(Boolean).join("; "));
    const body =
      duty.status === "missing"
        ? `<failure message="${message}" type="${duty.kind}"/>`
        : duty.status === "met"
          ? ""
          : `<skipped message="${message}"/>`;
    return `    <testcase classname="${esc(duty.kind)}" name="${esc(title)}">${body}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="lic dist" tests="${report.duties.length}" failures="${failures}" skipped="${skipped}">
  <testsuite name="${name}" tests="${report.duties.length}" failures="${failures}" skipped="${skipped}" timestamp="${esc(report.generatedAt)}">
${cases.join("\n")}
  </testsuite>
</testsuites>
`;
}
