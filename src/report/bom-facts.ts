/** What lic decided about a repo and a run, as name-value pairs both BOM formats carry (CycloneDX properties, SPDX annotations). */
import type { Catalog } from "../catalog/catalog.js";
import type { CheckResult, ModelError, RunReport } from "../types/result.js";
import { concludedLicense, declaredLicense } from "./bom-licenses.js";
import { formatFindingMessage } from "./format-message.js";

/** A name in lic's namespace (`lic:verdict`) and its value. */
export interface BomFact {
  name: `lic:${string}`;
  value: string;
}

/** SPDX's word for "nothing is known", which CycloneDX lacks: a fact says it the same way in both. */
const NO_ASSERTION = "NOASSERTION";

/** The verdict, the policy it was reached under, the licenses declared and concluded, and every finding. */
export function resultFacts(result: CheckResult, report: RunReport, catalog: Catalog): BomFact[] {
  return [
    fact("verdict", result.verdict),
    fact("policy", report.policy.name),
    fact("policy-digest", report.policy.digest),
    fact("requested", `${result.requested.model}@${result.requested.revision}`),
    ...(result.gated ? [fact("gated", result.gated)] : []),
    fact("declared-license", declaredLicense(result, catalog)?.expression ?? NO_ASSERTION),
    fact("concluded-license", concludedLicense(result, catalog)?.expression ?? NO_ASSERTION),
    ...result.license.choices.map((choice) => fact("license-choice", `${choice.expression} → ${choice.chosen}`)),
    ...result.findings.map((finding) =>
      fact("finding", `${finding.severity} ${finding.code}: ${formatFindingMessage(finding)}`),
    ),
    ...result.obligations.map((due) => fact("obligation", `${due.license} ${due.kind} (${due.when})`)),
    ...result.gaps.map((gap) => fact("evidence-gap", `${gap.path}: ${gap.reason}`)),
  ];
}

/** The run's own facts: the policy, how it was chosen, and each model lic could not decide on. */
export function runFacts(report: RunReport): BomFact[] {
  return [
    fact("policy", report.policy.name),
    fact("policy-digest", report.policy.digest),
    ...(report.policy.chosenBy ? [fact("policy-chosen-by", report.policy.chosenBy)] : []),
    ...report.errors.map((error) => fact("not-checked", notChecked(error))),
    ...(report.project?.findings ?? []).map((finding) =>
      fact("project-finding", `${finding.severity} ${finding.code}: ${formatFindingMessage(finding)}`),
    ),
  ];
}

function notChecked(error: ModelError): string {
  return `${error.model}${error.revision ? `@${error.revision}` : ""} (${error.kind}): ${error.message}`;
}

/** A fact about an ancestor or a dataset: why it could not be read. */
export function unavailableFacts(unavailable: { reason: string; message: string } | null): BomFact[] {
  return unavailable ? [fact("unavailable", `${unavailable.reason}: ${unavailable.message}`)] : [];
}

export function fact(name: string, value: string | number): BomFact {
  return { name: `lic:${name}`, value: String(value) };
}
