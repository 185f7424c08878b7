import { hash } from "node:crypto";
import { findingInfo } from "../findings/finding-info.js";
import type { Evidence, Finding, FindingCode, Severity } from "../types/finding.js";
import type { CheckResult, ModelError, ProjectReport, RunReport } from "../types/result.js";
import { byCodePoint } from "../util/compare.js";
import { type DatasetDeclaration, datasetDeclaration, repoOfCommit } from "./dataset-declaration.js";
import { docsUrl, HOMEPAGE } from "./docs-url.js";
import { type EvidenceFile, fileOf } from "./evidence-file.js";
import { FINDING_PAGES } from "./finding-pages.js";
import { formatFindingMessage } from "./format-message.js";
import type { Render } from "./renderer.js";
import { repoLabel } from "./repo-label.js";
import { type PolicyFile, runPolicyFile, type UserLocation, userLocation } from "./user-location.js";
import { policyView } from "./view-policy.js";

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
  const policy = runPolicyFile(report);

  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: HOMEPAGE,
            rules: codes.map(sarifRule),
          },
        },
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            endTimeUtc: report.generatedAt,
            toolExecutionNotifications: [...defaultPolicyNotice(report), ...report.errors.map(toNotification)],
          },
        ],
        results: [
          ...report.results.flatMap((result) =>
            result.findings.map((finding) => toResult(result, finding, ruleIndex.get(finding.code) ?? 0, policy)),
          ),
          ...projectResults(report.project, ruleIndex, policy),
        ],
        properties: { policy: report.policy, generatedAt: report.generatedAt },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A finding code as a rule: its title, the docs page's first paragraph as description, the whole page as help. */
export function sarifRule(code: FindingCode) {
  const page = FINDING_PAGES[code];
  return {
    id: code,
    shortDescription: { text: findingInfo[code].title },
    fullDescription: { text: firstParagraph(page) },
    helpUri: docsUrl(code),
    help: { text: page, markdown: page },
  };
}

/**
 * The first paragraph of a docs page that explains the code in prose: headings dropped, and the bold title and
 * severity line (shortDescription says the title) and tables skipped; Markdown emphasis dropped, lines joined.
 */
function firstParagraph(page: string): string {
  const withoutHeadings = page.replace(/^#.*$/gm, "");
  const paragraphs = withoutHeadings.split(/\n\s*\n/).map((paragraph) => paragraph.trim());
  const prose = paragraphs.find(
    (paragraph) => paragraph !== "" && !TITLE_LINE.test(paragraph) && !paragraph.startsWith("|"),
  );
  return (prose ?? paragraphs.join(" ")).replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
}

/** A docs page's second line: `**No license declared.** Default severity: ...`. */
const TITLE_LINE = /^\*\*[^*]+\*\* (Default s|S)everity/;

type LogicalLocation = { fullyQualifiedName: string; kind: string };

/**
 * A model's finding, located where the user's repository has a place for it (user-location.ts): the first use of
 * the model in the code, the others as related locations; the model itself kept as the logical location, and the
 * Hub files its evidence points into kept as links in the properties, never as a location.
 */
function toResult(result: CheckResult, finding: Finding, ruleIndex: number, policy: PolicyFile) {
  const label = repoLabel(result.repoType ?? "model", result.model);
  const logicalLocations = [{ fullyQualifiedName: `${label}@${result.revision}`, kind: "module" }];
  const place = userLocation(finding, result.uses, policy);
  const others = place.kind === "use" ? (result.uses ?? []).slice(1) : [];
  const declaration = datasetDeclaration(result, finding);
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: {
      text: `${label}@${result.revision.slice(0, 12)}: ${formatFindingMessage(finding)}${namedAt(declaration)}`,
    },
    ...locatedAt(place, others, logicalLocations),
    partialFingerprints: fingerprint(finding, label),
    ...(finding.waiver ? { suppressions: [{ kind: "external", justification: finding.waiver.reason }] } : {}),
    properties: {
      model: result.model,
      ...(result.repoType ? { repoType: result.repoType } : {}),
      revision: result.revision,
      ...locationProperties(place),
      ...datasetProperties(declaration),
      ...hubFiles(repoOfCommit(result), finding.evidence),
      ...findingProperties(finding),
    },
  };
}

/** ` (training data: dataset:org/name, named at org/model README.md:12)`: which data, and where its card says so. */
function namedAt(declaration: DatasetDeclaration | null): string {
  if (declaration === null) return "";
  return ` (training data: ${repoLabel("dataset", declaration.dataset.id)}, named at ${declaration.label})`;
}

