import type { IncomingMessage, ServerResponse } from "node:http";
import type { Policy } from "../policy/policy.js";
import type { Redactor } from "../util/redact.js";
import { type AuditSink, redactedAuditSink } from "./audit/audit-sink.js";
import { clientGoneOf } from "./client-gone.js";
import type { Decider } from "./decider.js";
import { type Exchange, RequestBodyRefused } from "./exchange.js";
import type { GateContext } from "./gate-context.js";
import { headerSafe, upstreamRequestHeaders } from "./headers.js";
import { lingerBeforeClose } from "./linger-before-close.js";
import { memoRedactor } from "./memo-redactor.js";
import type { Metrics } from "./metrics.js";
import type { Offload } from "./offload-mode.js";
import { passOn } from "./pass-on.js";
import { json, problem, type Reply, send } from "./reply.js";
import { type RouteResult, rememberedRoutes } from "./route.js";
import { serveFile } from "./serve-file.js";
import { serveMetadata } from "./serve-metadata.js";
import { type Upstream, UpstreamError } from "./upstream.js";
import type { GateMode } from "./verdict-to-status.js";

export interface GateOptions {
  upstream: Upstream;
  /** What the gate needs of a Decider (an interface, so a test can hand it a crafted outcome). */
  decider: Pick<Decider, "decide" | "size">;
  policy: Policy;
  mode: GateMode;
  audit: AuditSink;
  metrics: Metrics;
  /**
   * Knows the gate's own token. Every string the gate lets out passes it at one of two exits: `send` (every header,
   * every body held in memory) and the audit sink (every entry); `onError` lines too. Streamed file bytes do not.
   */
  redact: Redactor;
  /** `host:port` values (lower case) a request's Host may name; anything else is refused. */
  allowedHosts: ReadonlySet<string>;
  /** The gate's URL as clients reach it, for rewritten `Link` and `Location` URLs; null: http:// and the Host. */
  publicUrl: string | null;
  /** Who copies an allowed file's bytes from the upstream's storage; `none` (the gate streams them) by default. */
  offload?: Offload;
  /** The largest request body taken (paths-info), and a 32nd of the largest model-info body read for its sha. */
  maxBodyBytes?: number;
  now?: () => Date;
  /** `/readyz`: each store's reachability (none without --redis). */
  readiness?: () => Record<string, boolean>;
  /** Problems that are the gate's, not a client's (an internal error); redacted before they are handed on. */
  onError?: (message: string) => void;
  /** /readyz: whether the gate's dependencies (PostgreSQL) answer. */
  ready?: () => Promise<boolean>;
}

/** A reply and the route it was for (a metrics label); `bodyLeftUnread`: the client may still be sending. */
interface Answered {
  route: string;
  reply: Reply;
  bodyLeftUnread?: boolean;
}

/**
 * `lic gate`: the Hub's protocol, with a policy decision on every model. Metadata always passes (so users can read
 * why a model is blocked); file bytes pass only when the policy allows the model at the commit they come from, and
 * are piped from the upstream's socket to the client's with Node streams, never buffered. In annotate mode nothing
 * is refused and every model response says what the policy would have done.
 */
export function createGateHandler(options: GateOptions): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  const { metrics } = options;
  const redact = memoRedactor(options.redact);
  const context: GateContext = {
    upstream: options.upstream,
    decider: options.decider,
    policy: options.policy,
    mode: options.mode,
    metrics,
    audit: redactedAuditSink(options.audit, redact),
    allowedHosts: options.allowedHosts,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    now: options.now ?? (() => new Date()),
    offload: options.offload ?? "none",
    policyHeader: `${headerSafe(options.policy.name, 200)} ${options.policy.digest}`,
    readiness: options.readiness ?? (() => ({})),
    ready: options.ready ?? (async () => true),
  };
  const onError = (message: string) => options.onError?.(redact(message));
  const route = rememberedRoutes();
  const countStreamed = (bytes: number) => metrics.add("lic_gate_bytes_streamed_total", {}, bytes);

  return (incoming, outgoing) => {
    const exchange: Exchange = {
      method: incoming.method ?? "GET",
      target: incoming.url ?? "/",
      headers: incoming.headers,
      client: incoming.socket.remoteAddress ?? "unknown",
      incoming,
      clientGone: clientGoneOf(outgoing),
      continueBody: () => {
        if (/100-continue/i.test(String(incoming.headers.expect ?? ""))) outgoing.writeContinue();
      },
    };
    const deliver = ({ route, reply, bodyLeftUnread }: Answered) => {
      metrics.add("lic_gate_requests_total", { route, status: String(reply.status) });
      if (bodyLeftUnread && outgoing.socket) lingerBeforeClose(incoming, outgoing.socket);
      send(outgoing, exchange.method, reply, redact, countStreamed);
    };
    // One `then` with both outcomes, not `catch` then `then`: a promise fewer for every request.
    answer(context, exchange, options.publicUrl, route).then(deliver, (error: unknown) => {
      onError(
        `internal error on ${exchange.method} ${headerSafe(exchange.target, 300)}: ${error instanceof Error ? error.message : String(error)}`,
      );
      deliver({ route: "internal", reply: problem(500, "lic gate failed on this request; see its log") });
    });
  };
}

