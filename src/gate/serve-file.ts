import { isCommitSha } from "../types/repo-ref.js";
import { annotateDecision } from "./annotate-decision.js";
import { recordDecision } from "./audit/record-decision.js";
import type { DecisionOutcome } from "./decision.js";
import type { Exchange } from "./exchange.js";
import { type GateContext, noteUpstreamStatus } from "./gate-context.js";
import { type HeaderMap, mapUpstreamUrl, upstreamRequestHeaders } from "./headers.js";
import { offloadedDownload } from "./offload.js";
import { passOn } from "./pass-on.js";
import { problem, type Reply } from "./reply.js";
import { type ModelRoute, routeRequest } from "./route.js";
import { fetchFromStorage, headFromRedirect, REDIRECTS } from "./storage-redirect.js";
import { discard, hasBrokenOff, type UpstreamResponse } from "./upstream.js";
import { verdictToStatus } from "./verdict-to-status.js";

/** `/{id}/resolve|raw/{rev}/{path}`: bytes only for a model the policy allows, streamed through the gate. */
export async function serveFile(
  context: GateContext,
  exchange: Exchange,
  route: ModelRoute,
  query: string,
  gateBase: string,
): Promise<Reply> {
  const { upstream } = context;
  const method = exchange.method as "GET" | "HEAD";
  const headers = upstreamRequestHeaders(exchange.headers);
  const first = await upstream.request(route.upstreamPath + query, { method, headers }, exchange.clientGone);
  noteUpstreamStatus(context, first.status);
  const location = first.headers["location"];
  const redirect = REDIRECTS.has(first.status) && location !== undefined;
  if (first.status === 401 || first.status === 403) return refusedUpstream(context, exchange, route, first, gateBase);
  // Other errors (missing, revision not found) carry nothing to decide on; a redirect to another model file
  // (a renamed repo) is decided when the client follows it to the gate. Other redirects lead to storage.
  if (first.status >= 400 || (redirect && isModelFile(mapUpstreamUrl(location!, first.url, upstream.base, "")))) {
    return passOn(first, upstream.base, gateBase);
  }

  const { sha, outcome } = await decideOn(context, route, first);
  const refusal = refusalReply(context, outcome);
  if (refusal) return refuse(context, exchange, route, first, { sha, outcome, refusal });
  if (!redirect && hasBrokenOff(first.body)) {
    const reply = problem(502, "the upstream broke off the file while the gate was deciding on it; try again");
    annotateDecision(reply.headers, outcome, context.policyHeader);
    const why = exchange.clientGone.gone
      ? "the client went away while the gate was deciding"
      : "the upstream broke off the file while the gate was deciding";
    recordDecision(context, exchange, route, { outcome, sha, action: "refused", status: reply.status, reason: why });
    return reply;
  }

  let reply: Reply;
  if (!redirect) {
    reply = passOn(first, upstream.base, gateBase);
  } else {
    discard(first);
    reply = await fromStorage(context, exchange, first, headers, outcome);
  }
  annotateDecision(reply.headers, outcome, context.policyHeader);
  const action = reply.status < 400 ? "served" : "refused";
  recordDecision(context, exchange, route, { outcome, sha, action, status: reply.status });
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
  context: GateContext,
  exchange: Exchange,
  route: ModelRoute,
  refused: UpstreamResponse,
  gateBase: string,
): Promise<Reply> {
  const { sha, outcome } = await decideOn(context, route, refused);
  const isPublic = !outcome.ok || !outcome.decision.isPrivate;
  const refusal = outcome.ok && isPublic ? refusalReply(context, outcome) : null;
  if (refusal) return refuse(context, exchange, route, refused, { sha, outcome, refusal });
  const code = refused.headers["x-error-code"];
  const why = `the upstream refused the file (${refused.status}${code ? ` ${code}` : ""})`;
  const reason = outcome.ok ? why : `${why}; ${outcome.message}`;
  recordDecision(context, exchange, route, { outcome, sha, action: "refused", status: refused.status, reason });
  const reply = passOn(refused, context.upstream.base, gateBase);
  if (isPublic) annotateDecision(reply.headers, outcome, context.policyHeader);
  return reply;
}

/** An allowed file in storage: handed off as --offload says, else a HEAD answered here or the bytes streamed. */
async function fromStorage(
  context: GateContext,
  exchange: Exchange,
  redirect: UpstreamResponse,
  headers: HeaderMap,
  outcome: DecisionOutcome,
): Promise<Reply> {
  const storage = new URL(redirect.headers["location"]!, redirect.url);
  const offloaded = offloadedDownload(context, exchange.method, redirect, storage, outcome);
  if (offloaded) return offloaded;
  if (exchange.method === "HEAD") return headFromRedirect(redirect);
  return fetchFromStorage(context, redirect, headers, exchange.clientGone);
}

/** The decision for the commit the upstream's answer names (X-Repo-Commit), else the one the route names. */
async function decideOn(
  context: GateContext,
  route: ModelRoute,
  answer: UpstreamResponse,
): Promise<{ sha: string | null; outcome: DecisionOutcome }> {
  const sha =
    answer.headers["x-repo-commit"] ?? (route.revision && isCommitSha(route.revision) ? route.revision : null);
  return { sha, outcome: await context.decider.decide(route.repoId, sha ?? route.revision ?? "main", route.repoType) };
}

/** The gate's own refusal, in place of the upstream's answer (discarded), audited. */
function refuse(
  context: GateContext,
  exchange: Exchange,
  route: ModelRoute,
  answer: UpstreamResponse,
  { sha, outcome, refusal }: { sha: string | null; outcome: DecisionOutcome; refusal: Reply & { reason: string } },
): Reply {
  discard(answer);
  const { status, reason } = refusal;
  recordDecision(context, exchange, route, { outcome, sha, action: "refused", status, reason });
  return refusal;
}

/** The gate's refusal as a reply (the Hub's error shape, annotated), or null to serve. */
function refusalReply(context: GateContext, outcome: DecisionOutcome): (Reply & { reason: string }) | null {
  const refusal = verdictToStatus(outcome, context.mode, context.policy);
  if (!refusal) return null;
  const reply = problem(refusal.status, refusal.reason, refusal.details);
  annotateDecision(reply.headers, outcome, context.policyHeader);
  return { ...reply, reason: refusal.reason };
}

/** Whether a redirect the upstream gave, mapped onto the gate, is a model file path the gate serves. */
function isModelFile(mapped: string | null): boolean {
  if (mapped === null) return false;
  const routed = routeRequest("GET", mapped);
  return routed.ok && routed.route.kind === "file";
}
