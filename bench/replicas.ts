/**
 * `npm run bench -- replicas`: three gate replicas sharing one real redis-server, in front of the fake Hub on
 * loopback. 500 clients ask at once for 100 models none of them has seen (5 each, spread over the replicas):
 * - upstream evaluations (one evaluation reads a model's LICENSE once): goal exactly 100, beside the 500 one gate a
 *   client would cost without sharing;
 * - p99 time to decision (the metadata answer with its X-Lic-Verdict), beside the p99 of the same requests straight
 *   to the upstream, measured in the same run;
 * - the heap's growth per decision held, as a figure: this one process also holds the fake Hub, its request log and
 *   500 clients, so it bounds the gate's share from above (bench/gate.ts measures a gate process's own RSS).
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryAuditSink } from "../src/gate/audit/memory-audit-sink.js";
import { type StartedGate, startGate } from "../src/gate/start-gate.js";
import { FakeHub, type FakeModel } from "../test/support/fake-hub.js";
import { gateConfig } from "../test/support/gate-config.js";
import { bertModel } from "../test/support/hub-models.js";
import { freePort, startRedisServer } from "../test/support/redis.js";
import { heapHeld, percentile } from "./stats.js";

const REPLICAS = 3;
const MODELS = 100;
const CLIENTS_PER_MODEL = 5;

/** The models asked for, and one more each replica decides first (see WARM_UP). */
function models(): FakeModel[] {
  const base = bertModel();
  return Array.from({ length: MODELS + 1 }, (_, index) => ({
    ...base,
    info: { ...base.info, id: `bench-org/replica-${index}`, sha: (index + 1).toString(16).padStart(40, "e") },
  }));
}

/**
 * Decided by every replica before anything is measured, so that what a process builds once (the catalog, when it is
 * first asked; the matcher's data) is not counted as heap held per decision.
 */
const WARM_UP = MODELS;

async function timedGet(url: string): Promise<{ ms: number; verdict: string | null }> {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: performance.now() - start, verdict: response.headers.get("x-lic-verdict") };
}

function row(name: string, value: string, goal: string, met: boolean | null): void {
  console.log(
    `${name.padEnd(52)} ${value.padStart(12)}   goal ${goal.padEnd(12)} ${met === null ? "" : met ? "(met)" : "(MISSED)"}`,
  );
}

export async function benchReplicas(): Promise<void> {
  const port = await freePort();
  const redis: ChildProcess = await startRedisServer(port);
  const hub = FakeHub.of(models());
  await hub.start();
  const dir = mkdtempSync(join(tmpdir(), "lic-bench-replicas-"));
  const gates: StartedGate[] = [];
  try {
    for (let index = 0; index < REPLICAS; index++) {
      gates.push(
        await startGate(
          gateConfig(hub.url, join(dir, `replica-${index}`), new MemoryAuditSink(), () => {}, {
            lineage: null,
            timeoutMs: 30_000,
            maxUpstreamConnections: 64,
            requestTimeoutMs: 60_000,
            redis: { url: `redis://127.0.0.1:${port}` },
          }),
        ),
      );
    }
    console.log(
      `lic gate replicas (node ${process.version}, ${REPLICAS} replicas, one redis-server, fake Hub on loopback)\n`,
    );
    const path = (index: number) => `/api/models/bench-org/replica-${index}/revision/main`;
    for (const gate of gates) await timedGet(`${gate.url}${path(WARM_UP)}`);
    hub.requests.length = 0;
    const heapBefore = heapHeld();
    const asks = Array.from({ length: MODELS * CLIENTS_PER_MODEL }, (_, client) => {
      const model = client % MODELS;
      return timedGet(`${gates[client % REPLICAS]!.url}${path(model)}`);
    });
    const answers = await Promise.all(asks);
    const evaluations = hub.requests.filter((request) => /\/resolve\/[^/]+\/LICENSE$/.test(request.path)).length;
    const decided = answers.filter((answer) => answer.verdict !== null).length;
    row(
      `upstream evaluations, ${MODELS} new models × ${CLIENTS_PER_MODEL} clients`,
      String(evaluations),
      `= ${MODELS}`,
      evaluations === MODELS,
    );
    row(
      "  answers carrying a verdict",
      `${decided}/${answers.length}`,
      `${answers.length}`,
      decided === answers.length,
    );
    const gateP99 = percentile(
      answers.map((answer) => answer.ms),
      0.99,
    );
    const direct = await Promise.all(
      Array.from({ length: MODELS * CLIENTS_PER_MODEL }, (_, client) => timedGet(`${hub.url}${path(client % MODELS)}`)),
    );
    const directP99 = percentile(
      direct.map((answer) => answer.ms),
      0.99,
    );
    row("p99 time to decision, 500 clients at once", `${gateP99.toFixed(0)} ms`, "(figure)", null);
    row("  the same 500 requests straight to the upstream, p99", `${directP99.toFixed(0)} ms`, "(baseline)", null);
    const perDecision = (heapHeld() - heapBefore) / (MODELS * REPLICAS);
    row(
      "heap growth per decision held (all replicas)",
      `${(perDecision / 1024).toFixed(1)} KiB`,
      "<= 64 KiB",
      perDecision <= 64 * 1024,
    );
  } finally {
    for (const gate of gates) await gate.close();
    await hub.stop();
    redis.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}
