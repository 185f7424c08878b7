import { findingInfo } from "../findings/finding-info.js";
import type { Evidence, Finding, FindingCode, Severity } from "../types/finding.js";
import type { CheckResult, ModelError, RunReport } from "../types/result.js";
import { docsUrl } from "./docs-url.js";
import { fileOf } from "./evidence-file.js";
import { formatFindingMessage } from "./format-message.js";
import type { Render } from "./renderer.js";

/** SARIF 2.1.0, the format code-scanning services read (https://docs.oasis-open.org/sarif/sarif/v2.1.0/). */
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** Every finding code, in the order of `findingInfo`: rules are listed in this order, so their indexes are stable. */
const CODES = Object.keys(findingInfo) as FindingCode[];

/** The report as a SARIF log: one run, one rule per finding code that occurs, one result per finding. */
export function formatSarif(report: RunReport): string {
  const occurring = new Set(report.results.flatMap((result) => result.findings.map((finding) => finding.code)));
  const codes = CODES.filter((code) => occurring.has(code));
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));

  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: findingInfo[code].title },
              helpUri: docsUrl(code),
              help: { text: `See ${docsUrl(code)}`, markdown: `See [${code}](${docsUrl(code)})` },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            endTimeUtc: report.generatedAt,
            toolExecutionNotifications: report.errors.map(toNotification),
          },
        ],
        results: report.results.flatMap((result) =>
          result.findings.map((finding) => toResult(result, finding, ruleIndex.get(finding.code) ?? 0)),
        ),
        properties: { policy: report.policy, generatedAt: report.generatedAt },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(result: CheckResult, finding: Finding, ruleIndex: number) {
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: formatFindingMessage(finding) },
    locations: toLocations(result, finding.evidence),
    ...(finding.waiver ? { suppressions: [{ kind: "external", justification: finding.waiver.reason }] } : {}),
    properties: {
      model: result.model,
      revision: result.revision,
      severity: finding.severity,
      evidence: finding.evidence,
      ...(finding.rule ? { rule: finding.rule } : {}),
      ...(finding.term ? { term: finding.term } : {}),
      ...(finding.waiver ? { waiver: finding.waiver } : {}),
    },
  };
}

/** The model as a logical location; with it, each distinct file the evidence points into (a path in the model repo at `revision`). */
function toLocations(result: CheckResult, evidence: Evidence[]) {
  const logicalLocations = [{ fullyQualifiedName: `${result.model}@${result.revision}`, kind: "module" }];
  const seen = new Set<string>();
  const locations = [];
  for (const entry of evidence) {
    const place = fileOf(entry);
    if (!place) continue;
    const key = `${place.file}\0${place.line ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push({
      physicalLocation: {
        artifactLocation: { uri: pathToUri(place.file) },
        ...(place.line !== undefined && place.line >= 1 ? { region: { startLine: place.line } } : {}),
      },
      logicalLocations,
    });
  }
  return locations.length > 0 ? locations : [{ logicalLocations }];
}

/** A repo path as a relative URI reference: each segment percent-encoded, the slashes kept. */
function pathToUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function toNotification(error: ModelError) {
  return {
    level: "error",
    message: { text: error.message },
    descriptor: { id: error.kind },
    locations: [
      {
        logicalLocations: [
          { fullyQualifiedName: error.revision ? `${error.model}@${error.revision}` : error.model, kind: "module" },
        ],
      },
    ],
    properties: { model: error.model, revision: error.revision, kind: error.kind },
  };
}

export const render: Render = (report) => ({ output: formatSarif(report) });
