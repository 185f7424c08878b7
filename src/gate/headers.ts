/**
 * Which headers cross the gate, each way. Requests: an allow-list, so nothing a client sends can steer the gate's
 * connection to the upstream. Responses: everything the Hub's clients read (hub-api.md §2.4, §4.4: X-Repo-Commit,
 * ETag, X-Linked-Etag, X-Linked-Size, Content-Length, Accept-Ranges, Content-Range, X-Error-Code, X-Error-Message),
 * minus hop-by-hop headers, cookies and Xet. Without `X-Xet-Hash` and the `xet-auth` link, huggingface_hub and
 * @huggingface/hub fall back to plain HTTP, so file bytes flow through the gate instead of straight from Xet storage.
 */

/** Header names in lower case, as Node gives them; one value each (repeated headers joined with ", "). */
export type HeaderMap = Record<string, string>;

const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "authorization",
  "content-type",
  "if-match",
  "if-modified-since",
  "if-none-match",
  "if-range",
  "range",
  "user-agent",
  "x-request-id",
];

/** RFC 9110 §7.6.1, plus the proxy-era names some servers still send. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Not for the gate's clients: cookies are the upstream's, HSTS and Alt-Svc describe the upstream's origin.
 * Content-Encoding stays: an upstream that ignores `identity` still labels the bytes the gate streams on as they are.
 */
const DROPPED_RESPONSE_HEADERS = new Set(["set-cookie", "strict-transport-security", "alt-svc", "link", "location"]);

/** The media type with which @huggingface/hub asks for Xet file info (hub-api.md §4.4). */
const XET_MEDIA_TYPE = "application/vnd.xet-fileinfo+json";

/** The headers sent upstream for a client's request. `Accept-Encoding: identity`: bytes pass through as stored. */
export function upstreamRequestHeaders(client: Record<string, string | string[] | undefined>): HeaderMap {
  const headers: HeaderMap = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = client[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  if (headers["accept"] !== undefined) {
    const kept = headers["accept"]
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "" && !part.toLowerCase().startsWith(XET_MEDIA_TYPE));
    if (kept.length > 0) headers["accept"] = kept.join(", ");
    else delete headers["accept"];
  }
  headers["accept-encoding"] = "identity";
  return headers;
}

/**
 * The upstream's response headers as the gate passes them on. `Location` and `Link` are dropped here: they are
 * rewritten to the gate by the caller (`mapUpstreamUrl`, `rewriteLinks`), or not passed at all.
 */
export function clientResponseHeaders(upstream: HeaderMap): HeaderMap {
  const headers: HeaderMap = {};
  for (const name in upstream) {
    if (HOP_BY_HOP.has(name) || DROPPED_RESPONSE_HEADERS.has(name) || name.startsWith("x-xet-")) continue;
    headers[name] = upstream[name]!;
  }
  return headers;
}

/**
 * Maps a URL the upstream gave (a `Location`, a `Link`) to the gate: a URL under the upstream's base becomes the
 * same path under the gate. Relative stays relative (huggingface_hub follows relative redirects only, even on
 * HEAD); absolute becomes absolute on `gateBase`. null: the URL leaves the upstream (a CDN).
 */
export function mapUpstreamUrl(
  value: string,
  requestUrl: string,
  upstreamBase: string,
  gateBase: string,
): string | null {
  let resolved: URL;
  try {
    resolved = new URL(value, requestUrl);
  } catch {
    return null;
  }
  const base = new URL(`${upstreamBase}/`);
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) return null;
  const path = `/${resolved.pathname.slice(base.pathname.length)}${resolved.search}`;
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(value);
  if (!relative) return `${gateBase}${path}`;
  // A relative Location replaces the whole path (huggingface_hub, utils/_http.py), so a gate published under a
  // path prefix keeps its prefix in it.
  const prefix = gateBase ? new URL(gateBase).pathname.replace(/\/+$/, "") : "";
  return `${prefix}${path}`;
}

/**
 * `Link` with the upstream's URLs moved to the gate (tree pagination: `rel="next"`). Links that leave the upstream,
 * and every Xet link (`xet-auth`, `xet-reconstruction-info`), are dropped. null: nothing left.
 */
export function rewriteLinks(
  link: string | undefined,
  requestUrl: string,
  upstreamBase: string,
  gateBase: string,
): string | null {
  if (!link) return null;
  const kept: string[] = [];
  for (const match of link.matchAll(/<([^>]*)>([^,]*)/g)) {
    const params = match[2]!;
    if (/rel\s*=\s*"?xet-/i.test(params)) continue;
    const mapped = mapUpstreamUrl(match[1]!, requestUrl, upstreamBase, gateBase);
    if (mapped !== null) kept.push(`<${/^\//.test(mapped) ? `${gateBase}${mapped}` : mapped}>${params}`);
  }
  return kept.length > 0 ? kept.join(", ") : null;
}

/** A header value from any text: printable ASCII only (Node refuses the rest), one line, bounded. */
export function headerSafe(text: string, max = 1000): string {
  const flat = text
    .replace(/[^\x20-\x7e]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
