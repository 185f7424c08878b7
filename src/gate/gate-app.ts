import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { Readable } from "node:stream";
import type { Outcome, Policy } from "../policy/policy.js";
import { toJsonFinding } from "../report/json.js";
import { isCommitSha } from "../types/repo-ref.js";
import type { Redactor } from "../util/redact.js";
import { type AuditEntry, type AuditSink, redactedAuditSink } from "./audit/audit-sink.js";
import type { Decider } from "./decider.js";
import type { DecisionOutcome } from "./decision.js";
import {
  clientResponseHeaders,
  type HeaderMap,
  headerSafe,
  mapUpstreamUrl,
  rewriteLinks,
  upstreamRequestHeaders,
} from "./headers.js";
import type { Metrics } from "./metrics.js";
import { type ModelRoute, routeRequest } from "./route.js";
import { discard, hasBrokenOff, type Upstream, UpstreamError, type UpstreamResponse } from "./upstream.js";

export type GateMode = "enforce" | "annotate";

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
  /** The largest request body taken (paths-info), and a 32nd of the largest model-info body read for its sha. */
  maxBodyBytes?: number;
  now?: () => Date;
  /** Problems that are the gate's, not a client's (an internal error); redacted before they are handed on. */
  onError?: (message: string) => void;
}

/** What the gate answers: a body in memory, or an upstream body streamed as it arrives. */
export interface Reply {
  status: number;
  headers: HeaderMap;
  body: string | Buffer | Readable | null;
}

/** A reply and the route it was for (a metrics label); `bodyLeftUnread`: the client may still be sending. */
interface Answered {
  route: string;
  reply: Reply;
  bodyLeftUnread?: boolean;
}

/** One request as the handlers see it. */
interface Exchange {
  method: string;
  target: string;
  headers: IncomingMessage["headers"];
  client: string;
  incoming: IncomingMessage;
  /** Fires when the client goes away before the answer is done. */
  signal: AbortSignal;
  /** Sends `100 Continue` to a client that waits for it (`Expect: 100-continue`) before it sends its body. */
  continueBody: () => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_STORAGE_HOPS = 3;

/**
 * `lic gate`: the Hub's protocol, with a policy decision on every model. Metadata always passes (so users can read
 * why a model is blocked); file bytes pass only when the policy allows the model at the commit they come from, and
 * are piped from the upstream's socket to the client's with Node streams, never buffered. In annotate mode nothing
 * is refused and every model response says what the policy would have done.
 */
export function createGateHandler(options: GateOptions): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  const { upstream, decider, policy, metrics, redact } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const policyHeader = `${headerSafe(policy.name, 200)} ${policy.digest}`;
  const audit = redactedAuditSink(options.audit, redact);
  const onError = (message: string) => options.onError?.(redact(message));

