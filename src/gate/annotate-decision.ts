import type { DecisionOutcome } from "./decision.js";
import type { HeaderMap } from "./headers.js";

/**
 * The decision in X-Lic-* headers, on every model answer in both modes. X-Lic-Reason is free text: `send` redacts
 * it, then fits it to one line (in that order; see `fitReply`).
 */
export function annotateDecision(headers: HeaderMap, outcome: DecisionOutcome, policyHeader: string): void {
  headers["x-lic-policy"] = policyHeader;
  if (!outcome.ok) {
    headers["x-lic-verdict"] = "undecided";
    headers["x-lic-reason"] = outcome.message;
    return;
  }
  headers["x-lic-verdict"] = outcome.decision.verdict;
  if (outcome.decision.codes.length > 0) headers["x-lic-findings"] = outcome.decision.codes.join(",");
  if (outcome.decision.verdict !== "allow") headers["x-lic-reason"] = outcome.decision.reason;
}
