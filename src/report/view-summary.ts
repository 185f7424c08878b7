import type { Severity } from "../types/finding.js";
import type { Verdict } from "../types/result.js";
import { plural, repoCount } from "./view-words.js";

/** The severities most severe first: the order findings are listed in, and the one a verdict's reason starts from. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

const SEVERITY_NOUN: Record<Severity, string> = { error: "error", warning: "warning", info: "note" };

/** `findings` most severe first; findings of one severity keep the order the checks gave them. */
export function bySeverity<T extends { severity: Severity }>(findings: T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** What the reason needs of a finding (a FindingView has all of it). */
export interface ReasonFinding {
  severity: Severity;
  code: string;
  title: string;
  /** The license the finding is about, by its name; null for the model as a whole. */
  licenseName: string | null;
  /** The clause it rests on, whose section (`§1.b.i`) the reason names. */
  term: { section?: string } | null;
}

/**
 * The verdict's reason in one line, from the most severe finding (`license-missing: no license declared`), with a count
 * of the other findings that matter; without errors or warnings, the licenses and what is still owed.
 */
export function verdictReason(sorted: ReasonFinding[], licenseIds: string[], obligations: number): string {
  const top = sorted[0];
  if (top && top.severity !== "info")
    return `${top.code}: ${lowerFirst(top.title)}${about(top)}${others(top.severity, sorted.slice(1))}`;
  const licenses = licenseIds.length > 0 ? licenseIds.join(", ") : "no license identified";
  const notes = sorted.length > 0 ? `no findings to act on (${plural(sorted.length, "note")})` : "no findings";
  const owed = obligations > 0 ? `; ${plural(obligations, "obligation")} to meet` : "; no obligations";
  return `${licenses}: ${notes}${owed}`;
}

function about(finding: ReasonFinding): string {
  const parts = [finding.licenseName, finding.term?.section ?? null].filter((part): part is string => part !== null);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** `; 1 more error, 2 warnings`: the rest that a reviewer must also read (notes do not count). */
function others(top: Severity, rest: ReasonFinding[]): string {
  const counts = (["error", "warning"] as const).flatMap((severity) => {
    const count = rest.filter((finding) => finding.severity === severity).length;
    const noun = severity === top ? `more ${SEVERITY_NOUN[severity]}` : SEVERITY_NOUN[severity];
    return count === 0 ? [] : [plural(count, noun)];
  });
  return counts.length > 0 ? `; ${counts.join(", ")}` : "";
}

/** `No license declared` → `no license declared`; a leading acronym (`OSI`) stays. */
function lowerFirst(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

/** The run at a glance: models by verdict, the ones not checked, findings by severity. */
export interface TotalsView {
  /** Every model the run was asked about, checked or not. */
  models: number;
  byVerdict: Record<Verdict, number>;
  notChecked: number;
  /** Findings of the models and of the project, by severity. */
  findings: Record<Severity, number>;
  /** `5 models: 1 allowed, 1 allowed with warnings, 2 blocked, 1 not checked`. */
  verdictLine: string;
  /** `findings: 2 errors, 5 warnings, 0 notes`. */
  findingsLine: string;
}

/** `datasets`: how many of the checked repos are datasets, which the verdict line counts apart. */
export function totalsView(verdicts: Verdict[], notChecked: number, severities: Severity[], datasets = 0): TotalsView {
  const byVerdict = { allow: 0, warn: 0, block: 0 };
  for (const verdict of verdicts) byVerdict[verdict] += 1;
  const findings = { error: 0, warning: 0, info: 0 };
  for (const severity of severities) findings[severity] += 1;
  const models = verdicts.length + notChecked;
  return {
    models,
    byVerdict,
    notChecked,
    findings,
    verdictLine:
      `${repoCount(models, datasets)}: ${byVerdict.allow} allowed, ${byVerdict.warn} allowed with warnings, ` +
      `${byVerdict.block} blocked, ${notChecked} not checked`,
    findingsLine: `findings: ${SEVERITY_ORDER.map((severity) => plural(findings[severity], SEVERITY_NOUN[severity])).join(", ")}`,
  };
}
