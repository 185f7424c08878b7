import { type DistReport, DUTY_KINDS } from "../../types/dist-report.js";
import { describeDuty, formatClause } from "./describe-duty.js";
import { dutyInfo } from "./duty-info.js";

/** SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/): a rule per duty kind, a result per duty not met. */
export function renderDistSarif(report: DistReport): string {
  const results = report.duties
    .filter((duty) => duty.status !== "met")
    .map((duty) => {
      const { title, details } = describeDuty(duty);
      const clause = formatClause(duty.clause);
      return {
        ruleId: duty.kind,
        level: duty.status === "missing" ? "error" : duty.status === "review" ? "note" : "warning",
        message: { text: [title, ...details, ...(clause ? [`clause: ${clause}`] : [])].join("; ") },
        ...(duty.file
          ? { locations: [{ physicalLocation: { artifactLocation: { uri: duty.file, uriBaseId: "MODEL" } } }] }
          : {}),
      };
    });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: DUTY_KINDS.map((kind) => ({ id: kind, shortDescription: { text: dutyInfo[kind].title } })),
          },
        },
        ...(report.target.kind === "folder"
          ? { originalUriBaseIds: { MODEL: { description: { text: `the model folder ${report.target.path}` } } } }
          : {}),
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
