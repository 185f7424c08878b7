import { findingInfo } from "../findings/finding-info.js";
import { describeText } from "../identify/describe-text.js";
import type { RepoKind } from "../types/code-reference.js";
import type {
  Evidence,
  Finding,
  FindingCode,
  RuleReference,
  Severity,
  TermReference,
  WaiverReference,
} from "../types/finding.js";
import type {
  CheckResult,
  CodeUse,
  LicenseAnalysis,
  ModelError,
  ObligationDue,
  ProjectReport,
  RunReport,
  Verdict,
} from "../types/result.js";
import type { Ancestor, EvidenceGap } from "../types/snapshot.js";
import { datasetOf } from "./dataset-of.js";
import { docsUrl } from "./docs-url.js";
import { type EvidenceFile, fileOf } from "./evidence-file.js";
import { formatFindingMessage } from "./format-message.js";
import { repoLabel } from "./repo-label.js";
import { type EvidenceItemView, EvidenceNumbering } from "./view-evidence.js";
import { consolidateObligations, type ObligationView } from "./view-obligations.js";
import { type PolicyView, policyView } from "./view-policy.js";
import { bySeverity, type TotalsView, totalsView, verdictReason } from "./view-summary.js";
import {
  type DatasetNode as DatasetNodeOf,
  ownFindings,
  type TrainingDataView as TrainingDataOf,
  trainingDataView,
} from "./view-training-data.js";

export type { EvidenceItemView } from "./view-evidence.js";
export type { ObligationView } from "./view-obligations.js";
export type { AssumptionView, PolicyView } from "./view-policy.js";
export type { TotalsView } from "./view-summary.js";
export { flattenDatasets } from "./view-training-data.js";

/**
 * The document every human format shows, decided once: what a model section holds and in which order its parts come.
 * Renderers (text, markdown, html, github, junit, sarif) only spell it, each with its own escaping.
 */
export interface ReportView {
  /** The tool's name and version, `lic 0.1.0`. */
  tool: string;
  /** Name and digest, how it was chosen (a warning when nothing named one), and the context it assumes, in words. */
  policy: PolicyView;
  generatedAt: string;
  /** Models by verdict, not checked, findings by severity: what a reader sees before any model. */
  totals: TotalsView;
  /** Every duty the licenses in force put on the organization, once each, with the models it applies to. */
  obligations: ObligationView[];
  models: ModelView[];
  notChecked: NotCheckedView[];
  /** What the run found about the scanned code and its lic.lock; null when the models were not found by a scan. */
  project: ProjectView | null;
}

/** Where the project's code loads a repo: empty lists when the run was not a scan. */
export interface UsesView {
  /** In the order the scan found them (file, line, column). */
  uses: CodeUse[];
  /** Each use as `file:line`. */
  usedAt: string[];
  /** The first few uses, `src/app.py:12, src/b.py:3 and 4 more`; null when there are none. */
  usedAtSummary: string | null;
}

/** The scanned project's own part of the report: findings about its code and lic.lock, the datasets it loads. */
export interface ProjectView {
  /** The section's heading in every format. */
  heading: string;
  root: string;
  lock: string | null;
  /** Most severe first. */
  findings: FindingView[];
  /** The evidence the findings cite, once each; a finding's `evidenceRefs` point here. */
  evidence: EvidenceItemView[];
}

export interface ModelView extends UsesView {
  /** The repo as reports name it: a model's id, or `dataset:org/name` for a dataset checked on its own. */
  model: string;
  kind: RepoKind;
  revision: string;
  /** The resolved commit as people quote it: its first 12 hex digits. */
  shortRevision: string;
  verdict: Verdict;
  verdictLabel: string;
  /** Why the verdict, in one line: the most severe finding, or the licenses when nothing needs acting on. */
  reason: string;
  requested: { model: string; revision: string };
  /** The id the model was asked for by, when the Hub resolved it to another (a renamed repo). */
  requestedAs: string | null;
  /** Whether what was asked for (id or revision) differs from what was checked. */
  resolvedOtherwise: boolean;
  gated: string | null;
  /** The effective license ids, declared first. */
  licenseIds: string[];
  licenses: LicenseView[];
  unidentified: (LicenseAnalysis["unidentified"][number] & { evidenceRefs: string[] })[];
  expression: string | null;
  choices: LicenseAnalysis["choices"];
  lineage: LineageNode[];
  texts: TextView[];
  gaps: EvidenceGap[];
  obligations: ObligationDue[];
  /** The refs (`O1`) of this model's duties in the report's consolidated `obligations`. */
  obligationRefs: string[];
  /** Most severe first (error, warning, info); the checks' order within a severity. Its datasets' findings too. */
  findings: FindingView[];
  /** `findings` but those shown under a dataset of `trainingData`: what its own Findings list shows. */
  ownFindings: FindingView[];
  /** The datasets its cards name, with their findings; null when none were read (no section then). */
  trainingData: TrainingDataView | null;
  /** The evidence its licenses and findings cite, once each, numbered in the order they cite it. */
  evidence: EvidenceItemView[];
}

