import { clientResponseHeaders, mapUpstreamUrl, rewriteLinks } from "./headers.js";
import type { Reply } from "./reply.js";
import type { UpstreamResponse } from "./upstream.js";

/** An upstream answer as the client gets it: hop-by-hop and Xet headers gone, Location and Link on the gate. */
export function passOn(response: UpstreamResponse, upstreamBase: string, gateBase: string): Reply {
  const headers = clientResponseHeaders(response.headers);
  const location = response.headers["location"];
  if (location !== undefined) {
    const mapped = mapUpstreamUrl(location, response.url, upstreamBase, gateBase);
    if (mapped !== null) headers["location"] = mapped;
  }
  const link = rewriteLinks(response.headers["link"], response.url, upstreamBase, gateBase);
  if (link !== null) headers["link"] = link;
  return { status: response.status, headers, body: response.body };
}
