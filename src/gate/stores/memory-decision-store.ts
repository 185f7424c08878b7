import type { Decision, DecisionOutcome } from "../decision.js";
import type { DecisionStore } from "./decision-store.js";

/** Decisions in this process's memory, the least recently used dropped first past `maxEntries`. */
export class MemoryDecisionStore implements DecisionStore {
  private readonly decided = new Map<string, Decision>();
  private readonly pending = new Map<string, Promise<DecisionOutcome>>();

  constructor(private readonly maxEntries = 10_000) {}

  async get(key: string): Promise<Decision | null> {
    return this.held(key);
  }

  held(key: string): Decision | null {
    const known = this.decided.get(key);
    if (!known) return null;
    // A Map iterates in insertion order: moving a hit to the end makes the first key the least recently used.
    this.decided.delete(key);
    this.decided.set(key, known);
    return known;
  }

  async put(key: string, decision: Decision): Promise<void> {
    this.decided.delete(key);
    this.decided.set(key, decision);
    if (this.decided.size > this.maxEntries) this.decided.delete(this.decided.keys().next().value!);
  }

  once(key: string, evaluate: () => Promise<DecisionOutcome>): Promise<DecisionOutcome> {
    const running = this.pending.get(key);
    if (running) return running;
    const evaluation = evaluate().finally(() => this.pending.delete(key));
    this.pending.set(key, evaluation);
    return evaluation;
  }

  get size(): number {
    return this.decided.size;
  }
}
