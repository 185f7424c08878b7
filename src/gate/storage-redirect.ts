import type { ClientGone } from "./client-gone.js";
import type { GateContext } from "./gate-context.js";
import { clientResponseHeaders, type HeaderMap } from "./headers.js";
import { problem, type Reply } from "./reply.js";
import { discard, type UpstreamResponse } from "./upstream.js";

export const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_STORAGE_HOPS = 3;

/**
 * The upstream's redirect to its storage, answered here so bytes come through the gate: the client gets the file
 * (200, or 206 for a Range) with the Hub's headers from the redirect (X-Repo-Commit, X-Linked-Etag,
 * X-Linked-Size) and the storage's content headers. The ETag is the linked one, the content's sha256.
 */
export async function fetchFromStorage(
  context: GateContext,
  redirect: UpstreamResponse,
  headers: HeaderMap,
  client: ClientGone,
): Promise<Reply> {
  const { metrics, upstream } = context;
  let response = redirect;
  for (
    let hop = 0;
    hop < MAX_STORAGE_HOPS && REDIRECTS.has(response.status) && response.headers["location"] !== undefined;
    hop++
  ) {
    const next = new URL(response.headers["location"]!, response.url);
    if (response !== redirect) discard(response);
    // Storage that is the gate itself would make the gate ask itself, again at every hop, until it times out.
    if (storageIsTheGate(context, next)) {
      metrics.add("lic_gate_upstream_errors_total", { kind: "storage_is_gate" });
      return problem(
        502,
        "the upstream redirected the download to this gate itself, which would loop; check --upstream",
      );
    }
    response = await upstream.follow(next.href, { method: "GET", headers }, client);
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
export function headFromRedirect(redirect: UpstreamResponse): Reply {
  const headers = hubHeaders(redirect.headers);
  const size = redirect.headers["x-linked-size"];
  if (size !== undefined) headers["content-length"] = size;
  headers["accept-ranges"] = "bytes";
  return { status: 200, headers, body: null };
}

/** Whether a storage URL names the gate itself (a misconfigured --upstream). */
export function storageIsTheGate(context: Pick<GateContext, "allowedHosts">, storage: URL): boolean {
  return context.allowedHosts.has(storage.host.toLowerCase());
}

/** The Hub's headers from its redirect, for the client: the linked ETag (the content's sha256) as the ETag. */
export function hubHeaders(from: HeaderMap): HeaderMap {
  const { "content-length": _length, "content-type": _type, ...headers } = clientResponseHeaders(from);
  const linked = from["x-linked-etag"];
  if (linked !== undefined) headers["etag"] = linked;
  return headers;
}
