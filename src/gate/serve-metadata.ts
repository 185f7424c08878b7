import { isCommitSha } from "../types/repo-ref.js";
import { annotateDecision } from "./annotate-decision.js";
import { recordDecision } from "./audit/record-decision.js";
import { type Exchange, readRequestBody } from "./exchange.js";
import { type GateContext, noteUpstreamStatus } from "./gate-context.js";
import { upstreamRequestHeaders } from "./headers.js";
import { passOn } from "./pass-on.js";
import type { Reply } from "./reply.js";
import type { ModelRoute } from "./route.js";

/** `/api/models/…` and `/api/datasets/…`: always served; annotated with the decision, in both modes. */
export async function serveMetadata(
  context: GateContext,
  exchange: Exchange,
  route: ModelRoute,
  query: string,
  gateBase: string,
): Promise<Reply> {
  const { upstream, maxBodyBytes } = context;
  const method = exchange.method as "GET" | "HEAD" | "POST";
  const body = method === "POST" ? await readRequestBody(exchange, maxBodyBytes) : undefined;
  const response = await upstream.request(
    route.upstreamPath + query,
    { method, headers: upstreamRequestHeaders(exchange.headers), ...(body ? { body } : {}) },
    exchange.clientGone,
  );
  noteUpstreamStatus(context, response.status);
  if (response.status >= 300) return passOn(response, upstream.base, gateBase);

  // The model info names its commit; the listings name theirs in the path. A branch costs one request to resolve.
  // The gate reads the model info whole and passes it on decoded, so it drops the upstream's Content-Encoding
  // (for HEAD too, and the length that came with it: the gate's GET would answer a different one).
  let text: Buffer | null = null;
  if (route.kind === "model-info" && method === "GET") text = await upstream.readWhole(response, maxBodyBytes * 32);
  const sha = text ? shaIn(text) : null;
  const outcome = await context.decider.decide(route.repoId, sha ?? route.revision ?? "main", route.repoType);
  recordDecision(context, exchange, route, { outcome, sha, action: "served", status: response.status });
  const reply = passOn(response, upstream.base, gateBase);
  if (route.kind === "model-info" && reply.headers["content-encoding"] !== undefined) {
    delete reply.headers["content-encoding"];
    if (method === "HEAD") delete reply.headers["content-length"];
  }
  if (text) reply.body = text;
  annotateDecision(reply.headers, outcome, context.policyHeader);
  return reply;
}

/** The `sha` of a model-info (or dataset-info) body, when it has one (an `expand` without `sha` leaves it out). */
function shaIn(text: Buffer): string | null {
  try {
    const sha = (JSON.parse(text.toString("utf8")) as { sha?: unknown }).sha;
    return typeof sha === "string" && isCommitSha(sha) ? sha : null;
  } catch {
    return null;
  }
}
