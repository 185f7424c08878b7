import type { DecisionOutcome } from "./decision.js";
import type { GateContext } from "./gate-context.js";
import { clientResponseHeaders } from "./headers.js";
import type { Reply } from "./reply.js";
import { hubHeaders, storageIsTheGate } from "./storage-redirect.js";
import type { UpstreamResponse } from "./upstream.js";

/**
 * The internal nginx location that fetches storage (deploy/nginx/lic-gate.conf). Its path carries what nginx cannot
 * read from the gate's answer after the internal redirect (the gate's headers are gone by then): the verdict
 * (X-Lic-Verdict, which annotate mode promises on every model answer), the commit, the linked ETag and size, then
 * the storage URL as `{scheme}/{host[:port]}{path}`, its query as the query.
 */
export const NGINX_STORAGE_PREFIX = "/_lic/storage/";

const COMMIT = /^[0-9a-f]{40}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const SIZE = /^[0-9]+$/;
/** What the nginx location's regex accepts; anything else is streamed by the gate instead of sent to a 404. */
const HOSTNAME = /^[A-Za-z0-9.-]+$/;
const SAFE_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

/**
 * The reply that hands an allowed download in storage to someone else, or null when the gate streams it (offload
 * `none`, a HEAD, which moves no bytes anyway, or a redirect nginx could not be given).
 */
export function offloadedDownload(
  context: Pick<GateContext, "offload" | "allowedHosts">,
  method: string,
  redirect: UpstreamResponse,
  storage: URL,
  outcome: DecisionOutcome,
): Reply | null {
  // Storage on the gate's own host would send nginx or the client back to the gate: fetchFromStorage says so.
  if (method !== "GET" || storageIsTheGate(context, storage)) return null;
  if (context.offload === "redirect") return storageRedirect(redirect, storage);
  if (context.offload === "nginx")
    return nginxDownload(redirect, storage, outcome.ok ? outcome.decision.verdict : "undecided");
  return null;
}

/** The Hub's 302 as it gave it, with the storage URL absolute: the client fetches from the CDN itself. */
function storageRedirect(redirect: UpstreamResponse, storage: URL): Reply {
  const { "content-length": _length, "content-type": _type, ...headers } = clientResponseHeaders(redirect.headers);
  return { status: redirect.status, headers: { ...headers, location: storage.href }, body: null };
}

/** A 200 whose bytes nginx fetches from storage itself, with the Hub's headers; null if the path cannot say it. */
function nginxDownload(redirect: UpstreamResponse, storage: URL, verdict: string): Reply | null {
  const uri = nginxStorageUri(redirect, storage, verdict);
  if (uri === null) return null;
  // Accept-Ranges is the storage's to say (nginx would keep the gate's beside it): the bytes are its answer.
  const { "accept-ranges": _ranges, ...headers } = hubHeaders(redirect.headers);
  return { status: 200, headers, body: null, accelRedirect: uri };
}

/** `/_lic/storage/{verdict}/{commit}/{sha256}/{size}/{scheme}/{host[:port]}{path}?{query}`, or null. */
export function nginxStorageUri(redirect: UpstreamResponse, storage: URL, verdict: string): string | null {
  const commit = redirect.headers["x-repo-commit"] ?? "";
  const etag = (redirect.headers["x-linked-etag"] ?? "").replace(/^(W\/)?"(.*)"$/, "$2");
  const size = redirect.headers["x-linked-size"] ?? "";
  const scheme = storage.protocol.slice(0, -1);
  const fits =
    COMMIT.test(commit) &&
    SHA256.test(etag) &&
    SIZE.test(size) &&
    (scheme === "http" || scheme === "https") &&
    HOSTNAME.test(storage.hostname) &&
    SAFE_PATH.test(storage.pathname);
  if (!fits) return null;
  return `${NGINX_STORAGE_PREFIX}${verdict}/${commit}/${etag}/${size}/${scheme}/${storage.host}${storage.pathname}${storage.search}`;
}
