import { beforeEach, describe, expect, it } from "vitest";
import { LockedRegistry } from "../../src/gate/locked-registry.js";
import { formatLock, type LockEntry } from "../../src/lock/lock-file.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel } from "../support/hub-models.js";
import { useTempDirs } from "../support/temp-dir.js";
import { useGates } from "../support/test-gate.js";

const startTestGate = useGates(useTempDirs());

const BERT = "google-bert/bert-base-uncased";
const BERT_SHA = String(bertModel().info["sha"]);
/** The same allowed model under another id: allowed by the policy, but in no lock. */
const COPY = "someone/bert-copy";
const DIGEST = `sha256:${"a".repeat(64)}`;

let hub: FakeHub;
beforeEach(async () => {
  const bert = bertModel();
  hub = FakeHub.of([bert, { ...bertModel(), info: { ...bert.info, id: COPY } }]);
  await hub.start();
  return () => hub.stop();
});

function lockOf(...entries: Partial<LockEntry>[]): LockedRegistry {
  const full = entries.map(
    (entry): LockEntry => ({
      id: BERT,
      kind: "model",
      requested: "main",
      revision: BERT_SHA,
      verdict: "allow",
      uses: ["app.py:3"],
      ...entry,
    }),
  );
  const text = formatLock({
    lockVersion: 1,
    generatedBy: "lic test",
    policy: { name: "default", digest: DIGEST },
    catalog: { version: "test", digest: DIGEST },
    entries: full,
  });
  return LockedRegistry.fromText("lic.lock", text);
}

async function download(url: string, model: string, revision = "main") {
  const response = await fetch(`${url}/${model}/resolve/${revision}/LICENSE`);
  return { status: response.status, text: await response.text(), verdict: response.headers.get("x-lic-verdict") };
}

describe("lic gate --lock", () => {
  it("serves a locked (model, commit), by branch and by commit", async () => {
    const gate = await startTestGate(hub, { lock: lockOf({}) });
    expect((await download(gate.url, BERT)).status).toBe(200);
    expect((await download(gate.url, BERT, BERT_SHA)).status).toBe(200);
    expect(gate.audit().map((entry) => entry.action)).toEqual(["served", "served"]);
  });

  it("refuses a model the lock does not name, saying which entry is missing and how to add it", async () => {
    const gate = await startTestGate(hub, { lock: lockOf({}) });
    const refused = await download(gate.url, COPY);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain(`lic.lock has no entry for the model ${COPY}`);
    expect(refused.text).toContain("run lic lock");
    expect(refused.text).toContain("commit lic.lock");
    // Metadata still passes, annotated: a user can read why.
    const info = await fetch(`${gate.url}/api/models/${COPY}`);
    expect([info.status, info.headers.get("x-lic-verdict")]).toEqual([200, "block"]);
    expect(gate.audit()[0]).toMatchObject({ model: COPY, action: "refused", status: 403, verdict: "block" });
    expect(gate.audit()[0]!.reason).toContain("has no entry for the model");
  });

  it("refuses a commit the lock does not pin: the branch resolves, and its commit must be the locked one", async () => {
    const locked = "b".repeat(40);
    const gate = await startTestGate(hub, { lock: lockOf({ revision: locked }) });
    const refused = await download(gate.url, BERT);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain(`${BERT}@${BERT_SHA} is refused: lic.lock locks ${BERT} at ${locked.slice(0, 12)}`);
    expect(gate.audit()[0]).toMatchObject({ model: BERT, sha: BERT_SHA, action: "refused", status: 403 });
  });

  it("refuses a locked entry whose verdict is block, as the policy would", async () => {
    const gate = await startTestGate(hub, { lock: lockOf({ verdict: "block" }) });
    const refused = await download(gate.url, BERT);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("lic.lock records it as blocked");
    expect(gate.audit()[0]).toMatchObject({ action: "refused", status: 403, verdict: "block" });
  });

  it("finds a renamed model's entry by its canonical id too", async () => {
    const gate = await startTestGate(hub, { lock: lockOf({ id: "bert-base-uncased", resolvedAs: BERT }) });
    expect((await download(gate.url, BERT)).status).toBe(200);
  });

  it("a reload reads the lock again: a model locked since is served", async () => {
    const gate = await startTestGate(hub, { lock: lockOf({}) });
    expect((await download(gate.url, COPY)).status).toBe(403);
    gate.useRules({ ...gate.rules(), lock: lockOf({}, { id: COPY }) });
    expect((await download(gate.url, COPY)).status).toBe(200);
    expect(await (await fetch(`${gate.url}/metrics`)).text()).toContain(
      `lic_gate_lock_info{digest="${gate.rules().lock!.digest}",file="lic.lock"} 1`,
    );
  });

  it("a lock lic cannot use is refused with every problem", () => {
    expect(() => LockedRegistry.fromText("lic.lock", "lockVersion: 9\n")).toThrow(/^--lock lic.lock is not a lock/);
  });
});
