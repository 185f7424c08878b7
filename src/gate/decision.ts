import type { CheckResult, Verdict } from "../types/result.js";

/** A policy's verdict on one model at one commit, as `lic check` would give it. */
export interface Decision {
  /** `dataset` when the repo decided is a dataset; absent for a model. */
  repoType?: "dataset";
  model: string;
  sha: string;
  verdict: Verdict;
  /** Codes of the findings that count (severity above info), in the result's order. */
  codes: string[];
  /** One line for people: why a blocked model is blocked, or what a warning is about. */
  reason: string;
  /** Read with the gate's token only: a client the upstream refuses must not learn of it from the gate. */
  isPrivate: boolean;
  result: CheckResult;
}

export type DecisionOutcome =
  | { ok: true; decision: Decision; cached: boolean }
  | { ok: false; kind: string; message: string };
