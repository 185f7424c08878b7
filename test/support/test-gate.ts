import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { getCatalog } from "../../src/catalog/catalog.js";
import { type AuditEntry, openAuditLog } from "../../src/gate/audit/jsonl-audit-log.js";
import { type GateConfig, type StartedGate, startGate } from "../../src/gate/start-gate.js";
import type { FakeHub } from "./fake-hub.js";
import { builtInPolicy, TODAY } from "./policies.js";

export interface TestGate extends StartedGate {
  auditPath: string;
  /** The audit log's entries so far. */
  audit(): AuditEntry[];
  notices: string[];
}

/**
 * The audit log once it holds `count` entries: the gate writes an entry before it answers, but the file stream may
 * land it a moment after the client has its answer. Gives what there is after `withinMs`.
 */
export async function auditOf(gate: TestGate, count: number, withinMs = 3000): Promise<AuditEntry[]> {
  const until = Date.now() + withinMs;
  while (gate.audit().length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return gate.audit();
}

/** Gates started in a test, stopped after it. */
export function useGates(
  tempDir: () => string,
): (hub: Pick<FakeHub, "url">, config?: Partial<GateConfig>) => Promise<TestGate> {
  const started: { gate: StartedGate; close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const { gate, close } of started.splice(0)) {
      await gate.close();
      await close();
    }
  });
  return async (hub, config = {}) => {
    const dir = tempDir();
    const auditPath = join(dir, "audit.jsonl");
    const audit = await openAuditLog(auditPath);
    const notices: string[] = [];
    const gate = await startGate({
      policy: builtInPolicy("default"),
      catalog: getCatalog(),
      mode: "enforce",
      upstream: hub.url,
      token: undefined,
      host: "127.0.0.1",
      port: 0,
      publicUrl: null,
      allowedHosts: [],
      audit,
      cacheDir: join(dir, "cache"),
      lineage: { maxDepth: 8 },
      timeoutMs: 5000,
      maxUpstreamConnections: 16,
      maxHeaderBytes: 16 * 1024,
      requestTimeoutMs: 10_000,
      today: () => TODAY,
      onNotice: (message) => notices.push(message),
      ...config,
    });
    started.push({ gate, close: () => audit.close() });
    return {
      ...gate,
      auditPath,
      notices,
      audit: () =>
        readFileSync(auditPath, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as AuditEntry),
    };
  };
}
