import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Decision, DecisionOutcome } from "../decision.js";
import type { DecisionStore } from "./decision-store.js";
import { MemoryDecisionStore } from "./memory-decision-store.js";
import type { RedisLink } from "./redis-link.js";

export interface RedisDecisionStoreOptions {
  link: RedisLink;
  /** The store under the shared cache: PostgreSQL's (which keeps every decision), or this replica's memory. */
  local?: DecisionStore;
  /** Decisions at a commit do not change; they are kept this long in Redis so the shared cache stays hot, not full. */
  decisionTtlMs?: number;
  /** A branch's decision (what it pointed at): short, since a branch moves. */
  resolutionTtlMs?: number;
  /** How long an evaluator's lock lives unless it renews it: what a replica that died costs the others. */
  lockMs?: number;
  /** The longest a replica waits for another's evaluation before it evaluates on its own. */
  maxWaitMs?: number;
  /** How often a waiting replica looks for the evaluator's result. */
  pollMs?: number;
}

/** What Redis holds under a decision key: `resolution` marks a branch's entry, which is not copied into memory. */
interface SharedEntry {
  decision: Decision;
  resolution?: boolean;
}

const PREFIX = "lic:gate:";
const decisionKey = (key: string) => `${PREFIX}decision:${key}`;
const lockKey = (key: string) => `${PREFIX}lock:${key}`;
const outcomeKey = (lockId: string) => `${PREFIX}outcome:${lockId}`;
/** Long enough for every waiter to read it; it belongs to one evaluation, so a failure is not kept for later asks. */
const OUTCOME_TTL_MS = 30_000;

