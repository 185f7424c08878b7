import { join } from "node:path";
import { getCatalog } from "../../src/catalog/catalog.js";
import type { AuditSink } from "../../src/gate/audit/audit-sink.js";
import type { GateConfig } from "../../src/gate/start-gate.js";
import { builtInPolicy, TODAY } from "./policies.js";

/**
 * A gate on 127.0.0.1 in front of `upstream`, as the tests and the benchmarks start it: the default policy, enforce
 * mode, a cache in `dir`, today fixed; `config` adds to it or overrides it.
 */
export function gateConfig(
  upstream: string,
  dir: string,
  audit: AuditSink,
  onNotice: (message: string) => void,
  config: Partial<GateConfig> = {},
): GateConfig {
  return {
    policy: builtInPolicy("default"),
    catalog: getCatalog(),
    mode: "enforce",
    upstream,
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
    onNotice,
    ...config,
  };
}