export interface LicenseView {
  id: string;
  /** The catalog's name, when it says more than the id. */
  name: string | null;
  /** Where it comes from (declared, detected, inherited), and whether the catalog lacks it. */
  about: string;
  evidence: Evidence[];
  /** `evidence` as refs into the model's numbered list. */
  evidenceRefs: string[];
}

/** An ancestor with the ancestors it derives from; a cycle is shown once and not followed. */
export interface LineageNode {
  relation: Ancestor["relation"];
  id: string;
  sha: string | null;
  licenses: string[];
  unavailable: Ancestor["unavailable"];
  parents: LineageNode[];
}

export interface TextView {
  name: string;
  sha256: string;
  /** `10279 bytes`, `, truncated` when lic read only the start. */
  size: string;
  matches: { verb: "is" | "nearly"; document: string; percent: number }[];
}

export interface FindingView {
  severity: Severity;
  code: FindingCode;
  title: string;
  message: string;
  docsUrl: string;
  /** The files (and lines) its evidence points into, in evidence order. */
  files: EvidenceFile[];
  /** The first of `files` as `file:line` (or the file alone), for the formats that name one place; null without files. */
  at: string | null;
  /** What stands under the message, in the order every format shows it. */
  details: FindingDetail[];
  /** Its evidence as refs (`E1`) into the section's numbered list, for the formats that list evidence once. */
  evidenceRefs: string[];
  /** The license the finding is about, by the model's name for it; null for the model as a whole. */
  licenseName: string | null;
  /** The clause it rests on, if any (also among `details`). */
  term: TermReference | null;
  /** The dataset it is about (its `args.dataset`); null for the repo itself. */
  dataset: string | null;
}

/** A repo's training data as every format shows it, each dataset's findings spelled as the model's own. */
export type TrainingDataView = TrainingDataOf<FindingView>;
export type DatasetNode = DatasetNodeOf<FindingView>;

/** One line under a finding's message; every renderer spells each kind (the compiler keeps the switches complete). */
export type FindingDetail =
  | { kind: "evidence"; evidence: Evidence }
  | { kind: "clause"; term: TermReference }
  | { kind: "rule"; rule: RuleReference }
  | { kind: "waiver"; waiver: WaiverReference }
  | { kind: "docs"; code: FindingCode; url: string };

export interface NotCheckedView extends UsesView {
  model: string;
  revision: string | null;
  /** `model@revision`, or the model alone when no revision was resolved. */
  name: string;
  kind: string;
  message: string;
}

const VERDICT_LABEL: Record<Verdict, string> = { allow: "ALLOW", warn: "WARN", block: "BLOCK" };
/** The label a model that could not be decided carries where a verdict would stand. */
export const NOT_CHECKED = "NOT CHECKED";
/** How many uses a summary names before it counts the rest: a model loaded in forty places stays one line. */
const USES_SHOWN = 5;

export function reportView(report: RunReport): ReportView {
  const consolidated = consolidateObligations(
    report.results.map((result) => ({
      model: labelOf(result),
      obligations: result.obligations,
      licenseName: licenseNamer(result),
    })),
  );
  const models = report.results.map((result, index) => modelView(result, consolidated.refs[index]!));
  const project = report.project ? projectView(report.project) : null;
  const severities = [...models, ...(project ? [project] : [])].flatMap((part) =>
    part.findings.map((finding) => finding.severity),
  );
  return {
    tool: `${report.tool.name} ${report.tool.version}`,
    policy: policyView(report.policy),
    generatedAt: report.generatedAt,
    totals: totalsView(
      models.map((model) => model.verdict),
      report.errors.length,
      severities,
      models.filter((model) => model.kind === "dataset").length,
    ),
    obligations: consolidated.list,
    models,
    notChecked: report.errors.map(notCheckedView),
    project,
  };
}

/** The name a license of the result goes by (the catalog's, as its mention carries it), else its id. */
function licenseNamer(result: CheckResult): (id: string) => string {
  return (id) => result.license.licenses.find((mention) => mention.id === id)?.name ?? id;
}

function projectView(project: ProjectReport): ProjectView {
  const numbering = new EvidenceNumbering();
  const noLicenseNames = (id: string) => id;
  return {
    heading: "Code and lic.lock",
    root: project.root,
    lock: project.lock,
    findings: bySeverity(project.findings).map((finding) => findingView(finding, numbering, noLicenseNames)),
    evidence: numbering.items,
  };
}

function usesView(uses: CodeUse[] = []): UsesView {
  const usedAt = uses.map(placeName);
  return { uses, usedAt, usedAtSummary: summarizeUses(usedAt) };
}

function placeName(place: EvidenceFile): string {
  return place.line === undefined ? place.file : `${place.file}:${place.line}`;
}

