import type { HttpBindings } from "@hono/node-server";
import { Hono, type Context } from "hono";
import type { Outcome, Policy } from "../policy/policy.js";
import { toJsonFinding } from "../report/json.js";
import type { AuditEntry, AuditSink } from "./audit-log.js";
import type { Decider, DecisionOutcome } from "./decider.js";
import { clientResponseHeaders, headerSafe, mapUpstreamUrl, rewriteLinks, upstreamRequestHeaders } from "./headers.js";
import type { Metrics } from "./metrics.js";
import { routeRequest, type ModelRoute } from "./route.js";
import { UpstreamError, type Upstream } from "./upstream.js";

export type GateMode = "enforce" | "annotate";

export interface GateOptions {
  upstream: Upstream;
  decider: Decider;
  policy: Policy;
  mode: GateMode;
  audit: AuditSink;
  metrics: Metrics;
  /** `host:port` values (lower case) a request's Host may name; anything else is refused. */
  allowedHosts: ReadonlySet<string>;
  /** The gate's URL as clients reach it, for rewritten `Link` and `Location` URLs; null: http:// and the Host. */
  publicUrl: string | null;
  /** The largest request body taken (paths-info), and the largest model-info body read for its sha. */
  maxBodyBytes?: number;
  now?: () => Date;
  /** Problems that are the gate's, not a client's (an internal error). */
  onError?: (message: string) => void;
}

type GateContext = Context<{ Bindings: HttpBindings }>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_CDN_HOPS = 3;

/**
 * `lic gate`: the Hub's protocol, with a policy decision on every model. Metadata always passes (so users can read
 * why a model is blocked); file bytes pass only when the policy allows the model at the commit they come from.
 * In annotate mode nothing is refused and every model response says what the policy would have done.
 */
