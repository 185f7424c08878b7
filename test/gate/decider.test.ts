import { beforeEach, describe, expect, it } from "vitest";
import { getCatalog } from "../../src/catalog/catalog.js";
import { Decider } from "../../src/gate/decider.js";
import { MemoryDecisionStore } from "../../src/gate/stores/memory-decision-store.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel, unlicensedModel } from "../support/hub-models.js";
import { builtInPolicy, TODAY } from "../support/policies.js";

let hub: FakeHub;
beforeEach(async () => {
  hub = FakeHub.of([bertModel(), unlicensedModel()]);
  await hub.start();
  return () => hub.stop();
});

function decider(today = () => TODAY, store?: MemoryDecisionStore) {
  return new Decider({
    ...(store ? { store } : {}),
    policy: builtInPolicy("default"),
    catalog: getCatalog(),
    acquire: { hub: { endpoint: hub.url, timeoutMs: 5000, maxRetries: 0 }, cache: null, offline: false },
    lineage: { maxDepth: 8, concurrency: 2 },
    today,
  });
}

const BERT_SHA = String(bertModel().info["sha"]);
const infoReads = () => hub.requests.filter((request) => request.path.startsWith("/api/models/")).length;

describe("Decider", () => {
  it("gives lic check's verdict, with the codes that count and a reason", async () => {
    const outcome = await decider().decide("dbmdz/bert-large-cased-finetuned-conll03-english", "main");
    expect(outcome).toMatchObject({
      ok: true,
      cached: false,
      decision: { verdict: "block", codes: ["license-missing"] },
    });
    expect(outcome.ok && outcome.decision.reason).toMatch(
      /^dbmdz\/bert-large-cased-finetuned-conll03-english@[0-9a-f]{12} is blocked by policy "default": license-missing: /,
    );
  });

  it("evaluates a model at a commit once, however many ask at the same time", async () => {
    const gate = decider();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => gate.decide("google-bert/bert-base-uncased", BERT_SHA)),
    );
    expect(outcomes.every((outcome) => outcome.ok && outcome.decision.verdict === "allow")).toBe(true);
    expect(infoReads()).toBe(1);
    expect(await gate.decide("google-bert/bert-base-uncased", BERT_SHA)).toMatchObject({ ok: true, cached: true });
    expect(infoReads()).toBe(1);
  });

  it("does not evaluate again when the evaluation ends while a later ask is still reading the store", async () => {
    // A store read that takes longer than an evaluation, as PostgreSQL's may: the second ask misses the decision,
    // and by the time it asks to evaluate, the first evaluation has finished and is no longer in flight.
    class SlowReads extends MemoryDecisionStore {
      slow = false;
      override async get(key: string) {
        const held = this.held(key);
        if (this.slow) await new Promise((resolve) => setTimeout(resolve, 300));
        return held;
      }
    }
    const store = new SlowReads();
    const gate = decider(() => TODAY, store);
    const first = gate.decide("google-bert/bert-base-uncased", BERT_SHA);
    store.slow = true;
    const second = gate.decide("google-bert/bert-base-uncased", BERT_SHA);
    expect(await first).toMatchObject({ ok: true, cached: false });
    expect(await second).toMatchObject({ ok: true, cached: true });
    expect(infoReads()).toBe(1);
  });

  it("keeps a branch's decision under the commit it resolved to, not under the branch (it moves), and keeps no failure", async () => {
    const gate = decider();
    await gate.decide("google-bert/bert-base-uncased", "main");
    expect(await gate.decide("google-bert/bert-base-uncased", BERT_SHA)).toMatchObject({ ok: true, cached: true });
    expect(await gate.decide("google-bert/bert-base-uncased", "main")).toMatchObject({ ok: true, cached: false });
    const fresh = decider();
    hub.script(/^\/api\/models\//, { status: 503, body: "down" });
    expect(await fresh.decide("google-bert/bert-base-uncased", BERT_SHA)).toMatchObject({
      ok: false,
      kind: "upstream",
    });
    expect(await fresh.decide("google-bert/bert-base-uncased", BERT_SHA)).toMatchObject({ ok: true, cached: false });
  });

  it("decides again the next day, so an expired waiver stops applying", async () => {
    let today = "2026-11-26";
    const gate = decider(() => today);
    await gate.decide("google-bert/bert-base-uncased", BERT_SHA);
    today = "2026-11-27";
    expect(await gate.decide("google-bert/bert-base-uncased", BERT_SHA)).toMatchObject({ ok: true, cached: false });
  });
});