/** Host check, route, then the route's handler; upstream failures and refused bodies become the gate's answers. */
async function answer(
  context: GateContext,
  exchange: Exchange,
  publicUrl: string | null,
  routeRequest: (method: string, target: string) => RouteResult,
): Promise<Answered> {
  const { upstream, metrics, allowedHosts } = context;
  const host = (exchange.headers.host ?? "").toLowerCase();
  if (!allowedHosts.has(host)) {
    const reason = host
      ? `Host "${headerSafe(host, 200)}" is not this gate; it answers only for ${[...allowedHosts].join(", ")}`
      : "the request has no Host header";
    return { route: "refused", reply: problem(400, reason) };
  }
  const routed = routeRequest(exchange.method, exchange.target);
  if (!routed.ok) return { route: "refused", reply: problem(routed.status, routed.reason) };
  const { route } = routed;
  if (route.kind === "healthz") return { route: "healthz", reply: json(200, { status: "ok" }) };
  // Readiness, apart from liveness: a gate whose database is away still serves (audit rows go to disk), but a load
  // balancer may prefer a replica that has it; a Redis that is down leaves it ready (it serves from its memory).
  if (route.kind === "readyz") {
    const stores = context.readiness();
    return (await context.ready())
      ? { route: "readyz", reply: json(200, { status: "ready", stores }) }
      : { route: "readyz", reply: json(503, { status: "not ready", stores, reason: "PostgreSQL does not answer" }) };
  }
  if (route.kind === "metrics") {
    const text = metrics.render({
      lic_gate_upstream_connections: {
        help: "Connections open to the upstream and its storage.",
        value: upstream.connections,
      },
      lic_gate_decisions_held: { help: "Decisions kept in memory.", value: context.decider.size },
    });
    return {
      route: "metrics",
      reply: { status: 200, headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" }, body: text },
    };
  }
  const query = exchange.target.includes("?") ? exchange.target.slice(exchange.target.indexOf("?")) : "";
  const gateBase = publicUrl ?? `http://${host}`;
  try {
    if (route.kind === "whoami") {
      const response = await upstream.request(
        route.upstreamPath + query,
        { method: exchange.method as "GET", headers: upstreamRequestHeaders(exchange.headers) },
        exchange.clientGone,
      );
      return { route: "whoami", reply: passOn(response, upstream.base, gateBase) };
    }
    if (route.kind === "file")
      return { route: "file", reply: await serveFile(context, exchange, route, query, gateBase) };
    return { route: route.kind, reply: await serveMetadata(context, exchange, route, query, gateBase) };
  } catch (error) {
    if (error instanceof UpstreamError) {
      metrics.add("lic_gate_upstream_errors_total", { kind: error.kind });
      const what =
        error.kind === "too_large" || error.kind === "encoding"
          ? "the upstream's answer cannot be passed on"
          : "the upstream did not answer";
      return { route: route.kind, reply: problem(error.kind === "timeout" ? 504 : 502, `${what}: ${error.message}`) };
    }
    if (error instanceof RequestBodyRefused) {
      // The client may still be sending: the rest is not read, so the connection cannot carry another request.
      const reply = problem(error.status, error.message);
      reply.headers["connection"] = "close";
      return { route: route.kind, reply, bodyLeftUnread: true };
    }
    throw error;
  }
}
