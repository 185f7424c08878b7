/**
 * The floor for any Node HTTP proxy on this machine: a bare relay that pipes every request to the upstream and
 * back, following its redirects, with no routing, policy, audit or metrics. The gate benchmark runs it beside the
 * gate, so the figures separate what Node's HTTP stack costs from what lic gate adds. Prints its URL on stdout.
 */
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const upstream = process.argv[2]!;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function relay(url: string, response: ServerResponse, hops = 0): void {
  request(url, { agent }, (answer: IncomingMessage) => {
    const location = answer.headers.location;
    if (location && hops < 3 && answer.statusCode! >= 300 && answer.statusCode! < 400) {
      answer.resume();
      return relay(new URL(location, url).href, response, hops + 1);
    }
    response.writeHead(answer.statusCode!, { "content-length": answer.headers["content-length"] ?? "0" });
    answer.pipe(response);
  })
    .on("error", () => response.destroy())
    .end();
}

const server = createServer((incoming, response) => relay(`${upstream}${incoming.url}`, response));
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
