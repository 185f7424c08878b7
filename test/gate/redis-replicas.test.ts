import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel, unlicensedModel } from "../support/hub-models.js";
import { builtInPolicy, TODAY } from "../support/policies.js";
import { useRedis } from "../support/redis.js";
import { useTempDirs } from "../support/temp-dir.js";
import { type TestGate, useGates } from "../support/test-gate.js";

const tempDir = useTempDirs();
const startTestGate = useGates(tempDir);
const redis = useRedis();

const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";
const BERT_SHA = String(bertModel().info["sha"]);

let hub: FakeHub;
beforeEach(async () => {
  await redis().flush();
  hub = FakeHub.of([bertModel(), { ...unlicensedModel(), files: { "config.json": "{}" } }]);
  await hub.start();
  return () => hub.stop();
});

/**
 * Gate replicas sharing the test's Redis, each with its own memory and snapshot cache, returned once each has its
 * Redis connection (its /readyz says so): until then a replica serves from its own memory, which is right for a
 * replica but not what a test of sharing means to see (a loaded machine connects later than the first request).
 */
async function replicas(count: number, options: { lockMs?: number } = {}): Promise<TestGate[]> {
  const gates = await Promise.all(
    Array.from({ length: count }, () => startTestGate(hub, { redis: { url: redis().url, ...options } })),
  );
  for (const gate of gates) {
    await waitUntil(async () => {
      const ready = (await (await fetch(`${gate.url}/readyz`)).json()) as { stores?: Record<string, boolean> };
      return ready.stores?.["redis"] === true;
    }, "a replica is connected to Redis");
  }
  return gates;
}

/** Requests for model metadata: what a decision reads (a file request passes on /resolve/ only). */
const metadataRequests = () => hub.requests.filter((request) => request.path.startsWith("/api/models/")).length;
/** A file each model has: the request a client makes, and the gate decides on. */
const FILE_OF: Record<string, string> = { [BERT]: "README.md", [UNLICENSED]: "config.json" };
const readme = (gate: TestGate, model = BERT) => fetch(`${gate.url}/${model}/resolve/main/${FILE_OF[model]}`);
const metricsOf = async (gate: TestGate) => (await fetch(`${gate.url}/metrics`)).text();
/**
 * The `lic_gate_redis_up` sample of a gate's /metrics: the sample line itself, since the gauge's HELP line ("1 while
 * the shared Redis answers, 0 while…") contains "lic_gate_redis_up 1" too.
 */
const redisUp = async (gate: TestGate) => /^lic_gate_redis_up (\d+)$/m.exec(await metricsOf(gate))?.[1];

async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("lic gate --redis: replicas share decisions", () => {
  it("makes one evaluation for concurrent first requests across three replicas", async () => {
    const [alone] = await replicas(1);
    expect((await readme(alone!)).status).toBe(200);
    const oneEvaluation = metadataRequests();
    expect(oneEvaluation).toBeGreaterThan(0);
    await redis().flush();
    hub.requests.length = 0;

    const gates = await replicas(3);
    const answers = await Promise.all(gates.flatMap((gate) => [readme(gate), readme(gate)]));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(metadataRequests()).toBe(oneEvaluation);
    const evaluations = gates.map((gate) =>
      gate.metrics.get("lic_gate_decision_evaluations_total", { verdict: "allow" }),
    );
    // One replica evaluated (it counts each of its own requests that shared the evaluation); the others waited.
    expect(evaluations.filter((count) => count > 0)).toHaveLength(1);
  });

  it("serves a decision one replica made from another without reading the model's metadata again", async () => {
    const [first, second] = await replicas(2);
    const refused = await readme(first!, UNLICENSED);
    expect(refused.status).toBe(403);
    const before = metadataRequests();
    const again = await readme(second!, UNLICENSED);
    expect(again.status).toBe(403);
    expect(again.headers.get("x-lic-verdict")).toBe("block");
    expect(metadataRequests()).toBe(before);
  });

  it("takes over when the evaluator holding the lock died: the lock expires and a waiter evaluates", async () => {
    const [gate] = await replicas(1);
    const key = `${BERT.toLowerCase()}@${BERT_SHA}#${builtInPolicy("default").digest}#${TODAY}`;
    const client = new Redis(redis().url);
    await client.set(`lic:gate:lock:${key}`, "a-replica-that-died", "PX", 400);
    await client.quit();
    const started = Date.now();
    expect((await readme(gate!)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(metadataRequests()).toBeGreaterThan(0);
  });
});

describe("lic gate --redis: the upstream's 429 backoff", () => {
  it("makes every replica wait for the Retry-After one of them got", async () => {
    const [first, second] = await replicas(2);
    // One 429 for each request the first replica may send for the model (its client's metadata request and its
    // decision's own read race for them), so the client's answer is a 429 whichever goes first.
    const limit = { status: 429, headers: { "retry-after": "1" }, body: "slow down" };
    hub.script(/^\/api\/models\/google-bert/, limit, limit, limit);
    // Measured from before the 429 was asked for: the until-time is at least a second after this.
    const askedAt = Date.now();
    const limited = await fetch(`${first!.url}/api/models/${BERT}`);
    expect(limited.status).toBe(429);
    expect((await readme(second!, UNLICENSED)).status).toBe(403);
    expect(Date.now() - askedAt).toBeGreaterThanOrEqual(950);
  });
});

describe("lic gate --redis: Redis failing", () => {
  afterEach(async () => {
    await redis()
      .start()
      .catch(() => {});
  });

  it("keeps serving from memory while Redis is down, says so once, counts it, and uses Redis again once it is back", async () => {
    const [first, second] = await replicas(2);
    expect((await readme(first!)).status).toBe(200);
    await redis().kill();

    for (const gate of [first!, second!]) expect((await readme(gate)).status).toBe(200);
    expect((await readme(second!, UNLICENSED)).status).toBe(403);
    expect((await readme(second!, UNLICENSED)).status).toBe(403);
    expect(await redisUp(second!)).toBe("0");
    expect(second!.metrics.get("lic_gate_redis_errors_total")).toBeGreaterThan(0);
    expect(second!.notices.filter((notice) => notice.includes("failed"))).toHaveLength(1);
    expect(await (await fetch(`${second!.url}/readyz`)).json()).toEqual({ status: "ready", stores: { redis: false } });

    await redis().start();
    await waitUntil(async () => (await redisUp(first!)) === "1", "the first replica is back");
    await waitUntil(async () => (await redisUp(second!)) === "1", "the second is back");
    await waitUntil(async () => second!.notices.some((notice) => notice.includes("answers again")), "told once");
    // A model neither replica has in memory: decided by one, served by the other through Redis.
    expect((await readme(first!, UNLICENSED)).status).toBe(403);
    const before = metadataRequests();
    const fresh = await startTestGate(hub, { redis: { url: redis().url } });
    await waitUntil(async () => (await redisUp(fresh)) === "1", "the new replica connects");
    expect((await readme(fresh, UNLICENSED)).status).toBe(403);
    expect(metadataRequests()).toBe(before);
  });

  it("starts and serves with Redis unreachable, ready on its own memory", async () => {
    const gate = await startTestGate(hub, { redis: { url: "redis://127.0.0.1:1" } });
    expect((await readme(gate)).status).toBe(200);
    expect((await readme(gate)).status).toBe(200);
    expect(await (await fetch(`${gate.url}/readyz`)).json()).toEqual({ status: "ready", stores: { redis: false } });
    expect(await redisUp(gate)).toBe("0");
    expect(gate.notices.filter((notice) => notice.includes("failed"))).toHaveLength(1);
  });
});
