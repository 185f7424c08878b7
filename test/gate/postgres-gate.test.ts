import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openPostgresGate, type PostgresGate } from "../../src/gate/db/postgres-gate.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel } from "../support/hub-models.js";
import { usePostgres } from "../support/postgres.js";
import { useTempDirs } from "../support/temp-dir.js";
import { type TestGate, useGates } from "../support/test-gate.js";

const tempDir = useTempDirs();
const startTestGate = useGates(tempDir);
const postgres = usePostgres();

const BERT = "google-bert/bert-base-uncased";
const WEIGHTS = randomBytes(4 * 1024 * 1024);

let hub: FakeHub;
let sql: pg.Pool;
const opened: PostgresGate[] = [];

beforeAll(() => {
  sql = new pg.Pool({ connectionString: postgres().url, max: 2 });
  // The server is stopped on purpose below: its idle connections' errors are expected.
  sql.on("error", () => {});
});
afterAll(() => sql.end());

beforeEach(async () => {
  hub = FakeHub.of([{ ...bertModel(), lfsFiles: { "model.safetensors": WEIGHTS } }]);
  await hub.start();
  return () => hub.stop();
});
afterEach(async () => {
  for (const shared of opened.splice(0)) await shared.close();
  await sql.query("TRUNCATE lic_audit_log, lic_decisions");
});

/** One gate replica on the shared database, with a disk buffer of its own; PostgreSQL is given up on fast. */
async function replica(): Promise<{ gate: TestGate; shared: PostgresGate; notices: string[] }> {
  const notices: string[] = [];
  const shared = await openPostgresGate({
    url: postgres().url,
    bufferDir: join(tempDir(), "audit-buffer"),
    bufferBytes: 16 * 1024 * 1024,
    onNotice: (message) => notices.push(message),
    retryMs: 100,
    timeouts: { connectMs: 500, queryMs: 800 },
  });
  opened.push(shared);
  const gate = await startTestGate(hub, {
    decisionStore: shared.decisionStore,
    ready: shared.ready,
    audit: shared.audit,
    gauges: shared.gauges,
  });
  return { gate, shared, notices };
}

/** The audit buffer's gauge, as /metrics shows it. */
async function bufferedBytes(gate: TestGate): Promise<number> {
  const text = await (await fetch(`${gate.url}/metrics`)).text();
  const line = /^lic_gate_audit_buffered_bytes (\d+)$/m.exec(text);
  if (!line) throw new Error(`no lic_gate_audit_buffered_bytes in /metrics:\n${text}`);
  return Number(line[1]);
}

async function download(gate: TestGate, path = "README.md"): Promise<number> {
  const response = await fetch(`${gate.url}/${BERT}/resolve/main/${path}`);
  await response.arrayBuffer();
  return response.status;
}

async function auditCount(): Promise<{ rows: number; ids: number }> {
  const { rows } = await sql.query(
    "SELECT count(*)::int AS rows, count(DISTINCT request_id)::int AS ids FROM lic_audit_log",
  );
  return rows[0];
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("two gate replicas on one PostgreSQL", () => {
  it("share decisions: one replica's evaluation is the other's answer", async () => {
    const a = await replica();
    const b = await replica();
    expect(await download(a.gate)).toBe(200);
    expect(await download(b.gate)).toBe(200);
    expect(a.gate.metrics.get("lic_gate_decision_evaluations_total", { verdict: "allow" })).toBe(1);
    expect(b.gate.metrics.get("lic_gate_decision_evaluations_total", { verdict: "allow" })).toBe(0);
    const { rows } = await sql.query("SELECT repo_type, model, sha, verdict FROM lic_decisions");
    expect(rows).toEqual([{ repo_type: "model", model: BERT, sha: String(bertModel().info["sha"]), verdict: "allow" }]);
  });

  it("write both replicas' audit rows to one table, one per request, with request ids", async () => {
    const a = await replica();
    const b = await replica();
    for (let i = 0; i < 3; i++) await download(a.gate);
    for (let i = 0; i < 2; i++) await download(b.gate);
    await a.shared.audit.settled();
    await b.shared.audit.settled();
    expect(await auditCount()).toEqual({ rows: 5, ids: 5 });
    const { rows } = await sql.query(
      "SELECT DISTINCT repo, route, action, status, verdict, policy_name, tableoid::regclass::text AS partition FROM lic_audit_log",
    );
    const month = new Date().toISOString().slice(0, 7).replace("-", "m");
    expect(rows).toEqual([
      {
        repo: BERT,
        route: "file",
        action: "served",
        status: 200,
        verdict: "allow",
        policy_name: "default",
        partition: `lic_audit_log_y${month}`,
      },
    ]);
  });

  it("has a download's row stored while its bytes still flow: a replica killed mid-download loses nothing", async () => {
    const { gate } = await replica();
    const response = await fetch(`${gate.url}/${BERT}/resolve/main/model.safetensors`);
    expect(response.status).toBe(200);
    // The body is not read: the download is in flight when the row is looked for.
    await eventually(async () => (await auditCount()).rows === 1, "the row of a download in flight");
    gate.server.closeAllConnections();
    await response.arrayBuffer().catch(() => {});
    expect(await auditCount()).toEqual({ rows: 1, ids: 1 });
  });
});

describe("PostgreSQL down or slow", () => {
  it("buffers audit rows on disk while it is stopped and writes them after its restart, none lost, none twice", async () => {
    const { gate, shared, notices } = await replica();
    expect(await download(gate)).toBe(200);
    await shared.audit.settled();
    expect((await fetch(`${gate.url}/readyz`)).status).toBe(200);

    postgres().stop();
    try {
      for (let i = 0; i < 4; i++) expect(await download(gate)).toBe(200);
      await shared.audit.settled();
      const ready = await fetch(`${gate.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "not ready", stores: {}, reason: "PostgreSQL does not answer" });
      // Liveness is not readiness: the gate itself is fine.
      expect((await fetch(`${gate.url}/healthz`)).status).toBe(200);
      expect(notices.some((notice) => notice.includes("buffering them on disk"))).toBe(true);
      expect(await bufferedBytes(gate)).toBeGreaterThan(0);
    } finally {
      postgres().start();
    }
    await eventually(async () => (await auditCount()).rows === 5, "the buffered rows written");
    expect(await auditCount()).toEqual({ rows: 5, ids: 5 });
    expect((await fetch(`${gate.url}/readyz`)).status).toBe(200);
    expect(await bufferedBytes(gate)).toBe(0);
  });

  it("buffers rows a locked table holds past the timeout; the late INSERT and the replay make one row each", async () => {
    const { gate, shared } = await replica();
    await download(gate);
    await shared.audit.settled();
    const locker = await sql.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE lic_audit_log IN ACCESS EXCLUSIVE MODE");
      for (let i = 0; i < 3; i++) await download(gate);
      // The INSERTs time out on this side and are buffered; on the server they still wait for the lock.
      await shared.audit.settled();
      await locker.query("COMMIT");
    } finally {
      locker.release();
    }
    await eventually(async () => (await auditCount()).rows === 4, "the slow rows written");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await auditCount()).toEqual({ rows: 4, ids: 4 });
  });
});
