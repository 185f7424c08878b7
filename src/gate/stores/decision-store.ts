import type { Decision, DecisionOutcome } from "../decision.js";

/**
 * Where the gate keeps its decisions, keyed by model, commit, policy digest and day (the Decider builds the key).
 * Memory today (`MemoryDecisionStore`); a store shared by gate replicas later. Failures are never kept.
 */
export interface DecisionStore {
  get(key: string): Promise<Decision | null>;
  /**
   * The decision for `key` if this process holds it in its own memory, answered at once (and counted as a use);
   * null says only that it is not held here: `get` may still find it in a shared store.
   */
  held(key: string): Decision | null;
  put(key: string, decision: Decision): Promise<void>;
  /**
   * Single flight: concurrent asks for one key share one evaluation, so a model is read from the upstream once
   * however many clients ask for it at the same moment.
   */
  once(key: string, evaluate: () => Promise<DecisionOutcome>): Promise<DecisionOutcome>;
  /** Decisions held, for the `lic_gate_decisions_held` gauge. */
  readonly size: number;
}
