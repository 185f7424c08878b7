import type { Decision, DecisionOutcome } from "../decision.js";

/**
 * Where the gate keeps its decisions, keyed by model, commit, policy digest and day (the Decider builds the key).
 * Memory today (`MemoryDecisionStore`); a store shared by gate replicas later. Failures are never kept.
 */
export interface DecisionStore {
  get(key: string): Promise<Decision | null>;
  put(key: string, decision: Decision): Promise<void>;
  /**
   * Single flight: concurrent asks for one key share one evaluation, so a model is read from the upstream once
   * however many clients ask for it at the same moment.
   */
  once(key: string, evaluate: () => Promise<DecisionOutcome>): Promise<DecisionOutcome>;
  /** Decisions held, for the `lic_gate_decisions_held` gauge. */
  readonly size: number;
}
