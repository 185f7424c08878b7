import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { HubTransportError } from "../../../src/acquire/hub/hub-error.js";
import { createHubFetch } from "../../../src/acquire/hub/hub-fetch.js";
import { nodeHttpTransport } from "../../../src/acquire/hub/node-http-transport.js";

/** A server on 127.0.0.1 that answers with `handle`, counting the connections it was opened. */
async function serve(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const server: Server = createServer(handle);
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, connections: () => connections };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const noSleep = async () => undefined;
const TEXT = "Apache License\nVersion 2.0, January 2004\n".repeat(200);

describe("nodeHttpTransport, the Hub client's way out", () => {
  it("keeps one connection open for requests made one after another", async () => {
    const hub = await serve((_request, response) => response.end("ok"));
    for (let index = 0; index < 5; index++) {
      const exchange = await nodeHttpTransport(`${hub.url}/x`, {}, 5000);
      expect((await exchange.read(1024)).bytes.toString()).toBe("ok");
    }
    expect(hub.connections()).toBe(1);
  });

  it.each([
    ["gzip", gzipSync],
    ["br", brotliCompressSync],
  ])("decodes a %s body, and counts its bound after decoding", async (encoding, encode) => {
    let accepted: string | undefined;
    const hub = await serve((request, response) => {
      accepted = request.headers["accept-encoding"];
      response.writeHead(200, { "content-encoding": encoding }).end(encode(Buffer.from(TEXT)));
    });
    const whole = await (await nodeHttpTransport(`${hub.url}/x`, {}, 5000)).read(TEXT.length);
    expect(whole).toEqual({ bytes: Buffer.from(TEXT), truncated: false });
    expect(accepted).toBe("gzip, deflate, br");
    const head = await (await nodeHttpTransport(`${hub.url}/x`, {}, 5000)).read(100);
    expect(head).toEqual({ bytes: Buffer.from(TEXT.slice(0, 100)), truncated: true });
  });

  it("asks for no encoding when the caller says identity, and passes an unknown encoding on as sent", async () => {
    const seen: (string | undefined)[] = [];
    const hub = await serve((request, response) => {
      seen.push(request.headers["accept-encoding"]);
      response.writeHead(200, { "content-encoding": "zstd" }).end("raw bytes");
    });
    const exchange = await nodeHttpTransport(`${hub.url}/x`, { "accept-encoding": "identity" }, 5000);
    expect((await exchange.read(1024)).bytes.toString()).toBe("raw bytes");
    expect(seen).toEqual(["identity"]);
  });

  it("says who asks (a User-Agent of lic's), unless the caller gives one", async () => {
    const seen: (string | undefined)[] = [];
    const hub = await serve((request, response) => {
      seen.push(request.headers["user-agent"]);
      response.end("ok");
    });
    for (const headers of [{}, { "user-agent": "registry-sync/2" }] as Record<string, string>[])
      await (await nodeHttpTransport(`${hub.url}/x`, headers, 5000)).read(1024);
    expect(seen).toEqual([`lic (node ${process.version})`, "registry-sync/2"]);
  });

  it("retries a connection cut mid-body, through the Hub client's policy", async () => {
    let asked = 0;
    const hub = await serve((_request, response) => {
      asked++;
      response.writeHead(200, { "content-length": String(TEXT.length) });
      if (asked === 1) {
        response.write(TEXT.slice(0, 100));
        setTimeout(() => response.socket?.destroy(), 20);
      } else response.end(TEXT);
    });
    const waits: string[] = [];
    const hubFetch = createHubFetch({
      endpoint: hub.url,
      timeoutMs: 5000,
      sleep: noSleep,
      onWait: (wait) => void waits.push(wait.reason),
    });
    const { bytes } = await hubFetch.read(`${hub.url}/x`, {}, TEXT.length);
    expect(bytes.toString()).toBe(TEXT);
    expect(waits).toEqual(["connection cut, retrying"]);
  });

  it("times out a body that trickles, as a timeout during the body", async () => {
    const hub = await serve((_request, response) => {
      response.writeHead(200, { "content-length": "1000" });
      response.write("a");
    });
    const hubFetch = createHubFetch({ endpoint: hub.url, timeoutMs: 200, sleep: noSleep, maxRetries: 0 });
    const error = await hubFetch.read(`${hub.url}/x`, {}, 1024).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubTransportError);
    expect(error).toMatchObject({ kind: "timeout", duringBody: true });
  });

  it("names a refused connection by its code", async () => {
    const hub = await serve(() => undefined);
    for (const server of servers.splice(0)) server.close();
    const hubFetch = createHubFetch({ endpoint: hub.url, timeoutMs: 2000, sleep: noSleep, maxRetries: 0 });
    const error = await hubFetch.read(`${hub.url}/x`, {}, 1024).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "network", message: "connection failed (ECONNREFUSED)" });
  });

  it("refuses a redirect to a URL that is not HTTP, without following it", async () => {
    const hub = await serve((_request, response) => response.writeHead(302, { location: "file:///etc/passwd" }).end());
    const hubFetch = createHubFetch({ endpoint: hub.url, timeoutMs: 2000, sleep: noSleep, maxRetries: 0 });
    const error = await hubFetch.read(`${hub.url}/x`, {}, 1024).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "network", message: "connection failed (ERR_INVALID_PROTOCOL)" });
  });
});
