import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { type IncomingHttpHeaders, request } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { GZFILE_JSON, HostileHub, shaOf } from "../support/hostile-hub.js";
import { policyFrom } from "../support/policies.js";
import { useTempDirs } from "../support/temp-dir.js";
import { type TestGate, useGates } from "../support/test-gate.js";

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

const run = promisify(execFile);

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
function ask(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? "GET", headers: options.headers ?? {}, timeout: ANSWER_WITHIN_MS },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const body = Buffer.concat(chunks);
          const head = `${incoming.statusCode}\n${Object.entries(incoming.headers)
            .map(([name, value]) => `${name}: ${String(value)}`)
            .join("\n")}`;
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body,
            text: `${head}\n\n${body.toString("utf8")}`,
          });
        });
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)));
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

async function upstreamConnections(gate: TestGate): Promise<number> {
  const metrics = (await ask(`${gate.url}/metrics`)).body.toString();
  return Number(/^lic_gate_upstream_connections (\d+)$/m.exec(metrics)![1]);
}

/** Polls until the gate holds no connection to the upstream; false if it still does after `withinMs`. */
async function upstreamConnectionsClose(gate: TestGate, withinMs = 5000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if ((await upstreamConnections(gate)) === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("H1: the gate's token never reaches a client or the audit log", () => {
  const UNREADABLE_BLOCKS = "extends: default\nunreadableEvidence: block\n";

  it.each(["hf_secret_rt_token", "corp-internal-rt-TOKEN-7f3a"])(
    "an ancestor's error that echoes the token (%s): model info, file refusal, audit",
    async (token) => {
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
      expect(hub.requestsTo("/api/models/x/echo403").some((seen) => seen.authorization === `Bearer ${token}`)).toBe(
        true,
      );
      const audit = gate.audit();
      expect(audit.map((entry) => entry.action)).toEqual(["served", "refused"]);
      expect(audit[1]!.reason).toContain("[token]");
      expect(JSON.stringify(audit)).not.toContain(token);
      expect(gate.notices.join("\n")).not.toContain(token);
    },
  );
});

describe("M1, its limit: a private model", () => {
  it("a client the upstream refuses learns nothing of what the gate read with its token: the upstream's 401 as it is", async () => {
    const gate = await startTestGate(hub, { token: "hf_gate_secret" });
    const answer = await ask(`${gate.url}/x/private.m1/resolve/main/config.json`);
    expect(answer.status).toBe(401);
    expect(answer.headers["x-error-code"]).toBe("RepoNotFound");
    expect(Object.keys(answer.headers).filter((name) => name.startsWith("x-lic-"))).toEqual([]);
    expect(answer.text).not.toContain("license-missing");
    // The gate did decide (the model is blocked), and says so in its own log only.
    expect(gate.audit()).toEqual([
      expect.objectContaining({
        verdict: "block",
        action: "refused",
        status: 401,
        reason: "the upstream refused the file (401 RepoNotFound)",
      }),
    ]);
  });
});

describe("M2: an upstream file body that breaks off while the gate decides", () => {
  it("answers 502 (it never answered at all)", async () => {
    const gate = await startTestGate(hub);
    const answer = await ask(`${gate.url}/x/filereset.m2/resolve/main/LICENSE`);
    expect(answer.status).toBe(502);
    expect(answer.headers["x-error-message"]).toContain("broke off");
    expect(gate.audit().at(-1)).toMatchObject({ route: "file", action: "refused", status: 502 });
  });
});

describe("M8: a model-info body that trickles in", () => {
  it("answers 504 within --timeout of the headers, and closes the upstream read", async () => {
    // Node sends the upstream's headers with its first byte, a second in; the body then has 3 s more.
    const gate = await startTestGate(hub, { timeoutMs: 3000 });
    const started = Date.now();
    const answer = await ask(`${gate.url}/api/models/x/slowbody.m8`);
    expect(answer.status).toBe(504);
    expect(answer.headers["x-error-message"]).toContain("did not send its whole answer within 3 s");
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    expect(await upstreamConnectionsClose(gate)).toBe(true);
  });

  it("stops reading the upstream when the client goes away", async () => {
    const gate = await startTestGate(hub, { timeoutMs: 60_000 });
    const client = request(`${gate.url}/api/models/x/slowbody.gone`);
    client.on("error", () => {});
    client.end();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await upstreamConnections(gate)).toBe(1);
    client.destroy();
    expect(await upstreamConnectionsClose(gate)).toBe(true);
  });
});

describe("L5: statuses for bodies over the bound, and broken ones", () => {
  const OVER = Buffer.alloc(2 * 1024 * 1024, 120);

  it("a paths-info body declared over 1 MiB gets 413 before any 100 Continue", async () => {
    const gate = await startTestGate(hub);
    const answer = await ask(`${gate.url}/api/models/x/ok.l5/paths-info/main`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", expect: "100-continue" },
      body: OVER,
    });
    expect(answer.status).toBe(413);
    expect(answer.headers["connection"]).toBe("close");
    expect(hub.requestsTo("/api/models/x/ok.l5")).toEqual([]);
  });

  it("a paths-info body over 1 MiB sent without waiting for 100 Continue: curl reads the 413", async () => {
    const gate = await startTestGate(hub);
    const file = join(tempDir(), "body");
    writeFileSync(file, OVER);
    const { stdout } = await run("curl", [
      "-sS",
      "--max-time",
      "10",
      "-o",
      "/dev/null",
      "-w",
      "%{http_code}",
      "-H",
      "Expect:",
      "-X",
      "POST",
      "--data-binary",
      `@${file}`,
      `${gate.url}/api/models/x/ok.l5b/paths-info/main`,
    ]);
    expect(stdout).toBe("413");
  });

  it("a chunked paths-info body that grows over 1 MiB gets 413, then the connection closes", async () => {
    const gate = await startTestGate(hub);
    const { port } = new URL(gate.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1");
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
      socket.on("error", () => resolve(text));
      socket.setTimeout(ANSWER_WITHIN_MS, () => reject(new Error(`no close within ${ANSWER_WITHIN_MS} ms: ${text}`)));
      socket.write(
        `POST /api/models/x/ok.l5c/paths-info/main HTTP/1.1\r\nHost: ${new URL(gate.url).host}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      const piece = Buffer.alloc(64 * 1024, 120);
      let sent = 0;
      const more = () => {
        if (socket.destroyed || text !== "" || sent >= 4 * 1024 * 1024) return;
        sent += piece.byteLength;
        socket.write(`${piece.byteLength.toString(16)}\r\n`);
        socket.write(piece);
        socket.write("\r\n", () => setImmediate(more));
      };
      more();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/^connection: close\r$/im);
    expect(hub.requestsTo("/api/models/x/ok.l5c")).toEqual([]);
  });

  it("an upstream model info over 32 MiB is the upstream's fault: 502, not 413", async () => {
    const gate = await startTestGate(hub);
    const answer = await ask(`${gate.url}/api/models/x/bigjson.l5`);
    expect(answer.status).toBe(502);
    expect(answer.headers["x-error-message"]).toContain("over 33554432 bytes");
  });

  it("an upstream that resets during a model-info body: 502, and no internal error", async () => {
    const gate = await startTestGate(hub);
    const answer = await ask(`${gate.url}/api/models/x/resetmid.l5`);
    expect(answer.status).toBe(502);
    expect(answer.headers["x-error-message"]).toContain("broke off its answer");
    expect(gate.notices.filter((notice) => notice.includes("internal error"))).toEqual([]);
  });
});

describe("L6 and M3: an upstream that gzips although the gate asked for identity", () => {
  it("model info is decoded and passed on as plain JSON, with its sha read", async () => {
    const gate = await startTestGate(hub);
    const answer = await ask(`${gate.url}/api/models/x/gzmeta.l6`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(answer.body.toString())).toMatchObject({ id: "x/gzmeta.l6", sha: shaOf("x/gzmeta.l6") });
    expect(gate.audit().at(-1)).toMatchObject({ sha: shaOf("x/gzmeta.l6"), verdict: "allow" });
  });

  it("a gzip bomb in model info is refused at 32 MiB decoded (502), before any decision", async () => {
    hub.bombBytes = 96 << 20;
    const gate = await startTestGate(hub);
    const answer = await ask(`${gate.url}/api/models/x/gzbomb.m3`);
    expect(answer.status).toBe(502);
    expect(answer.headers["x-error-message"]).toContain("over 33554432 bytes once decoded");
    expect(gate.decider.size).toBe(0);
    expect(await upstreamConnectionsClose(gate)).toBe(true);
  });

  it("streamed file bytes keep their Content-Encoding, so a client can decode them", async () => {
    const gate = await startTestGate(hub);
    const answer = await ask(`${gate.url}/x/gzfile.l6/resolve/main/config.json`);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString()).toBe(GZFILE_JSON);
  });
});
