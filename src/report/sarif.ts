import { findingInfo } from "../findings/finding-info.js";
import type { Evidence, Finding, FindingCode, Severity } from "../types/finding.js";
import type { CheckResult, ModelError, ProjectReport, RunReport } from "../types/result.js";
import { docsUrl } from "./docs-url.js";
import { type EvidenceFile, fileOf } from "./evidence-file.js";
import { formatFindingMessage } from "./format-message.js";
import type { Render } from "./renderer.js";

/** SARIF 2.1.0, the format code-scanning services read (https://docs.oasis-open.org/sarif/sarif/v2.1.0/). */
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** Every finding code, in the order of `findingInfo`: rules are listed in this order, so their indexes are stable. */
const CODES = Object.keys(findingInfo) as FindingCode[];

/** The report as a SARIF log: one run, one rule per finding code that occurs, one result per finding. */
export function formatSarif(report: RunReport): string {
  const findings = [...report.results.flatMap((result) => result.findings), ...(report.project?.findings ?? [])];
  const occurring = new Set(findings.map((finding) => finding.code));
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
        results: [
          ...report.results.flatMap((result) =>
            result.findings.map((finding) => toResult(result, finding, ruleIndex.get(finding.code) ?? 0)),
          ),
          ...projectResults(report.project, ruleIndex),
        ],
        properties: { policy: report.policy, generatedAt: report.generatedAt },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

type LogicalLocation = { fullyQualifiedName: string; kind: string };

/**
 * A model's finding. When the project's code loads the model (a scan), it is located there, in the repository the
 * code-scanning service shows: the first use as the location, the others as related locations; else at the files
 * of the model repo its evidence points into.
 */
function toResult(result: CheckResult, finding: Finding, ruleIndex: number) {
  const logicalLocations = [{ fullyQualifiedName: `${result.model}@${result.revision}`, kind: "module" }];
  const uses = result.uses ?? [];
  const located =
    uses.length > 0
      ? locatedAt(uses, logicalLocations)
      : { locations: toLocations(evidencePlaces(finding.evidence), logicalLocations) };
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: formatFindingMessage(finding) },
    ...located,
    ...(finding.waiver ? { suppressions: [{ kind: "external", justification: finding.waiver.reason }] } : {}),
    properties: { model: result.model, revision: result.revision, ...findingProperties(finding) },
  };
}

function projectResults(project: ProjectReport | undefined, ruleIndex: Map<FindingCode, number>) {
  if (!project) return [];
  return project.findings.map((finding) => toProjectResult(project, finding, ruleIndex.get(finding.code) ?? 0));
}

/** A finding about the project's code or its lic.lock, located at its code and lock evidence. */
function toProjectResult(project: ProjectReport, finding: Finding, ruleIndex: number) {
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: formatFindingMessage(finding) },
    ...locatedAt(evidencePlaces(finding.evidence), []),
    properties: { project: { root: project.root, lock: project.lock }, ...findingProperties(finding) },
  };
}

function findingProperties(finding: Finding) {
  return {
    severity: finding.severity,
    evidence: finding.evidence,
    ...(finding.rule ? { rule: finding.rule } : {}),
    ...(finding.term ? { term: finding.term } : {}),
    ...(finding.waiver ? { waiver: finding.waiver } : {}),
  };
}

/**
 * Each distinct place the evidence points into: a path in the model repo at its revision, or in the scanned project
 * for code and lock evidence.
 */
function evidencePlaces(evidence: Evidence[]): EvidenceFile[] {
  const seen = new Set<string>();
  return evidence.flatMap((entry) => {
    const place = fileOf(entry);
    if (!place) return [];
    const key = `${place.file}\0${place.line ?? ""}\0${place.column ?? ""}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [place];
  });
}

/** Each place with the logical location; the logical location alone when there is no place. */
function toLocations(places: EvidenceFile[], logicalLocations: LogicalLocation[]) {
  if (places.length > 0) return places.map((place) => toLocation(place, logicalLocations));
  return logicalLocations.length > 0 ? [{ logicalLocations }] : [];
}

/**
 * The first place as the result's location, the others as related locations: code-scanning services show a
 * result at its first location only, and a model loaded in ten files is one finding, not ten.
 */
function locatedAt(places: EvidenceFile[], logicalLocations: LogicalLocation[]) {
  const [first, ...others] = places;
  return {
    locations: toLocations(first ? [first] : [], logicalLocations),
    ...(others.length > 0 ? { relatedLocations: others.map((place, index) => relatedLocation(place, index + 1)) } : {}),
  };
}

function toLocation(place: EvidenceFile, logicalLocations: LogicalLocation[]) {
  return {
    physicalLocation: physicalLocation(place),
    ...(logicalLocations.length > 0 ? { logicalLocations } : {}),
  };
}

/** Another place the code loads the model; `id` numbers it, as SARIF asks of related locations. */
function relatedLocation(place: EvidenceFile, id: number) {
  return { id, physicalLocation: physicalLocation(place) };
}

function physicalLocation(place: EvidenceFile) {
  const region =
    place.line !== undefined && place.line >= 1
      ? {
          startLine: place.line,
          ...(place.column !== undefined && place.column >= 1 ? { startColumn: place.column } : {}),
        }
      : undefined;
  return { artifactLocation: { uri: pathToUri(place.file) }, ...(region ? { region } : {}) };
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
