import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../src/gate/audit/audit-sink.js";
import type { DecisionOutcome } from "../../src/gate/decision.js";
import { listenGate, type RunningGate } from "../../src/gate/gate-server.js";
import { createGateHandler } from "../../src/gate/handler.js";
import { Metrics } from "../../src/gate/metrics.js";
import { fitReply, type Reply } from "../../src/gate/reply.js";
import { Upstream } from "../../src/gate/upstream.js";
import { createRedactor } from "../../src/util/redact.js";
import { hubApiFixture } from "../support/fixtures.js";
import { HostileHub } from "../support/hostile-hub.js";
import { builtInPolicy, check } from "../support/policies.js";
import { snapshotOf } from "../support/snapshots.js";

/** The gate's token in these tests: not `hf_`-shaped, so only the redactor's knowledge of it can catch it. */
const TOKEN = "corp-internal-rt-TOKEN-7f3a";
const redact = createRedactor([TOKEN]);

describe("fitReply: what may leave the gate", () => {
  const reply = (headers: Record<string, string>, body: Reply["body"]): Reply => ({ status: 403, headers, body });

  it("redacts every header value and every body held in memory", () => {
    const fitted = fitReply(
      reply(
        { "x-error-message": `refused ${TOKEN}`, "x-lic-reason": `Bearer ${TOKEN}`, "x-other": TOKEN },
        `{"error":"refused ${TOKEN}"}`,
      ),
      redact,
    );
    expect(fitted.headers).toEqual({
      "x-error-message": "refused [token]",
      "x-lic-reason": "Bearer [token]",
      "x-other": "[token]",
    });
    expect(fitted.body).toBe('{"error":"refused [token]"}');
    expect(fitReply(reply({}, Buffer.from(`{"note":"${TOKEN}"}`)), redact).body).toEqual(
      Buffer.from('{"note":"[token]"}'),
    );
  });

  it("redacts a reason before fitting it to one bounded line, so a cut cannot leave part of a token", () => {
    const fitted = fitReply(reply({ "x-lic-reason": `${"a".repeat(990)} ${TOKEN}\nmore` }, null), redact);
    expect(fitted.headers["x-lic-reason"]!.length).toBeLessThanOrEqual(1000);
    expect(fitted.headers["x-lic-reason"]).not.toContain(TOKEN.slice(0, 4));
  });

  it("drops X-Accel-* headers passed on and sets X-Accel-Redirect only from the gate's own offload, redacted", () => {
    const passedOn = reply({ "x-accel-redirect": "/internal/anything", "x-accel-limit-rate": "1", etag: '"e"' }, null);
    expect(fitReply(passedOn, redact).headers).toEqual({ etag: '"e"' });
    const offloaded = fitReply({ ...passedOn, accelRedirect: `/_lic_upstream/f?t=${TOKEN}` }, redact);
    expect(offloaded.headers).toEqual({ etag: '"e"', "x-accel-redirect": "/_lic_upstream/f?t=[token]" });
  });

  it("leaves bytes that are not text alone: a buffer with no secret, and streamed bodies", () => {
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x41]);
    expect(fitReply(reply({}, binary), redact).body).toBe(binary);
    const stream = Readable.from([Buffer.from(TOKEN)]);
    expect(fitReply(reply({}, stream), redact).body).toBe(stream);
  });
});

describe("the gate's exits, with a crafted decision that holds its token", () => {
  let hub: HostileHub;
  let gate: RunningGate;
  let upstream: Upstream;
  let outcome: () => Promise<DecisionOutcome>;
  const audit: AuditEntry[] = [];
  const errors: string[] = [];

  beforeEach(async () => {
    hub = new HostileHub();
    await hub.start();
    audit.length = 0;
    errors.length = 0;
    upstream = new Upstream({ base: hub.url, timeoutMs: 5000, maxConnections: 4 });
    const allowedHosts = new Set<string>();
    const handler = createGateHandler({
      upstream,
      decider: { decide: () => outcome(), size: 0 },
      policy: builtInPolicy("default"),
      mode: "enforce",
      audit: { write: (entry) => void audit.push(entry), close: async () => {} },
      metrics: new Metrics(),
      allowedHosts,
      publicUrl: null,
      redact,
      onError: (message) => void errors.push(message),
    });
    gate = await listenGate(handler, { host: "127.0.0.1", port: 0, maxHeaderBytes: 16 * 1024, requestTimeoutMs: 5000 });
    allowedHosts.add(new URL(gate.url).host);
  });
  afterEach(async () => {
    await gate.close();
    upstream.close();
    await hub.stop();
  });

  /** Status line, headers and body of one answer, as one string. */
  async function answerTo(path: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${gate.url}${path}`);
    const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
    return { status: response.status, text: `${headers}\n\n${await response.text()}` };
  }

  const blocked = (): DecisionOutcome => {
    const result = check(snapshotOf(hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english")));
    const reason = `${result.model} is blocked: the ancestor said "Invalid credentials: Bearer ${TOKEN}" (raw: ${TOKEN})`;
    return {
      ok: true,
      cached: false,
      decision: {
        model: result.model,
        sha: result.revision,
        verdict: "block",
        codes: ["license-missing"],
        reason,
        isPrivate: false,
        result,
      },
    };
  };

  it("a block: 403 headers and body, and the audit entry", async () => {
    outcome = async () => blocked();
    const answer = await answerTo("/x/ok.block/resolve/main/config.json");
    expect(answer.status).toBe(403);
    expect(answer.text).toContain(
      'x-error-message: dbmdz/bert-large-cased-finetuned-conll03-english is blocked: the ancestor said "Invalid credentials: Bearer [token]" (raw: [token])',
    );
    expect(answer.text).not.toContain(TOKEN);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toContain("(raw: [token])");
  });

  it("undecided: the 503 and its audit entry; a warning on model info: X-Lic-Reason", async () => {
    outcome = async () => ({ ok: false, kind: "upstream", message: `x/ok: the Hub said: token ${TOKEN} is not valid` });
    const refused = await answerTo("/x/ok.undecided/resolve/main/config.json");
    expect(refused.status).toBe(503);
    expect(refused.text).toContain("token [token] is not valid");
    expect(refused.text).not.toContain(TOKEN);

    const warned = blocked();
    if (warned.ok) warned.decision.verdict = "warn";
    outcome = async () => warned;
    const info = await answerTo("/api/models/x/ok.info");
    expect(info.status).toBe(200);
    expect(info.text).toContain(
      "x-lic-reason: dbmdz/bert-large-cased-finetuned-conll03-english is blocked: the ancestor said",
    );
    expect(info.text).not.toContain(TOKEN);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
    expect(audit.map((entry) => entry.reason)).toEqual([expect.stringContaining("[token]"), undefined]);
  });

  it("an internal error: the line for the gate's log", async () => {
    outcome = async () => {
      throw new Error(`decider broke on Bearer ${TOKEN}`);
    };
    const answer = await answerTo("/x/ok.internal/resolve/main/config.json");
    expect(answer.status).toBe(500);
    expect(errors).toEqual([expect.stringContaining("decider broke on Bearer [token]")]);
    expect(errors.join("")).not.toContain(TOKEN);
  });
});
