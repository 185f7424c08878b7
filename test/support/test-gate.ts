import { afterEach } from "vitest";
import type { AuditEntry } from "../../src/gate/audit/audit-sink.js";
import { MemoryAuditSink } from "../../src/gate/audit/memory-audit-sink.js";
import { type GateConfig, type StartedGate, startGate } from "../../src/gate/start-gate.js";
import type { FakeHub } from "./fake-hub.js";
import { gateConfig } from "./gate-config.js";

export interface TestGate extends StartedGate {
  /**
   * The audit log's entries so far. The sink is in memory and the gate writes an entry before it answers, so they are
   * all here once the client has its answer (reading a file stream instead raced its flush: the flaky test).
   */
  audit(): AuditEntry[];
  notices: string[];
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
    const audit = new MemoryAuditSink();
    const notices: string[] = [];
    const gate = await startGate(gateConfig(hub.url, dir, audit, (message) => notices.push(message), config));
    started.push({ gate, close: () => audit.close() });
    return {
      ...gate,
      notices,
      audit: () => [...audit.entries],
    };
  };
}
