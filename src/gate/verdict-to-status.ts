import type { Policy } from "../policy/policy.js";
import { toJsonFinding } from "../report/json.js";
import type { DecisionOutcome } from "./decision.js";

export type GateMode = "enforce" | "annotate";

/** A refusal of file bytes: the status, the one line for people, and the body's fields beside `error`. */
export interface Refusal {
  status: 403 | 503;
  reason: string;
  details: object;
}

/**
 * The HTTP twin of the CLI's exit code: null to serve. Enforce refuses a blocked model (403) and, unless the policy
 * says otherwise (`undecided: allow`), one it could not decide on (503); annotate refuses nothing.
 */
export function verdictToStatus(outcome: DecisionOutcome, mode: GateMode, policy: Policy): Refusal | null {
  if (mode === "annotate") return null;
  if (outcome.ok) {
    const { decision } = outcome;
    if (decision.verdict !== "block") return null;
    return {
      status: 403,
      reason: decision.reason,
      details: {
        model: decision.model,
        sha: decision.sha,
        verdict: decision.verdict,
        policy: { name: policy.name, digest: policy.digest },
        findings: decision.result.findings.filter((finding) => finding.severity !== "info").map(toJsonFinding),
      },
    };
  }
  if ((policy.undecided?.value ?? "block") !== "block") return null;
  return {
    status: 503,
    reason: `lic gate could not decide on this model, so its files are held back (the policy fails closed): ${outcome.message}`,
    details: { kind: outcome.kind, findings: [] },
  };
}
