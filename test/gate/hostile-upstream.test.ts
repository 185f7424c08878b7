import { request, type IncomingHttpHeaders } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { HostileHub } from "../support/hostile-hub.js";
import { policyFrom } from "../support/policies.js";
import { auditOf, useGates } from "../support/test-gate.js";
import { useTempDirs } from "../support/temp-dir.js";

/**
 * The gate in front of an upstream that misbehaves: each test is a reproduction from the reliability review
 * (shared/docs/reliability-review.md), named by its finding.
 */
const tempDir = useTempDirs();
const startTestGate = useGates(tempDir);

let hub: HostileHub;
beforeEach(async () => {
  hub = new HostileHub();
  await hub.start();
  return () => hub.stop();
});

/** Generous, so a slow machine passes; a gate that hangs does not. */
const ANSWER_WITHIN_MS = 10_000;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Status line, headers and body as one string, to search for a secret anywhere. */
  text: string;
}

/** One request, the body as sent (no decoding); rejects if there is no whole answer within ANSWER_WITHIN_MS. */
function ask(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? "GET", headers: options.headers ?? {}, timeout: ANSWER_WITHIN_MS }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("end", () => {
        const body = Buffer.concat(chunks);
        const head = `${incoming.statusCode}\n${Object.entries(incoming.headers).map(([name, value]) => `${name}: ${String(value)}`).join("\n")}`;
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body, text: `${head}\n\n${body.toString("utf8")}` });
      });
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)));
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

describe("H1: the gate's token never reaches a client or the audit log", () => {
  const UNREADABLE_BLOCKS = "extends: default\nunreadableEvidence: block\n";

  it.each(["hf_secret_rt_token", "corp-internal-rt-TOKEN-7f3a"])("an ancestor's error that echoes the token (%s): model info, file refusal, audit", async (token) => {
    const gate = await startTestGate(hub, { token, policy: policyFrom(UNREADABLE_BLOCKS) });
    const info = await ask(`${gate.url}/api/models/x/echoparent.info`);
    expect(info.status).toBe(200);
    expect(info.headers["x-lic-reason"]).toContain("ancestor-unavailable");
    expect(info.headers["x-lic-reason"]).toContain("[token]");
    expect(info.text).not.toContain(token);

    const file = await ask(`${gate.url}/x/echoparent.file/resolve/main/config.json`);
    expect(file.status).toBe(403);
    expect(file.headers["x-error-message"]).toContain("[token]");
    expect(String(file.headers["x-lic-reason"])).toContain("[token]");
    expect(JSON.parse(file.body.toString()).error).toContain("[token]");
    expect(file.text).not.toContain(token);

    // The gate's token did reach the upstream (it is what the echo repeats): the test would see a leak.
    expect(hub.requestsTo("/api/models/x/echo403").some((seen) => seen.authorization === `Bearer ${token}`)).toBe(true);
    const audit = await auditOf(gate, 2);
    expect(audit.map((entry) => entry.action)).toEqual(["served", "refused"]);
    expect(audit[1]!.reason).toContain("[token]");
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(gate.notices.join("\n")).not.toContain(token);
  });
});