/** Renews the lock only while this evaluator still holds it (a lock that expired may be another's by now). */
const RENEW_IF_HELD = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) end return 0`;
const RELEASE_IF_HELD = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;

/**
 * Decisions shared by gate replicas through Redis, over each replica's own memory. Reads look in memory, then in
 * Redis; writes go to both. Single flight spans the replicas: the first to take a key's lock (`SET NX PX`, with its
 * own id) looks for the decision once more, then evaluates and publishes the outcome; the others poll for it, and
 * take the lock over when its holder died (the lock expires) or released it without a result. Whenever Redis fails,
 * a replica goes on alone from memory.
 */
export class RedisDecisionStore implements DecisionStore {
  private readonly local: DecisionStore;
  private readonly link: RedisLink;
  private readonly decisionTtlMs: number;
  private readonly resolutionTtlMs: number;
  private readonly lockMs: number;
  private readonly maxWaitMs: number;
  private readonly pollMs: number;

  constructor(options: RedisDecisionStoreOptions) {
    this.link = options.link;
    this.local = options.local ?? new MemoryDecisionStore();
    this.decisionTtlMs = options.decisionTtlMs ?? 3_600_000;
    this.resolutionTtlMs = options.resolutionTtlMs ?? 60_000;
    this.lockMs = options.lockMs ?? 15_000;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.pollMs = options.pollMs ?? 25;
  }

  held(key: string): Decision | null {
    return this.local.held(key);
  }

  async get(key: string): Promise<Decision | null> {
    const known = await this.local.get(key);
    if (known) return known;
    return this.shared(key);
  }

  /** The decision in Redis, kept in memory too unless it is a branch's (which moves). */
  private async shared(key: string): Promise<Decision | null> {
    const entry = parseJson<SharedEntry>(await this.link.run((redis) => redis.get(decisionKey(key))));
    if (!entry) return null;
    if (!entry.resolution) await this.local.put(key, entry.decision);
    return entry.decision;
  }

  async put(key: string, decision: Decision): Promise<void> {
    await this.local.put(key, decision);
    const entry: SharedEntry = { decision };
    await this.link.run((redis) => redis.set(decisionKey(key), JSON.stringify(entry), "PX", this.decisionTtlMs));
  }

  /** One evaluation per key in this process first (no Redis round trips for a local crowd), then across replicas. */
  once(key: string, evaluate: () => Promise<DecisionOutcome>): Promise<DecisionOutcome> {
    return this.local.once(key, () => this.onceAcrossReplicas(key, evaluate));
  }

  get size(): number {
    return this.local.size;
  }

  private async onceAcrossReplicas(key: string, evaluate: () => Promise<DecisionOutcome>): Promise<DecisionOutcome> {
    const deadline = Date.now() + this.maxWaitMs;
    while (Date.now() < deadline) {
      const lockId = randomUUID();
      const taken = await this.link.run((redis) => redis.set(lockKey(key), lockId, "PX", this.lockMs, "NX"));
      if (taken === undefined) return evaluate();
      if (taken === "OK") return this.evaluateHolding(key, lockId, evaluate);
      const awaited = await this.awaitHolder(key, deadline);
      if (awaited === "alone") return evaluate();
      if (awaited !== "take-over") return awaited;
    }
    return evaluate();
  }

  private async evaluateHolding(
    key: string,
    lockId: string,
    evaluate: () => Promise<DecisionOutcome>,
  ): Promise<DecisionOutcome> {
    // An evaluation may outlast the lock (a large model, a slow upstream): renewed while this replica lives.
    const renew = setInterval(
      () => void this.link.run((redis) => redis.eval(RENEW_IF_HELD, 1, lockKey(key), lockId, this.lockMs)),
      Math.max(10, Math.floor(this.lockMs / 3)),
    );
    renew.unref();
    try {
      // Looked for again under the lock: a replica that decided and let its lock go between this one's miss and its
      // SET NX has left the decision (or, for a branch, the resolution) here. Without this look, three replicas
      // under load made 101 or 102 evaluations of 100 new models.
      const decided = await this.shared(key);
      if (decided) return { ok: true, decision: decided, cached: true };
      const outcome = await evaluate();
      await this.publish(key, lockId, outcome);
      return outcome;
    } finally {
      clearInterval(renew);
      await this.link.run((redis) => redis.eval(RELEASE_IF_HELD, 1, lockKey(key), lockId));
    }
  }

  /** For the waiters, the outcome itself; for later asks naming a branch, its decision for a short while. */
  private async publish(key: string, lockId: string, outcome: DecisionOutcome): Promise<void> {
    await this.link.run((redis) => {
      const batch = redis.multi().set(outcomeKey(lockId), JSON.stringify(outcome), "PX", OUTCOME_TTL_MS);
      // NX: when the key named the commit, `put` has just written the lasting entry; a branch's key is still free.
      if (outcome.ok) {
        const entry: SharedEntry = { decision: outcome.decision, resolution: true };
        batch.set(decisionKey(key), JSON.stringify(entry), "PX", this.resolutionTtlMs, "NX");
      }
      return batch.exec();
    });
  }

  /**
   * Waits for the lock's holder to publish. "take-over": the lock is gone without a result (its holder died or
   * failed), so the caller tries to take it; "alone": Redis failed or the wait is over, so the caller evaluates.
   */
  private async awaitHolder(key: string, deadline: number): Promise<DecisionOutcome | "take-over" | "alone"> {
    let holder = await this.link.run((redis) => redis.get(lockKey(key)));
    while (holder && Date.now() < deadline) {
      await sleep(this.pollMs);
      const heldBy = holder;
      // One MGET, so a holder that publishes and then releases is never seen released without its result.
      const read = await this.link.run((redis) => redis.mget(outcomeKey(heldBy), lockKey(key)));
      if (read === undefined) return "alone";
      const [published, current] = read;
      const outcome = parseJson<DecisionOutcome>(published);
      if (outcome) return outcome.ok ? { ...outcome, cached: true } : outcome;
      holder = current;
    }
    if (holder === undefined) return "alone";
    return holder === null ? "take-over" : "alone";
  }
}

function parseJson<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
