import { describe, expect, it } from "vitest";
import type { Decision, DecisionOutcome } from "../../../src/gate/decision.js";
import { MemoryDecisionStore } from "../../../src/gate/stores/memory-decision-store.js";

const decision = (model: string): Decision => ({ model, sha: "a".repeat(40), verdict: "allow" }) as Decision;

describe("MemoryDecisionStore", () => {
  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const store = new MemoryDecisionStore(2);
    await store.put("a", decision("a"));
    await store.put("b", decision("b"));
    expect((await store.get("a"))?.model).toBe("a");
    await store.put("c", decision("c"));
    expect([await store.get("a"), await store.get("b"), await store.get("c")].map((kept) => kept?.model)).toEqual([
      "a",
      undefined,
      "c",
    ]);
    expect(store.size).toBe(2);
  });

  it("answers a held decision at once, and counts it as a use as get does", async () => {
    const store = new MemoryDecisionStore(2);
    await store.put("a", decision("a"));
    await store.put("b", decision("b"));
    expect(store.held("a")?.model).toBe("a");
    expect(store.held("x")).toBeNull();
    await store.put("c", decision("c"));
    expect([store.held("a"), store.held("b"), store.held("c")].map((kept) => kept?.model)).toEqual([
      "a",
      undefined,
      "c",
    ]);
  });

  it("runs one evaluation for concurrent asks of one key, and a new one once it has settled", async () => {
    const store = new MemoryDecisionStore();
    let runs = 0;
    const evaluate = async (): Promise<DecisionOutcome> => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { ok: false, kind: "upstream", message: "down" };
    };
    const outcomes = await Promise.all([
      store.once("k", evaluate),
      store.once("k", evaluate),
      store.once("j", evaluate),
    ]);
    expect(runs).toBe(2);
    expect(outcomes[0]).toBe(outcomes[1]);
    await store.once("k", evaluate);
    expect(runs).toBe(3);
  });
});
