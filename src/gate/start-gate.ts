import { hostname, networkInterfaces } from "node:os";
import { FsSnapshotStore } from "../acquire/store/fs-snapshot-store.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Policy } from "../policy/policy.js";
import { createRedactor } from "../util/redact.js";
import type { AuditSink } from "./audit/audit-sink.js";
import { Decider } from "./decider.js";
import { listenGate, type RunningGate } from "./gate-server.js";
import { createGateHandler } from "./handler.js";
import { tuneHeapForStreaming } from "./heap-for-streaming.js";
import { type LockedRegistry, lockedDecider } from "./locked-registry.js";
import { type GateGauge, Metrics } from "./metrics.js";
import type { Offload } from "./offload-mode.js";
import { type GateRules, publishRules, type ReloadableGate } from "./reload-policy.js";
import { SharedBackoff } from "./shared-backoff.js";
import type { DecisionStore } from "./stores/decision-store.js";
import { RedisDecisionStore, type RedisDecisionStoreOptions } from "./stores/redis-decision-store.js";
import { RedisLink } from "./stores/redis-link.js";
import { Upstream } from "./upstream.js";
import type { GateMode } from "./verdict-to-status.js";

export interface GateConfig {
  policy: Policy;
  /** --lock: serve only the (model, commit) pairs this lock approves; null or absent: any the policy allows. */
  lock?: LockedRegistry | null;
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
  /** `--redis`: decisions, single flight and the upstream's 429 backoff shared by replicas; none: this process alone. */
  redis?: ({ url: string } & Omit<RedisDecisionStoreOptions, "link">) | null;
  /** Where decisions are kept (PostgreSQL, shared by replicas); this process's memory when not given. */
  decisionStore?: DecisionStore;
  /** /readyz: whether what the gate depends on (PostgreSQL) answers; always ready when not given. */
  ready?: () => Promise<boolean>;
  /** Gauges of the parts started beside the gate (the audit buffer of --postgres), shown in /metrics. */
  gauges?: GateGauge[];
}

export interface StartedGate extends RunningGate, ReloadableGate {
  metrics: Metrics;
  /** The first policy's Decider; later ones share its store, so `size` counts the decisions of them all. */
  decider: Decider;
  allowedHosts: ReadonlySet<string>;
}

/** Builds the gate from its configuration and starts listening. */
export async function startGate(config: GateConfig): Promise<StartedGate> {
  tuneHeapForStreaming();
  const redact = createRedactor([config.token]);
  const onNotice = (message: string) => config.onNotice(redact(message));
  const metrics = new Metrics();
  for (const { name, help, read } of config.gauges ?? []) metrics.gauge(name, help, read);
  const shared = config.redis ? sharedThroughRedis(config.redis, metrics, onNotice, config.decisionStore) : null;
  const upstream = new Upstream({
    base: config.upstream,
    timeoutMs: config.timeoutMs,
    maxConnections: config.maxUpstreamConnections,
    ...(shared ? { backoff: shared.backoff } : {}),
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
    ...(shared ? { store: shared.store } : config.decisionStore ? { store: config.decisionStore } : {}),
  });
  // The Host check needs the bound port, so the set is filled once the server listens (before any request).
  const allowedHosts = new Set<string>();
  // A handler per set of rules: a reload builds the next and points new requests at it, while requests being
  // answered keep the one they started in (its policy, its lock), so a download in flight is never cut or re-judged.
  const handlerFor = (rules: GateRules) =>
    createGateHandler({
      upstream,
      decider: withRules(decider, rules),
      policy: rules.policy,
      mode: config.mode,
      audit: config.audit,
      metrics,
      allowedHosts,
      publicUrl: config.publicUrl,
      redact,
      onError: onNotice,
      offload: config.offload ?? "none",
      ...(shared ? { readiness: () => ({ redis: shared.link.up }) } : {}),
      ...(config.ready ? { ready: config.ready } : {}),
    });
  let rules: GateRules = { policy: config.policy, lock: config.lock ?? null };
  let handler = handlerFor(rules);
  publishRules(metrics, rules);
  const useRules = (next: GateRules) => {
    handler = handlerFor(next);
    rules = next;
    publishRules(metrics, next);
  };
  const running = await listenGate((incoming, outgoing) => handler(incoming, outgoing), {
    host: config.host,
    port: config.port,
    maxHeaderBytes: config.maxHeaderBytes,
    requestTimeoutMs: config.requestTimeoutMs,
  }).catch(async (error: unknown) => {
    // ioredis keeps reconnecting until closed: a gate that could not start must not keep the process alive.
    await shared?.link.close();
    throw error;
  });
  const port = Number(new URL(running.url).port);
  for (const host of hostNamesFor(config.host, port, config.publicUrl, config.allowedHosts)) allowedHosts.add(host);
  if (allowedHosts.has(new URL(config.upstream).host.toLowerCase())) {
    await running.close();
    await shared?.link.close();
    throw new GateConfigError(`the upstream ${config.upstream} is the gate itself; give the Hub's URL with --upstream`);
  }
  const close = async () => {
    await running.close();
    upstream.close();
    await shared?.link.close();
  };
  return { ...running, close, metrics, decider, allowedHosts, rules: () => rules, useRules };
}

/** The decider for a set of rules: the policy's, and the lock's word on top with --lock. */
function withRules(decider: Decider, { policy, lock }: GateRules): Pick<Decider, "decide" | "size"> {
  const underPolicy = policy === decider.policy ? decider : decider.withPolicy(policy);
  return lock ? lockedDecider(underPolicy, lock) : underPolicy;
}

export class GateConfigError extends Error {}

/** The parts replicas share through Redis, with its health in /metrics. */
function sharedThroughRedis(
  { url, ...storeOptions }: NonNullable<GateConfig["redis"]>,
  metrics: Metrics,
  onNotice: (message: string) => void,
  /** Under the shared cache: PostgreSQL's store (--postgres), else this replica's memory. */
  local?: DecisionStore,
) {
  const link = new RedisLink({ url, onNotice, onError: () => metrics.add("lic_gate_redis_errors_total") });
  metrics.gauge(
    "lic_gate_redis_up",
    "1 while the shared Redis answers, 0 while the gate serves from memory alone.",
    () => (link.up ? 1 : 0),
  );
  return {
    link,
    store: new RedisDecisionStore({ link, ...storeOptions, ...(local ? { local } : {}) }),
    backoff: new SharedBackoff(link),
  };
}

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