function summarizeUses(usedAt: string[]): string | null {
  if (usedAt.length === 0) return null;
  const shown = usedAt.slice(0, USES_SHOWN).join(", ");
  const rest = usedAt.length - USES_SHOWN;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

/** The repo's name in every report: `dataset:org/name` for a dataset, a model's id as it always was. */
function labelOf(result: CheckResult): string {
  return repoLabel(result.repoType ?? "model", result.model);
}

function modelView(result: CheckResult, obligationRefs: string[]): ModelView {
  const { license } = result;
  const kind = result.repoType ?? "model";
  const requested = { model: repoLabel(kind, result.requested.model), revision: result.requested.revision };
  const model = labelOf(result);
  // Numbered in reading order: the licenses' evidence first, then the findings', most severe first, then the
  // training data's: each dataset's, then its findings'.
  const numbering = new EvidenceNumbering(kind === "dataset" ? "the dataset card" : undefined);
  const licenses = license.licenses.map((mention) => ({
    id: mention.id,
    name: mention.name === mention.id ? null : mention.name,
    about: `${mention.sources.join(", ")}${mention.known ? "" : ", not in catalog"}`,
    evidence: mention.evidence,
    evidenceRefs: numbering.refsOf(mention.evidence),
  }));
  const unidentified = license.unidentified.map((entry) => ({
    ...entry,
    evidenceRefs: numbering.refsOf(entry.evidence),
  }));
  const sorted = bySeverity(result.findings);
  const views = new Map<Finding, FindingView>();
  const viewOf = (finding: Finding) => {
    const view = findingView(finding, numbering, licenseNamer(result));
    views.set(finding, view);
    return view;
  };
  const own = ownFindings(result, sorted).map(viewOf);
  const trainingData = trainingDataView(result, sorted, numbering, viewOf);
  const findings = sorted.map((finding) => views.get(finding)!);
  return {
    model,
    kind,
    revision: result.revision,
    shortRevision: shortSha(result.revision),
    verdict: result.verdict,
    verdictLabel: VERDICT_LABEL[result.verdict],
    reason: verdictReason(findings, license.ids, obligationRefs.length),
    requested,
    requestedAs: requested.model === model ? null : requested.model,
    resolvedOtherwise: requested.model !== model || requested.revision !== result.revision,
    gated: result.gated || null,
    licenseIds: license.ids,
    licenses,
    unidentified,
    expression: license.expression,
    choices: license.choices,
    lineage: lineageOf(result.lineage, result.model, new Set([result.model])),
    texts: license.texts.map((text) => ({
      name: describeText(text),
      sha256: text.sha256,
      size: `${text.bytes} bytes${text.truncated ? ", truncated" : ""}`,
      matches: text.matches.map((match) => ({
        verb: match.kind === "exact" ? "is" : "nearly",
        document: match.document,
        percent: Math.round(match.score * 100),
      })),
    })),
    gaps: result.gaps,
    obligations: result.obligations,
    obligationRefs,
    findings,
    ownFindings: own,
    trainingData,
    evidence: numbering.items,
    ...usesView(result.uses),
  };
}

/** The ancestors of `child`, each with its own; `path` holds the ids above, so a cycle ends the walk. */
function lineageOf(lineage: Ancestor[], child: string, path: Set<string>): LineageNode[] {
  return lineage
    .filter((ancestor) => ancestor.parent === child)
    .map((ancestor) => ({
      relation: ancestor.relation,
      id: ancestor.id,
      sha: ancestor.sha,
      licenses: ancestor.licenses,
      unavailable: ancestor.unavailable,
      parents:
        ancestor.unavailable || path.has(ancestor.id)
          ? []
          : lineageOf(lineage, ancestor.id, new Set([...path, ancestor.id])),
    }));
}

function findingView(finding: Finding, numbering: EvidenceNumbering, licenseName: (id: string) => string): FindingView {
  const url = docsUrl(finding.code);
  const details: FindingDetail[] = finding.evidence.map((evidence) => ({ kind: "evidence", evidence }));
  if (finding.term) details.push({ kind: "clause", term: finding.term });
  if (finding.rule) details.push({ kind: "rule", rule: finding.rule });
  if (finding.waiver) details.push({ kind: "waiver", waiver: finding.waiver });
  details.push({ kind: "docs", code: finding.code, url });
  const files = finding.evidence.flatMap((evidence) => fileOf(evidence) ?? []);
  return {
    severity: finding.severity,
    code: finding.code,
    title: findingInfo[finding.code].title,
    message: formatFindingMessage(finding),
    docsUrl: url,
    files,
    at: files[0] ? placeName(files[0]) : null,
    details,
    evidenceRefs: numbering.refsOf(finding.evidence),
    licenseName: finding.subject ? licenseName(finding.subject.license) : null,
    dataset: datasetOf(finding),
    term: finding.term ?? null,
  };
}

function notCheckedView(error: ModelError): NotCheckedView {
  return {
    model: error.model,
    revision: error.revision,
    name: error.revision ? `${error.model}@${error.revision}` : error.model,
    kind: error.kind,
    message: error.message,
    ...usesView(error.uses),
  };
}

function shortSha(sha: string): string {
  return sha.slice(0, 12);
}

/** The ancestors in reading order, each with how deep it stands (0 for a parent): for the formats that indent. */
export function flattenLineage(nodes: LineageNode[], depth = 0): { node: LineageNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenLineage(node.parents, depth + 1)]);
}
