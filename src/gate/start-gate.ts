import { hostname, networkInterfaces } from "node:os";
import { FsSnapshotStore } from "../acquire/store/fs-snapshot-store.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Policy } from "../policy/policy.js";
import { createRedactor } from "../util/redact.js";
import type { AuditSink } from "./audit/audit-sink.js";
import { Decider } from "./decider.js";
import { listenGate, type RunningGate } from "./gate-server.js";
import { createGateHandler } from "./handler.js";
import { Metrics } from "./metrics.js";
import type { Offload } from "./offload-mode.js";
import { Upstream } from "./upstream.js";
import type { GateMode } from "./verdict-to-status.js";

export interface GateConfig {
  policy: Policy;
  catalog: Catalog;
  mode: GateMode;
  /** The Hub (or mirror) behind the gate, without a trailing slash. */
  upstream: string;
  /** The gate's own token for deciding (metadata and license files of gated models); never a client's. */
  token: string | undefined;
  host: string;
  port: number;
  publicUrl: string | null;
  /** Extra `host[:port]` names clients may reach the gate by (behind a load balancer, a DNS name). */
  allowedHosts: string[];
  audit: AuditSink;
  /** null: no snapshot cache on disk (decisions are still kept in memory). */
  cacheDir: string | null;
  lineage: { maxDepth: number } | null;
  timeoutMs: number;
  maxUpstreamConnections: number;
  maxHeaderBytes: number;
  requestTimeoutMs: number;
  today: () => string;
  /** Who copies an allowed file's bytes from storage (--offload); `none` when not given. */
  offload?: Offload;
  onNotice: (message: string) => void;
}

export interface StartedGate extends RunningGate {
  metrics: Metrics;
  decider: Decider;
  allowedHosts: ReadonlySet<string>;
}

/** Builds the gate from its configuration and starts listening. */
export async function startGate(config: GateConfig): Promise<StartedGate> {
  const redact = createRedactor([config.token]);
  const onNotice = (message: string) => config.onNotice(redact(message));
  const upstream = new Upstream({
    base: config.upstream,
    timeoutMs: config.timeoutMs,
    maxConnections: config.maxUpstreamConnections,
  });
  const decider = new Decider({
    policy: config.policy,
    catalog: config.catalog,
    acquire: {
      // Through the Upstream, the gate's one way out: decision reads are bounded by --max-upstream-connections too.
      hub: {
        endpoint: config.upstream,
        token: config.token,
        redact,
        timeoutMs: config.timeoutMs,
        fetch: upstream.fetch,
      },
      cache: config.cacheDir ? new FsSnapshotStore(config.cacheDir, config.upstream, { redact }) : null,
      offline: false,
      onNotice,
    },
    lineage: config.lineage ? { maxDepth: config.lineage.maxDepth, concurrency: 4 } : null,
    today: config.today,
    redact,
  });
  const metrics = new Metrics();
  // The Host check needs the bound port, so the set is filled once the server listens (before any request).
  const allowedHosts = new Set<string>();
  const handler = createGateHandler({
    upstream,
    decider,
    policy: config.policy,
    mode: config.mode,
    audit: config.audit,
    metrics,
    allowedHosts,
    publicUrl: config.publicUrl,
    redact,
    onError: onNotice,
    offload: config.offload ?? "none",
  });
  const running = await listenGate(handler, {
    host: config.host,
    port: config.port,
    maxHeaderBytes: config.maxHeaderBytes,
    requestTimeoutMs: config.requestTimeoutMs,
  });
  const port = Number(new URL(running.url).port);
  for (const host of hostNamesFor(config.host, port, config.publicUrl, config.allowedHosts)) allowedHosts.add(host);
  if (allowedHosts.has(new URL(config.upstream).host.toLowerCase())) {
    await running.close();
    throw new GateConfigError(`the upstream ${config.upstream} is the gate itself; give the Hub's URL with --upstream`);
  }
  const close = async () => {
    await running.close();
    upstream.close();
  };
  return { ...running, close, metrics, decider, allowedHosts };
}

export class GateConfigError extends Error {}

/**
 * The Host values the gate answers to: the address it listens on and the names that reach it there (localhost
 * for loopback; every local address and the host name for a wildcard bind), the public URL's host, and those given.
 * Anything else is a request meant for another server, or a DNS-rebinding page, and is refused.
 */
export function hostNamesFor(host: string, port: number, publicUrl: string | null, extra: string[]): string[] {
  const names = new Set<string>();
  const add = (name: string) => {
    const lower = name.toLowerCase();
    names.add(`${lower}:${port}`);
    if (port === 80) names.add(lower);
  };
  const bracket = (address: string) => (address.includes(":") ? `[${address}]` : address);
  add(bracket(host));
  const loopback = host === "127.0.0.1" || host === "::1" || host === "localhost";
  const wildcard = host === "0.0.0.0" || host === "::";
  if (loopback || wildcard) for (const name of ["localhost", "127.0.0.1", "[::1]"]) add(name);
  if (wildcard) {
    for (const name of localNames()) add(bracket(name));
  }
  if (publicUrl) {
    const url = new URL(publicUrl);
    names.add(url.host.toLowerCase());
  }
  // A name given without a port is taken with the gate's port and without one (a load balancer on :80 or :443).
  for (const name of extra) {
    const lower = name.toLowerCase();
    names.add(lower);
    if (!/:\d+$/.test(lower)) names.add(`${lower}:${port}`);
  }
  return [...names];
}

function localNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((entries) =>
    (entries ?? []).map((entry) => entry.address),
  );
  return [hostname(), ...addresses];
}