export function createGateApp(options: GateOptions): Hono<{ Bindings: HttpBindings }> {
  const { upstream, decider, policy, metrics } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const policyHeader = `${headerSafe(policy.name, 200)} ${policy.digest}`;
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.all("*", async (c) => {
    const target = c.env.incoming.url ?? "/";
    const host = (c.req.header("host") ?? "").toLowerCase();
    if (!options.allowedHosts.has(host)) {
      return count(c, "refused", problem(400, host ? `Host "${headerSafe(host, 200)}" is not this gate; the gate answers only for ${[...options.allowedHosts].join(", ")}` : "the request has no Host header"));
    }
    const routed = routeRequest(c.req.method, target);
    if (!routed.ok) return count(c, "refused", problem(routed.status, routed.reason));
    const { route } = routed;
    if (route.kind === "healthz") return count(c, "healthz", Response.json({ status: "ok" }));
    if (route.kind === "metrics") {
      const body = metrics.render({
        lic_gate_upstream_connections: { help: "Connections to the upstream in use.", value: upstream.inFlight },
        lic_gate_decisions_held: { help: "Decisions kept in memory.", value: decider.size },
      });
      return count(c, "metrics", new Response(body, { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } }));
    }
    const query = target.includes("?") ? target.slice(target.indexOf("?")) : "";
    const gateBase = options.publicUrl ?? `http://${host}`;
    try {
      if (route.kind === "whoami") {
        const response = await upstream.request(route.upstreamPath + query, { method: c.req.method as "GET", headers: upstreamRequestHeaders(c.req.raw.headers), signal: c.req.raw.signal });
        return count(c, "whoami", passOn(response, upstream.urlOf(route.upstreamPath + query), gateBase));
      }
      if (route.kind === "file") return count(c, "file", await serveFile(c, route, query, gateBase));
      return count(c, route.kind, await serveMetadata(c, route, query, gateBase));
    } catch (error) {
      if (error instanceof UpstreamError) {
        metrics.add("lic_gate_upstream_errors_total", { kind: error.kind });
        return count(c, route.kind, problem(error.kind === "timeout" ? 504 : 502, `the upstream did not answer: ${error.message}`));
      }
      if (error instanceof BodyTooLarge) return count(c, route.kind, problem(413, error.message));
      options.onError?.(`internal error on ${c.req.method} ${headerSafe(target, 300)}: ${error instanceof Error ? error.message : String(error)}`);
      return count(c, route.kind, problem(500, "lic gate failed on this request; see its log"));
    }
  });

  /** `/api/models/…`: always served; annotated with the decision, in both modes. */
  async function serveMetadata(c: GateContext, route: ModelRoute, query: string, gateBase: string): Promise<Response> {
    const method = c.req.method as "GET" | "HEAD" | "POST";
    const body = method === "POST" ? await readBody(c.req.raw, maxBodyBytes) : undefined;
    const requestUrl = upstream.urlOf(route.upstreamPath + query);
    const response = await upstream.request(route.upstreamPath + query, { method, headers: upstreamRequestHeaders(c.req.raw.headers), signal: c.req.raw.signal, ...(body ? { body } : {}) });
    noteUpstreamStatus(response.status);
    if (!response.ok) return passOn(response, requestUrl, gateBase);

    // The model info names its commit; the listings name theirs in the path. A branch costs one request to resolve.
    let text: string | null = null;
    let sha: string | null = null;
    if (route.kind === "model-info" && method === "GET") {
      text = await readText(response, maxBodyBytes * 32);
      sha = shaIn(text);
    }
    const outcome = await decider.decide(route.repoId, sha ?? route.revision ?? "main");
    record(c, route, outcome, sha, "served", response.status);
    const answer = passOn(text === null ? response : new Response(text, response), requestUrl, gateBase);
    annotate(answer.headers, outcome);
    return answer;
  }

  /** `/{id}/resolve|raw/{rev}/{path}`: bytes only for a model the policy allows, streamed through the gate. */
  async function serveFile(c: GateContext, route: ModelRoute, query: string, gateBase: string): Promise<Response> {
    const method = c.req.method as "GET" | "HEAD";
    const headers = upstreamRequestHeaders(c.req.raw.headers);
    const signal = c.req.raw.signal;
    const observe = (bytes: number) => metrics.add("lic_gate_bytes_streamed_total", {}, bytes);
    const requestUrl = upstream.urlOf(route.upstreamPath + query);
    const first = await upstream.request(route.upstreamPath + query, { method, headers, signal, observe });
    noteUpstreamStatus(first.status);
    const location = first.headers.get("location");
    const redirect = REDIRECTS.has(first.status) && location !== null;
    // Errors (gated, missing, revision not found) carry nothing to decide on; a redirect within the upstream
    // (a renamed repo) is decided when the client follows it to the gate.
    if (first.status >= 400 || (redirect && mapUpstreamUrl(location, requestUrl, upstream.base, gateBase) !== null)) {
      return passOn(first, requestUrl, gateBase);
    }

    const sha = first.headers.get("x-repo-commit") ?? (route.revision && /^[0-9a-f]{40}$/.test(route.revision) ? route.revision : null);
    const outcome = await decider.decide(route.repoId, sha ?? route.revision ?? "main");
    const refusal = refusalFor(outcome);
    if (refusal) {
      await first.body?.cancel().catch(() => {});
      record(c, route, outcome, sha, "refused", refusal.status, refusal.reason);
      return refusal.response(method);
    }

    let answer: Response;
    if (!redirect) {
      answer = passOn(first, requestUrl, gateBase);
    } else {
      await first.body?.cancel().catch(() => {});
      answer = method === "HEAD" ? headFromRedirect(first) : await fetchFromStorage(first, headers, signal, observe);
    }
    annotate(answer.headers, outcome);
    record(c, route, outcome, sha, "served", answer.status);
    return answer;
  }

  /**
   * The upstream's 302 to its storage, answered here so bytes come through the gate: the client gets the file
   * (200, or 206 for a Range) with the Hub's headers from the redirect (X-Repo-Commit, X-Linked-Etag,
   * X-Linked-Size) and the storage's content headers. The ETag is the linked one, the content's sha256.
   */
  async function fetchFromStorage(redirect: Response, headers: Headers, signal: AbortSignal, observe: (bytes: number) => void): Promise<Response> {
    let response = redirect;
    for (let hop = 0; hop < MAX_CDN_HOPS && REDIRECTS.has(response.status); hop++) {
      const next = new URL(response.headers.get("location")!, response.url || undefined).href;
      await response.body?.cancel().catch(() => {});
      response = await upstream.follow(next, { method: "GET", headers, signal, observe });
    }
    if (REDIRECTS.has(response.status) || response.status >= 400) {
      await response.body?.cancel().catch(() => {});
      metrics.add("lic_gate_upstream_errors_total", { kind: `storage_${response.status}` });
      return problem(502, `the upstream's file storage answered ${response.status}; try again`);
    }
    const merged = hubHeaders(redirect.headers);
    for (const name of ["content-length", "content-range", "content-type", "accept-ranges", "last-modified", "content-disposition"]) {
      const value = response.headers.get(name);
      if (value !== null) merged.set(name, value);
    }
    return new Response(response.body, { status: response.status, headers: merged });
  }

  /** HEAD on a file in storage: what huggingface_hub reads from the Hub's 302, as a 200 from the gate. */
  function headFromRedirect(redirect: Response): Response {
    const headers = hubHeaders(redirect.headers);
    const size = redirect.headers.get("x-linked-size");
    if (size !== null) headers.set("content-length", size);
    headers.set("accept-ranges", "bytes");
    return new Response(null, { status: 200, headers });
  }

  function hubHeaders(from: Headers): Headers {
    const headers = clientResponseHeaders(from);
    headers.delete("content-length");
    headers.delete("content-type");
    const linked = from.get("x-linked-etag");
    if (linked !== null) headers.set("etag", linked);
    return headers;
  }

  /** null: serve. Enforce refuses a blocked model (403) and, unless the policy says otherwise, an undecided one (503). */
  function refusalFor(outcome: DecisionOutcome): { status: number; reason: string; response: (method: string) => Response } | null {
    if (options.mode === "annotate") return null;
    if (outcome.ok) {
      if (outcome.decision.verdict !== "block") return null;
      const { decision } = outcome;
      const body = {
        error: decision.reason,
        model: decision.model,
        sha: decision.sha,
        verdict: decision.verdict,
        policy: { name: policy.name, digest: policy.digest },
        findings: decision.result.findings.filter((finding) => finding.severity !== "info").map(toJsonFinding),
      };
      return { status: 403, reason: decision.reason, response: (method) => refusal(403, decision.reason, body, method, outcome) };
    }
    const undecided: Outcome = policy.undecided?.value ?? "block";
    if (undecided !== "block") return null;
    const reason = `lic gate could not decide on this model, so its files are held back (the policy fails closed): ${outcome.message}`;
    return { status: 503, reason, response: (method) => refusal(503, reason, { error: reason, kind: outcome.kind, findings: [] }, method, outcome) };
  }

  function refusal(status: number, reason: string, body: object, method: string, outcome: DecisionOutcome): Response {
    const headers = new Headers({ "content-type": "application/json; charset=utf-8", "x-error-message": headerSafe(reason) });
    annotate(headers, outcome);
    return new Response(method === "HEAD" ? null : JSON.stringify(body), { status, headers });
  }

  function annotate(headers: Headers, outcome: DecisionOutcome): void {
    headers.set("x-lic-policy", policyHeader);
    if (!outcome.ok) {
      headers.set("x-lic-verdict", "undecided");
      headers.set("x-lic-reason", headerSafe(outcome.message));
      return;
    }
    headers.set("x-lic-verdict", outcome.decision.verdict);
    if (outcome.decision.codes.length > 0) headers.set("x-lic-findings", outcome.decision.codes.join(","));
    if (outcome.decision.verdict !== "allow") headers.set("x-lic-reason", headerSafe(outcome.decision.reason));
  }

  /** An upstream answer as the client gets it: hop-by-hop and Xet headers gone, Location and Link on the gate. */
  function passOn(response: Response, requestUrl: string, gateBase: string): Response {
    const headers = clientResponseHeaders(response.headers);
    const location = response.headers.get("location");
    if (location !== null) {
      const mapped = mapUpstreamUrl(location, requestUrl, upstream.base, gateBase);
      if (mapped !== null) headers.set("location", mapped);
    }
    const link = rewriteLinks(response.headers.get("link"), requestUrl, upstream.base, gateBase);
    if (link !== null) headers.set("link", link);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }

  function record(c: GateContext, route: ModelRoute, outcome: DecisionOutcome, sha: string | null, action: AuditEntry["action"], status: number, reason?: string): void {
    const verdict = outcome.ok ? outcome.decision.verdict : "undecided";
    metrics.add("lic_gate_decisions_total", { verdict, action });
    if (outcome.ok && !outcome.cached) metrics.add("lic_gate_decision_evaluations_total", { verdict });
    options.audit.write({
      time: now().toISOString(),
      client: c.env.incoming.socket.remoteAddress ?? "unknown",
      method: c.req.method,
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

  function count(c: GateContext, route: string, response: Response): Response {
    metrics.add("lic_gate_requests_total", { route, status: String(response.status) });
    return c.req.method === "HEAD" && response.body ? new Response(null, response) : response;
  }

  return app;
}

/** The gate's own refusal, in the Hub's error shape: X-Error-Message for huggingface_hub, `error` for @huggingface/hub. */
function problem(status: number, reason: string): Response {
  return new Response(JSON.stringify({ error: reason }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "x-error-message": headerSafe(reason) },
  });
}

class BodyTooLarge extends Error {}

async function readBody(request: Request, max: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) throw new BodyTooLarge(`the request body is ${declared} bytes; the gate takes at most ${max}`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > max) throw new BodyTooLarge(`the request body is over ${max} bytes; the gate takes at most ${max}`);
  return bytes;
}

async function readText(response: Response, max: number): Promise<string> {
  const text = await response.text();
  if (text.length > max) throw new BodyTooLarge(`the upstream's model info is over ${max} bytes`);
  return text;
}

/** The `sha` of a model-info body, when it has one (an `expand` without `sha` leaves it out). */
function shaIn(text: string): string | null {
  try {
    const sha = (JSON.parse(text) as { sha?: unknown }).sha;
    return typeof sha === "string" && /^[0-9a-f]{40}$/.test(sha) ? sha : null;
  } catch {
    return null;
  }
}