  return (incoming, outgoing) => {
    const aborted = new AbortController();
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) aborted.abort();
    });
    const exchange: Exchange = {
      method: incoming.method ?? "GET",
      target: incoming.url ?? "/",
      headers: incoming.headers,
      client: incoming.socket.remoteAddress ?? "unknown",
      incoming,
      signal: aborted.signal,
      continueBody: () => {
        if (/100-continue/i.test(String(incoming.headers.expect ?? ""))) outgoing.writeContinue();
      },
    };
    answer(exchange)
      .catch((error: unknown): Answered => {
        onError(
          `internal error on ${exchange.method} ${headerSafe(exchange.target, 300)}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return { route: "internal", reply: problem(500, "lic gate failed on this request; see its log") };
      })
      .then(({ route, reply, bodyLeftUnread }) => {
        metrics.add("lic_gate_requests_total", { route, status: String(reply.status) });
        if (bodyLeftUnread && outgoing.socket) lingerBeforeClose(incoming, outgoing.socket);
        send(outgoing, exchange.method, reply, redact, (bytes) =>
          metrics.add("lic_gate_bytes_streamed_total", {}, bytes),
        );
      });
  };

  async function answer(exchange: Exchange): Promise<Answered> {
    const host = (exchange.headers.host ?? "").toLowerCase();
    if (!options.allowedHosts.has(host)) {
      const reason = host
        ? `Host "${headerSafe(host, 200)}" is not this gate; it answers only for ${[...options.allowedHosts].join(", ")}`
        : "the request has no Host header";
      return { route: "refused", reply: problem(400, reason) };
    }
    const routed = routeRequest(exchange.method, exchange.target);
    if (!routed.ok) return { route: "refused", reply: problem(routed.status, routed.reason) };
    const { route } = routed;
    if (route.kind === "healthz") return { route: "healthz", reply: json(200, { status: "ok" }) };
    if (route.kind === "metrics") {
      const text = metrics.render({
        lic_gate_upstream_connections: {
          help: "Connections open to the upstream and its storage.",
          value: upstream.connections,
        },
        lic_gate_decisions_held: { help: "Decisions kept in memory.", value: decider.size },
      });
      return {
        route: "metrics",
        reply: { status: 200, headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" }, body: text },
      };
    }
    const query = exchange.target.includes("?") ? exchange.target.slice(exchange.target.indexOf("?")) : "";
    const gateBase = options.publicUrl ?? `http://${host}`;
    try {
      if (route.kind === "whoami") {
        const response = await upstream.request(
          route.upstreamPath + query,
          { method: exchange.method as "GET", headers: upstreamRequestHeaders(exchange.headers) },
          exchange.signal,
        );
        return { route: "whoami", reply: passOn(response, gateBase) };
      }
      if (route.kind === "file") return { route: "file", reply: await serveFile(exchange, route, query, gateBase) };
      return { route: route.kind, reply: await serveMetadata(exchange, route, query, gateBase) };
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

  /** `/api/models/…`: always served; annotated with the decision, in both modes. */
  async function serveMetadata(exchange: Exchange, route: ModelRoute, query: string, gateBase: string): Promise<Reply> {
    const method = exchange.method as "GET" | "HEAD" | "POST";
    const body = method === "POST" ? await readRequestBody(exchange, maxBodyBytes) : undefined;
    const response = await upstream.request(
      route.upstreamPath + query,
      { method, headers: upstreamRequestHeaders(exchange.headers), ...(body ? { body } : {}) },
      exchange.signal,
    );
    noteUpstreamStatus(response.status);
    if (response.status >= 300) return passOn(response, gateBase);

    // The model info names its commit; the listings name theirs in the path. A branch costs one request to resolve.
    // The gate reads the model info whole and passes it on decoded, so it drops the upstream's Content-Encoding
    // (for HEAD too, and the length that came with it: the gate's GET would answer a different one).
    let text: Buffer | null = null;
    if (route.kind === "model-info" && method === "GET") text = await upstream.readWhole(response, maxBodyBytes * 32);
    const sha = text ? shaIn(text) : null;
    const outcome = await decider.decide(route.repoId, sha ?? route.revision ?? "main");
    record(exchange, route, outcome, sha, "served", response.status);
    const reply = passOn(response, gateBase);
    if (route.kind === "model-info" && reply.headers["content-encoding"] !== undefined) {
      delete reply.headers["content-encoding"];
      if (method === "HEAD") delete reply.headers["content-length"];
    }
    if (text) reply.body = text;
    annotate(reply.headers, outcome);
    return reply;
  }

  /** `/{id}/resolve|raw/{rev}/{path}`: bytes only for a model the policy allows, streamed through the gate. */
  async function serveFile(exchange: Exchange, route: ModelRoute, query: string, gateBase: string): Promise<Reply> {
    const method = exchange.method as "GET" | "HEAD";
    const headers = upstreamRequestHeaders(exchange.headers);
    const first = await upstream.request(route.upstreamPath + query, { method, headers }, exchange.signal);
    noteUpstreamStatus(first.status);
    const location = first.headers["location"];
    const redirect = REDIRECTS.has(first.status) && location !== undefined;
    if (first.status === 401 || first.status === 403) return refusedUpstream(exchange, route, first, gateBase);
    // Other errors (missing, revision not found) carry nothing to decide on; a redirect to another model file
    // (a renamed repo) is decided when the client follows it to the gate. Other redirects lead to storage.
    if (first.status >= 400 || (redirect && isModelFile(mapUpstreamUrl(location!, first.url, upstream.base, "")))) {
      return passOn(first, gateBase);
    }

    const sha =
      first.headers["x-repo-commit"] ?? (route.revision && isCommitSha(route.revision) ? route.revision : null);
    const outcome = await decider.decide(route.repoId, sha ?? route.revision ?? "main");
    const refusal = refusalFor(outcome);
    if (refusal) {
      discard(first);
      record(exchange, route, outcome, sha, "refused", refusal.status, refusal.reason);
      return refusal;
    }
    if (!redirect && hasBrokenOff(first.body)) {
      const reply = problem(502, "the upstream broke off the file while the gate was deciding on it; try again");
      annotate(reply.headers, outcome);
      const why = exchange.signal.aborted
        ? "the client went away while the gate was deciding"
        : "the upstream broke off the file while the gate was deciding";
      record(exchange, route, outcome, sha, "refused", reply.status, why);
      return reply;
    }

    let reply: Reply;
    if (!redirect) {
      reply = passOn(first, gateBase);
    } else {
      discard(first);
      reply = method === "HEAD" ? headFromRedirect(first) : await fetchFromStorage(first, headers, exchange.signal);
    }
    annotate(reply.headers, outcome);
    record(exchange, route, outcome, sha, reply.status < 400 ? "served" : "refused", reply.status);
    return reply;
  }

  /**
   * The upstream refuses this client the file (gated and not granted, a bad token, private). The policy still has
   * its say, decided from the public metadata with the gate's own token: a model it blocks is refused as blocked
   * (the policy's 403), so nobody is sent to ask for access to a model the gate will refuse anyway. Otherwise the
   * upstream's answer passes on, with the decision in X-Lic-* headers. A private model's decision is not public
   * metadata: the upstream's refusal passes on as it is ("not found"), without a word of what the gate read.
   * Either way the refusal is audited.
   */
  async function refusedUpstream(
    exchange: Exchange,
    route: ModelRoute,
    refused: UpstreamResponse,
    gateBase: string,
  ): Promise<Reply> {
    const sha =
      refused.headers["x-repo-commit"] ?? (route.revision && isCommitSha(route.revision) ? route.revision : null);
    const outcome = await decider.decide(route.repoId, sha ?? route.revision ?? "main");
    const isPublic = !outcome.ok || !outcome.decision.isPrivate;
    const refusal = outcome.ok && isPublic ? refusalFor(outcome) : null;
    if (refusal) {
      discard(refused);
      record(exchange, route, outcome, sha, "refused", refusal.status, refusal.reason);
      return refusal;
    }
    const code = refused.headers["x-error-code"];
    const why = `the upstream refused the file (${refused.status}${code ? ` ${code}` : ""})`;
    record(exchange, route, outcome, sha, "refused", refused.status, outcome.ok ? why : `${why}; ${outcome.message}`);
    const reply = passOn(refused, gateBase);
    if (isPublic) annotate(reply.headers, outcome);
    return reply;
  }

  /**
   * The upstream's redirect to its storage, answered here so bytes come through the gate: the client gets the file
   * (200, or 206 for a Range) with the Hub's headers from the redirect (X-Repo-Commit, X-Linked-Etag,
   * X-Linked-Size) and the storage's content headers. The ETag is the linked one, the content's sha256.
   */
  async function fetchFromStorage(redirect: UpstreamResponse, headers: HeaderMap, signal: AbortSignal): Promise<Reply> {
    let response = redirect;
    for (
      let hop = 0;
      hop < MAX_STORAGE_HOPS && REDIRECTS.has(response.status) && response.headers["location"] !== undefined;
      hop++
    ) {
      const next = new URL(response.headers["location"]!, response.url);
      if (response !== redirect) discard(response);
      // Storage that is the gate itself would make the gate ask itself, again at every hop, until it times out.
      if (options.allowedHosts.has(next.host.toLowerCase())) {
        metrics.add("lic_gate_upstream_errors_total", { kind: "storage_is_gate" });
        return problem(
          502,
          "the upstream redirected the download to this gate itself, which would loop; check --upstream",
        );
      }
      response = await upstream.follow(next.href, { method: "GET", headers }, signal);
    }
    if (REDIRECTS.has(response.status) || response.status >= 400) {
      discard(response);
      metrics.add("lic_gate_upstream_errors_total", { kind: `storage_${response.status}` });
      return problem(502, `the upstream's file storage answered ${response.status}; try again`);
    }
    const merged = hubHeaders(redirect.headers);
    for (const name of [
      "content-length",
      "content-range",
      "content-type",
      "content-encoding",
      "accept-ranges",
      "last-modified",
      "content-disposition",
    ]) {
      const value = response.headers[name];
      if (value !== undefined) merged[name] = value;
    }
    return { status: response.status, headers: merged, body: response.body };
  }

  /** HEAD on a file in storage: what huggingface_hub reads from the Hub's 302, as a 200 from the gate. */
  function headFromRedirect(redirect: UpstreamResponse): Reply {
    const headers = hubHeaders(redirect.headers);
    const size = redirect.headers["x-linked-size"];
    if (size !== undefined) headers["content-length"] = size;
    headers["accept-ranges"] = "bytes";
    return { status: 200, headers, body: null };
  }

  function hubHeaders(from: HeaderMap): HeaderMap {
    const { "content-length": _length, "content-type": _type, ...headers } = clientResponseHeaders(from);
    const linked = from["x-linked-etag"];
    if (linked !== undefined) headers["etag"] = linked;
    return headers;
  }

  /** null: serve. Enforce refuses a blocked model (403) and, unless the policy says otherwise, an undecided one (503). */
  function refusalFor(outcome: DecisionOutcome): (Reply & { reason: string }) | null {
    if (options.mode === "annotate") return null;
    if (outcome.ok) {
      if (outcome.decision.verdict !== "block") return null;
      const { decision } = outcome;
      return refusal(403, decision.reason, outcome, {
        model: decision.model,
        sha: decision.sha,
        verdict: decision.verdict,
        policy: { name: policy.name, digest: policy.digest },
        findings: decision.result.findings.filter((finding) => finding.severity !== "info").map(toJsonFinding),
      });
    }
    const undecided: Outcome = policy.undecided?.value ?? "block";
    if (undecided !== "block") return null;
    const reason = `lic gate could not decide on this model, so its files are held back (the policy fails closed): ${outcome.message}`;
    return refusal(503, reason, outcome, { kind: outcome.kind, findings: [] });
  }

  function refusal(
    status: number,
    reason: string,
    outcome: DecisionOutcome,
    details: object,
  ): Reply & { reason: string } {
    const reply = problem(status, reason, details);
    annotate(reply.headers, outcome);
    return { ...reply, reason };
  }

  /** X-Lic-Reason is free text: `send` redacts it, then fits it to one line (in that order; see `fitReply`). */
  function annotate(headers: HeaderMap, outcome: DecisionOutcome): void {
    headers["x-lic-policy"] = policyHeader;
    if (!outcome.ok) {
      headers["x-lic-verdict"] = "undecided";
      headers["x-lic-reason"] = outcome.message;
      return;
    }
    headers["x-lic-verdict"] = outcome.decision.verdict;
    if (outcome.decision.codes.length > 0) headers["x-lic-findings"] = outcome.decision.codes.join(",");
    if (outcome.decision.verdict !== "allow") headers["x-lic-reason"] = outcome.decision.reason;
  }

  /** An upstream answer as the client gets it: hop-by-hop and Xet headers gone, Location and Link on the gate. */
  function passOn(response: UpstreamResponse, gateBase: string): Reply {
    const headers = clientResponseHeaders(response.headers);
    const location = response.headers["location"];
    if (location !== undefined) {
      const mapped = mapUpstreamUrl(location, response.url, upstream.base, gateBase);
      if (mapped !== null) headers["location"] = mapped;
    }
    const link = rewriteLinks(response.headers["link"], response.url, upstream.base, gateBase);
    if (link !== null) headers["link"] = link;
    return { status: response.status, headers, body: response.body };
  }

  function record(
    exchange: Exchange,
    route: ModelRoute,
    outcome: DecisionOutcome,
    sha: string | null,
    action: AuditEntry["action"],
    status: number,
    reason?: string,
  ): void {
    const verdict = outcome.ok ? outcome.decision.verdict : "undecided";
    metrics.add("lic_gate_decisions_total", { verdict, action });
    if (outcome.ok && !outcome.cached) metrics.add("lic_gate_decision_evaluations_total", { verdict });
    audit.write({
      time: now().toISOString(),
      client: exchange.client,
      method: exchange.method,
      route: route.kind,
      model: route.repoId,
      revision: route.revision,
      sha: outcome.ok ? outcome.decision.sha : sha,
      path: route.path,
      mode: options.mode,
      verdict,
      codes: outcome.ok ? outcome.decision.codes : [],
      action,
      status,
      policy: { name: policy.name, digest: policy.digest },
      ...(reason ? { reason } : !outcome.ok ? { reason: outcome.message } : {}),
    });
  }

  function noteUpstreamStatus(status: number): void {
    if (status >= 500) metrics.add("lic_gate_upstream_errors_total", { kind: "status_5xx" });
  }
}

/**
 * Writes a reply: the gate's one exit to clients, so everything in it passes `fitReply` (the redactor) here. A
 * streamed body is piped with backpressure and cut off if the client goes away; one that broke off before it could
 * be passed on gets a 502 instead (piped, it would never end).
 */
function send(
  outgoing: ServerResponse,
  method: string,
  unsafe: Reply,
  redact: Redactor,
  onBytes: (bytes: number) => void,
): void {
  let whole = unsafe;
  if (unsafe.body instanceof Readable && hasBrokenOff(unsafe.body)) {
    unsafe.body.destroy();
    whole = problem(502, "the upstream broke off its answer before the gate could pass it on; try again");
  }
  const reply = fitReply(whole, redact);
  const headers = { ...reply.headers };
  const { body } = reply;
  if (typeof body === "string" || Buffer.isBuffer(body)) headers["content-length"] = String(Buffer.byteLength(body));
  outgoing.writeHead(reply.status, headers);
  if (!(body instanceof Readable)) {
    outgoing.end(method === "HEAD" ? undefined : (body ?? undefined));
    return;
  }
  if (method === "HEAD") {
    body.destroy();
    outgoing.end();
    return;
  }
  if (reply.status < 300) body.on("data", (chunk: Buffer) => onBytes(chunk.byteLength));
  body.on("error", () => outgoing.destroy());
  outgoing.once("close", () => body.destroy());
  body.pipe(outgoing);
}

/** Headers whose values are free text for people (reasons), from the gate or passed on from the upstream. */
const TEXT_HEADERS = ["x-error-message", "x-lic-reason"];

/**
 * A reply as it may leave the gate: every header value and every body held in memory (the gate's own JSON, a
 * buffered model info) redacted; streamed bodies (file bytes) are not text and pass as they are. Reason headers are
 * then fitted to one bounded line, after the redaction, because a cut could split a token and leave a part of it
 * that the redactor no longer recognises.
 */
export function fitReply(reply: Reply, redact: Redactor): Reply {
  const headers: HeaderMap = {};
  for (const [name, value] of Object.entries(reply.headers))
    headers[name] = TEXT_HEADERS.includes(name) ? headerSafe(redact(value)) : redact(value);
  let { body } = reply;
  if (typeof body === "string") body = redact(body);
  else if (Buffer.isBuffer(body)) {
    // Re-encoded only when something was redacted, so bytes that are not UTF-8 pass unchanged.
    const text = body.toString("utf8");
    const clean = redact(text);
    if (clean !== text) body = Buffer.from(clean, "utf8");
  }
  return { ...reply, headers, body };
}

/** How long, and how much more, a client still sending a refused body is read before its connection is cut. */
const LINGER_MS = 2000;
const LINGER_BYTES = 8 * 1024 * 1024;

/**
 * Closes, without a reset, a connection whose request body is still arriving. Node closes it as soon as the 413 is
 * written (Connection: close), and a close with unread bytes sends a TCP reset, which can destroy the 413 in the
 * client's buffer before the client reads it. So the gate only ends its side once the answer is out, then reads
 * and discards what still comes, until the client closes or for LINGER_MS (LINGER_BYTES at most), as Apache's
 * lingering close does.
 */
function lingerBeforeClose(incoming: IncomingMessage, socket: Socket): void {
  socket.destroySoon = () => {
    let discarded = 0;
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once("close", () => clearTimeout(cut));
    socket.on("data", (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > LINGER_BYTES) socket.destroy();
    });
    socket.once("end", () => socket.destroy());
    socket.end();
    incoming.resume();
    socket.resume();
  };
}

/** Whether a redirect the upstream gave, mapped onto the gate, is a model file path the gate serves. */
function isModelFile(mapped: string | null): boolean {
  if (mapped === null) return false;
  const routed = routeRequest("GET", mapped);
  return routed.ok && routed.route.kind === "file";
}

/** The gate's own answers are in the Hub's error shape: X-Error-Message for huggingface_hub, `error` for @huggingface/hub. */
function problem(status: number, reason: string, details: object = {}): Reply {
  const reply = json(status, { error: reason, ...details });
  reply.headers["x-error-message"] = reason;
  return reply;
}

function json(status: number, value: unknown): Reply {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(value) };
}

/** A client's request body the gate will not take: over its bound (413) or broken off (400). The connection closes. */
class RequestBodyRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A client's whole request body (paths-info), up to `max` bytes. A declared length over the bound is refused
 * before `100 Continue`, so a client that waits for it never sends the body; a longer body (chunked, or sent
 * without waiting) stops being read at the bound.
 */
async function readRequestBody(exchange: Exchange, max: number): Promise<Buffer> {
  const declared = Number(exchange.headers["content-length"] ?? "0");
  if (declared > max)
    throw new RequestBodyRefused(413, `the request body is ${declared} bytes; the gate takes at most ${max}`);
  exchange.continueBody();
  const { incoming } = exchange;
  // Events, not `for await`: leaving an async iterator early destroys the stream, and with it the socket the 413
  // is to be written on.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= max) return void chunks.push(chunk);
      incoming.off("data", onData);
      incoming.pause();
      reject(new RequestBodyRefused(413, `the request body is over ${max} bytes; the gate takes at most ${max}`));
    };
    incoming.on("data", onData);
    incoming.once("end", () => resolve(Buffer.concat(chunks, size)));
    incoming.once("error", (error) =>
      reject(new RequestBodyRefused(400, `the request body broke off: ${error.message}`)),
    );
  });
}

/** The `sha` of a model-info body, when it has one (an `expand` without `sha` leaves it out). */
function shaIn(text: Buffer): string | null {
  try {
    const sha = (JSON.parse(text.toString("utf8")) as { sha?: unknown }).sha;
    return typeof sha === "string" && isCommitSha(sha) ? sha : null;
  } catch {
    return null;
  }
}