/**
 * The dataset a finding is about, and the card line naming it as a link: the line is on the Hub, so it is kept here
 * and in hubFiles, never as the result's location (user-location.ts).
 */
function datasetProperties(declaration: DatasetDeclaration | null) {
  if (declaration === null) return {};
  const { id, sha, declaredBy, via, depth } = declaration.dataset;
  return {
    dataset: { id, sha, declaredBy, via, depth },
    ...(declaration.url === null ? {} : { datasetNamedAt: declaration.url }),
  };
}

function projectResults(project: ProjectReport | undefined, ruleIndex: Map<FindingCode, number>, policy: PolicyFile) {
  if (!project) return [];
  return project.findings.map((finding) => toProjectResult(project, finding, ruleIndex.get(finding.code) ?? 0, policy));
}

/** A finding about the project's code or its lic.lock, located at its first code or lock evidence, the others related. */
function toProjectResult(project: ProjectReport, finding: Finding, ruleIndex: number, policy: PolicyFile) {
  const place = userLocation(finding, undefined, policy);
  const others = evidencePlaces(finding.evidence).filter((other) => !samePlace(other, place));
  return {
    ruleId: finding.code,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: formatFindingMessage(finding) },
    ...locatedAt(place, others, []),
    partialFingerprints: fingerprint(finding, null),
    properties: {
      project: { root: project.root, lock: project.lock },
      ...locationProperties(place),
      ...findingProperties(finding),
    },
  };
}

/**
 * What identifies a finding across runs, whatever line it is found at: its code, its model and its args. Code
 * scanning matches alerts by it, so a finding that moves with an edit above it stays one alert.
 */
function fingerprint(finding: Finding, model: string | null): Record<string, string> {
  const identity = canonicalJson([finding.code, model, finding.args]);
  return { "licFinding/v1": hash("sha256", identity, "hex") };
}

/** JSON with object keys sorted, so the same args hash alike whatever order they were built in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
    entries.sort(([a], [b]) => byCodePoint(a, b));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Why the result stands where it does: a reader of a built-in policy's line must know it is lic's file, not theirs. */
function locationProperties(place: UserLocation) {
  return { locatedAt: place.kind, ...(place.builtIn ? { locatedAtBuiltInPolicy: true } : {}) };
}

/**
 * The Hub files the evidence points into, as links to them at the commit cited, in the repo of that commit (the
 * checked repo's, or a dataset's and the card naming it: `repoOf`).
 */
function hubFiles(repoOf: (commit: string) => string, evidence: Evidence[]) {
  const links = evidence.flatMap((entry) => {
    if ((entry.source !== "file" && entry.source !== "card") || entry.file === undefined) return [];
    const line = entry.line === undefined ? "" : `#L${entry.line}`;
    return [`https://huggingface.co/${repoOf(entry.commit)}/blob/${entry.commit}/${pathToUri(entry.file)}${line}`];
  });
  const distinct = [...new Set(links)];
  return distinct.length > 0 ? { hubFiles: distinct } : {};
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

/** Each distinct place the code and lock evidence points into, in the scanned project. */
function evidencePlaces(evidence: Evidence[]): EvidenceFile[] {
  const seen = new Set<string>();
  return evidence.flatMap((entry) => {
    if (entry.source !== "code" && entry.source !== "lock") return [];
    const place = fileOf(entry);
    if (!place) return [];
    const key = `${place.file}\0${place.line ?? ""}\0${place.column ?? ""}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [place];
  });
}

function samePlace(a: EvidenceFile, b: EvidenceFile): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/**
 * The place as the result's location, the others as related locations: code-scanning services show a result at
 * its first location only, and a model loaded in ten files is one finding, not ten.
 */
function locatedAt(place: EvidenceFile, others: EvidenceFile[], logicalLocations: LogicalLocation[]) {
  return {
    locations: [
      { physicalLocation: physicalLocation(place), ...(logicalLocations.length > 0 ? { logicalLocations } : {}) },
    ],
    ...(others.length > 0 ? { relatedLocations: others.map((other, index) => relatedLocation(other, index + 1)) } : {}),
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

/** When nothing named a policy, the run says so where code scanning shows a run's notices. */
function defaultPolicyNotice(report: RunReport) {
  const warning = policyView(report.policy).defaultWarning;
  return warning ? [{ level: "warning", message: { text: warning }, descriptor: { id: "default-policy" } }] : [];
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
