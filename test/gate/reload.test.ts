import { createHash, randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { describeRules, type GateRules, reloadOnSignal, reloadRules } from "../../src/gate/reload-policy.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel } from "../support/hub-models.js";
import { builtInPolicy, policyFrom } from "../support/policies.js";
import { useTempDirs } from "../support/temp-dir.js";
import { useGates } from "../support/test-gate.js";

const startTestGate = useGates(useTempDirs());

/** Larger than the sockets' buffers together, so the download is still in flight while the test holds its reader. */
const WEIGHTS = randomBytes(24 * 1024 * 1024 + 5);
const BERT = "google-bert/bert-base-uncased";
const NO_APACHE = "name: no-apache\nextends: default\nlicenses:\n  deny: [apache-2.0]\n";

let hub: FakeHub;
beforeEach(async () => {
  hub = FakeHub.of([{ ...bertModel(), lfsFiles: { "model.safetensors": WEIGHTS } }]);
  await hub.start();
  return () => hub.stop();
});

const rulesOf = (text: string): GateRules => ({ policy: policyFrom(text), lock: null });

describe("lic gate: a policy reload", () => {
  it("decides new requests by the new policy while a download in flight completes byte-identical", async () => {
    const gate = await startTestGate(hub);
    const download = await fetch(`${gate.url}/${BERT}/resolve/main/model.safetensors`);
    expect(download.status).toBe(200);
    const reader = download.body!.getReader();
    const first = await reader.read();

    const log: string[] = [];
    expect(
      await reloadRules(
        gate,
        async () => rulesOf(NO_APACHE),
        (line) => log.push(line),
      ),
    ).toBe(true);
    const blocked = await fetch(`${gate.url}/${BERT}/resolve/main/model.safetensors`);
    expect(blocked.status).toBe(403);
    expect(blocked.headers.get("x-lic-policy")).toContain("no-apache");

    const chunks = [Buffer.from(first.value!)];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(Buffer.from(next.value));
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(WEIGHTS));
    expect(log).toEqual([`reloaded: now deciding by policy no-apache (${gate.rules().policy.digest})`]);
    const files = gate.audit().filter((entry) => entry.route === "file");
    expect(files.map((entry) => [entry.policy.name, entry.action])).toEqual([
      ["default", "served"],
      ["no-apache", "refused"],
    ]);
  });

  it("a policy that fails to load keeps the old one and logs every problem", async () => {
    const gate = await startTestGate(hub);
    const log: string[] = [];
    const failing = async (): Promise<GateRules> => {
      throw new Error("policy.yaml:2: unknown key\npolicy.yaml:3: not a license");
    };
    expect(await reloadRules(gate, failing, (line) => log.push(line))).toBe(false);
    expect(log).toEqual([
      `reload failed, still deciding by ${describeRules(gate.rules())}:\npolicy.yaml:2: unknown key\npolicy.yaml:3: not a license`,
    ]);
    expect(gate.rules().policy.name).toBe("default");
    const license = await fetch(`${gate.url}/${BERT}/resolve/main/LICENSE`);
    expect([license.status, (await license.text()).length > 0]).toEqual([200, true]);
  });

  it("/metrics names the policy and its digest, the new one after a reload", async () => {
    const gate = await startTestGate(hub);
    const before = builtInPolicy("default");
    expect(await metricsText(gate.url)).toContain(`lic_gate_policy_info{digest="${before.digest}",name="default"} 1`);
    const next = rulesOf(NO_APACHE);
    await reloadRules(
      gate,
      async () => next,
      () => {},
    );
    const text = await metricsText(gate.url);
    expect(text).toContain(`lic_gate_policy_info{digest="${next.policy.digest}",name="no-apache"} 1`);
    expect(text).not.toContain(before.digest);
  });

  it("reloads one at a time, in the order asked, so the last edit wins", async () => {
    const gate = await startTestGate(hub);
    let fire = () => {};
    const names = ["first", "second"];
    const reloads = reloadOnSignal(
      (reload) => {
        fire = reload;
        return () => {};
      },
      () =>
        reloadRules(
          gate,
          async () => rulesOf(`name: ${names.shift()}\nextends: default\n`),
          () => {},
        ),
    );
    fire();
    fire();
    await reloads.settled();
    expect(gate.rules().policy.name).toBe("second");
  });
});

async function metricsText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
