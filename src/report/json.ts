import { findingInfo } from "../findings/finding-info.js";
import type { Finding } from "../types/finding.js";
import type { CheckResult, ProjectReport, RunReport } from "../types/result.js";
import { formatFindingMessage } from "./format-message.js";
import type { Render } from "./renderer.js";

/**
 * Version of the JSON result format (docs/json-output.md). Adding fields keeps the version;
 * renaming, removing or changing the meaning of one bumps it.
 */
export const JSON_SCHEMA_VERSION = 1;

/** The machine-readable result: stable field order, the time from the report, so equal inputs give equal bytes. */
export function formatJson(report: RunReport): string {
  const document = {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: report.tool,
    policy: report.policy,
    generatedAt: report.generatedAt,
    results: report.results.map(toJsonResult),
    errors: report.errors,
    // Only after a scan (lic check --scan, --locked): other runs keep the document they always had.
    ...(report.project ? { project: toJsonProject(report.project) } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function toJsonResult(result: CheckResult) {
  return {
    model: result.model,
    // Only for a dataset, and only when datasets were read: a model's result keeps the document it always had.
    ...(result.repoType ? { repoType: result.repoType } : {}),
    requested: result.requested,
    revision: result.revision,
    gated: result.gated,
    verdict: result.verdict,
    license: result.license,
    findings: result.findings.map(toJsonFinding),
    obligations: result.obligations,
    lineage: result.lineage,
    ...(result.datasets ? { datasets: result.datasets } : {}),
    ...(result.about ? { about: result.about } : {}),
    gaps: result.gaps,
    ...(result.uses ? { uses: result.uses } : {}),
  };
}

function toJsonProject(project: ProjectReport) {
  return {
    root: project.root,
    lock: project.lock,
    findings: project.findings.map(toJsonFinding),
    // Schema version 1 listed the datasets the code loads here before they were checked; kept for its readers.
    datasets: project.datasets,
  };
}

/** One finding as the JSON result gives it; the registry gate's refusals carry the same shape. */
export function toJsonFinding(finding: Finding) {
  return {
    code: finding.code,
    severity: finding.severity,
    message: formatFindingMessage(finding),
    title: findingInfo[finding.code].title,
    docs: findingInfo[finding.code].docs,
    args: finding.args,
    evidence: finding.evidence,
    ...(finding.rule ? { rule: finding.rule } : {}),
    ...(finding.term ? { term: finding.term } : {}),
    ...(finding.advisory ? { advisory: finding.advisory } : {}),
    ...(finding.waiver ? { waiver: finding.waiver } : {}),
  };
}

export const render: Render = (report) => ({ output: formatJson(report) });
