import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { type GateFlags, runGate } from "../../src/cli/commands/gate.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel } from "../support/hub-models.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
const BERT = "google-bert/bert-base-uncased";

let hub: FakeHub;
beforeEach(async () => {
  hub = FakeHub.of([bertModel()]);
  await hub.start();
  return () => hub.stop();
});

/** `lic gate` as the CLI runs it, with the stop and reload signals in the test's hands. */
async function runCliGate(policyText: string) {
  const dir = tempDir();
  const policyFile = join(dir, "policy.yaml");
  writeFileSync(policyFile, policyText);
  const flags: GateFlags = {
    policy: policyFile,
    upstream: hub.url,
    listen: "127.0.0.1:0",
    mode: "enforce",
    auditLog: join(dir, "audit.jsonl"),
    cache: false,
    lineage: false,
    maxDepth: 8,
    timeout: 5,
    maxUpstreamConnections: 8,
    maxHeaderSize: 16384,
    auditBufferSize: 256 * 1024 * 1024,
    offload: "none",
    requestTimeout: 10,
  };
  let log = "";
  let stop = () => {};
  let reload = () => {};
  const exited = runGate(
    flags,
    { env: { HF_TOKEN: "" }, stdout: () => {}, stderr: (text) => (log += text), version: "test" },
    (stopNow) => (stop = stopNow),
    (reloadNow) => {
      reload = reloadNow;
      return () => {};
    },
  );
  const url = await vi.waitFor(() => /listening on (http:\/\/\S+),/.exec(log)![1]!);
  return {
    url,
    log: () => log,
    write: (text: string) => writeFileSync(policyFile, text),
    reload: () => reload(),
    stop: async () => {
      stop();
      return exited;
    },
  };
}

describe("lic gate: SIGHUP (a reload signal)", () => {
  it("re-reads --policy: logs the new name and digest; a bad file keeps the old policy and logs every problem", async () => {
    const gate = await runCliGate("name: first\nextends: default\n");
    expect((await fetch(`${gate.url}/${BERT}/resolve/main/LICENSE`)).status).toBe(200);

    gate.write("name: second\nextends: default\nlicenses:\n  deny: [apache-2.0]\n");
    gate.reload();
    await vi.waitFor(() =>
      expect(gate.log()).toMatch(/reloaded: now deciding by policy second \(sha256:[0-9a-f]{64}\)/),
    );
    expect((await fetch(`${gate.url}/${BERT}/resolve/main/LICENSE`)).status).toBe(403);

    gate.write("name: third\nextends: default\nbogus: 1\nrules:\n  nonCommercial: maybe\n");
    gate.reload();
    await vi.waitFor(() => expect(gate.log()).toContain("reload failed, still deciding by policy second"));
    const failure = gate.log().slice(gate.log().indexOf("reload failed"));
    expect(failure).toContain("bogus");
    expect(failure).toContain("nonCommercial");
    expect((await fetch(`${gate.url}/${BERT}/resolve/main/LICENSE`)).status).toBe(403);
    expect(await gate.stop()).toBe(0);
  });
});
