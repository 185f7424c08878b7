import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Decision, DecisionOutcome } from "../../../src/gate/decision.js";
import { RedisDecisionStore } from "../../../src/gate/stores/redis-decision-store.js";
import { RedisLink } from "../../../src/gate/stores/redis-link.js";
import { useRedis } from "../../support/redis.js";

const redis = useRedis();
const decision = (model: string): Decision => ({ model, sha: "a".repeat(40), verdict: "allow" }) as Decision;
const KEY = "org/model@main#sha256:policy#2026-12-02";

let links: RedisLink[] = [];
beforeEach(() => redis().flush());
afterEach(async () => {
  await Promise.all(links.map((link) => link.close()));
  links = [];
});

/** A replica's store: its own memory over the test's Redis, once connected (before, a replica decides alone). */
async function replica(): Promise<RedisDecisionStore> {
  const link = new RedisLink({ url: redis().url, onNotice: () => {}, onError: () => {} });
  links.push(link);
  const deadline = Date.now() + 5000;
  while (!link.up) {
    if (Date.now() > deadline) throw new Error(`no connection to the test's Redis at ${redis().url}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return new RedisDecisionStore({ link, pollMs: 5 });
}

/** An evaluation as the Decider runs one: it keeps the decision (put) and returns the outcome; counted. */
function evaluation(store: RedisDecisionStore, runs: string[], name: string) {
  return async (): Promise<DecisionOutcome> => {
    runs.push(name);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.put(KEY, decision(name));
    return { ok: true, decision: decision(name), cached: false };
  };
}

describe("RedisDecisionStore: one evaluation across replicas", () => {
  it("does not evaluate again when the lock it takes was released by a replica that has just decided", async () => {
    // The race of three replicas under load: B missed the decision, then A finished and let its lock go before B
    // asked for it. B takes the free lock, and must find A's decision instead of making a second evaluation.
    const [a, b] = await Promise.all([replica(), replica()]);
    const runs: string[] = [];
    await a.once(KEY, evaluation(a, runs, "a"));
    const outcome = await b.once(KEY, evaluation(b, runs, "b"));
    expect(runs).toEqual(["a"]);
    expect(outcome).toMatchObject({ ok: true, cached: true, decision: { model: "a" } });
  });

  it("makes one evaluation for many replicas asking at once", async () => {
    const stores = await Promise.all(Array.from({ length: 5 }, replica));
    const runs: string[] = [];
    const outcomes = await Promise.all(
      stores.map((store, index) => store.once(KEY, evaluation(store, runs, `r${index}`))),
    );
    expect(runs).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.ok && outcome.decision.model))).toEqual(new Set(runs));
  });
});
