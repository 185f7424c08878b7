import { describe, expect, it } from "vitest";
import { type AuditEntry, redactedAuditSink } from "../../../src/gate/audit/audit-sink.js";
import { createRedactor } from "../../../src/util/redact.js";

const TOKEN = "hf_abcdefghijklmnopqrstuvwxyz0123456789";

const entry: AuditEntry = {
  requestId: "7d0e6d2c-5a7b-4f59-9d0a-2a9a3c1f8e11",
  time: "2026-12-02T00:00:00.000Z",
  client: `127.0.0.1 ${TOKEN}`,
  method: "GET",
  route: "file",
  model: `org/${TOKEN}`,
  revision: TOKEN,
  sha: TOKEN,
  path: `a/${TOKEN}.json`,
  mode: "enforce",
  verdict: "block",
  codes: ["license-denied"],
  action: "refused",
  status: 403,
  policy: { name: "default", digest: "d".repeat(64) },
  reason: `the upstream said: token ${TOKEN} is invalid`,
};

describe("redactedAuditSink", () => {
  it("redacts every field that carries text from outside the gate, and keeps the gate's own fields as they are", () => {
    const written: AuditEntry[] = [];
    const sink = redactedAuditSink(
      { write: (one) => written.push(one), close: async () => {} },
      createRedactor([TOKEN]),
    );
    sink.write(entry);
    expect(JSON.stringify(written)).not.toContain(TOKEN);
    const [clean] = written;
    expect(clean!.reason).toContain("the upstream said");
    expect(clean!.model.startsWith("org/")).toBe(true);
    const { client, model, revision, sha, path, reason, ...own } = clean!;
    const { client: _c, model: _m, revision: _r, sha: _s, path: _p, reason: _why, ...given } = entry;
    expect(own).toEqual(given);
  });

  it("writes an entry without a reason without adding one", () => {
    const written: AuditEntry[] = [];
    const sink = redactedAuditSink({ write: (one) => written.push(one), close: async () => {} }, createRedactor([]));
    const { reason: _, ...served } = entry;
    sink.write(served);
    expect("reason" in written[0]!).toBe(false);
  });
});
