import type { Policy } from "../policy/policy.js";
import type { AuditSink } from "./audit/audit-sink.js";
import type { Decider } from "./decider.js";
import type { Metrics } from "./metrics.js";
import type { Offload } from "./offload-mode.js";
import type { Upstream } from "./upstream.js";
import type { GateMode } from "./verdict-to-status.js";

/** What every handler of one gate shares, built once by `createGateHandler` from its options. */
export interface GateContext {
  upstream: Upstream;
  decider: Pick<Decider, "decide" | "size">;
  policy: Policy;
  mode: GateMode;
  metrics: Metrics;
  /** Already redacting: every entry written here passes the gate's redactor. */
  audit: AuditSink;
  allowedHosts: ReadonlySet<string>;
  maxBodyBytes: number;
  now: () => Date;
  /** Who copies an allowed file's bytes from storage (`--offload`). */
  offload: Offload;
  /** `X-Lic-Policy`: the policy's name, fitted to a header, and its digest. */
  policyHeader: string;
  /** `/readyz`: whether each store the gate uses is reachable (Redis with --redis); none: ready on its own. */
  readiness: () => Record<string, boolean>;
  /** /readyz: whether the gate's dependencies answer. */
  ready: () => Promise<boolean>;
}

/** Counts an upstream 5xx: the upstream's failure, passed on as it is. */
export function noteUpstreamStatus(context: GateContext, status: number): void {
  if (status >= 500) context.metrics.add("lic_gate_upstream_errors_total", { kind: "status_5xx" });
}
