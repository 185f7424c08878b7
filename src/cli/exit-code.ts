import type { RunReport } from "../types/result.js";

/** Exit codes, documented in README.md. Findings are not failures of the tool, and the codes keep them apart. */
export const ExitCode = {
  /** Every model checked, none blocked. */
  ok: 0,
  /** At least one model blocked by the policy, or an error about the project's code or lic.lock (a drift). */
  blocked: 1,
  /** Bad usage, policy or input: nothing was checked. */
  usage: 2,
  /** The tool could not decide on at least one model (Hub unreachable, repo missing, upstream failing). */
  undecided: 3,
} as const;

/**
 * A block is a decision that stands whatever else failed, so it outranks "could not decide":
 * retrying a run that already blocked a model cannot make it pass.
 */
export function exitCodeFor(report: RunReport): number {
  if (report.results.some((result) => result.verdict === "block")) return ExitCode.blocked;
  if (report.project?.findings.some((finding) => finding.severity === "error")) return ExitCode.blocked;
  if (report.errors.length > 0) return ExitCode.undecided;
  return ExitCode.ok;
}
