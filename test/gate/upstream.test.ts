import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Upstream, UpstreamError } from "../../src/gate/upstream.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(
  handle: (path: string, response: ServerResponse, authorization: string | undefined) => void,
): Promise<string> {
  const server = createServer((request, response) =>
    handle(request.url ?? "/", response, request.headers.authorization),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("Upstream", () => {
  it("holds at most maxConnections; the next request waits until a body has been read", async () => {
    const url = await serve((_path, response) => response.end("x".repeat(100_000)));
    const upstream = new Upstream({ base: url, timeoutMs: 5000, maxConnections: 1 });
    const first = await upstream.request("/a", { method: "GET", headers: {} });
    let secondAnswered = false;
    const second = upstream.request("/b", { method: "GET", headers: {} }).then((response) => {
      secondAnswered = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondAnswered).toBe(false);
    expect(upstream.connections).toBe(1);
    first.body.resume();
    (await second).body.resume();
    expect(secondAnswered).toBe(true);
    upstream.close();
  });

  it("gives up on an upstream that does not answer, as a timeout", async () => {
    const url = await serve(() => {});
    const upstream = new Upstream({ base: url, timeoutMs: 200, maxConnections: 4 });
    const error = await upstream.request("/slow", { method: "GET", headers: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "timeout", message: `${new URL(url).host} did not answer within 0.2 s` });
    upstream.close();
  });

  it("reports an unreachable upstream as a network failure", async () => {
    const upstream = new Upstream({ base: "http://127.0.0.1:9", timeoutMs: 2000, maxConnections: 4 });
    await expect(upstream.request("/", { method: "GET", headers: {} })).rejects.toMatchObject({
      kind: "network",
      message: expect.stringContaining("could not reach 127.0.0.1:9"),
    });
    upstream.close();
  });

  it("sends a client's Authorization to the upstream's origin only, never where it redirects", async () => {
    const seen: (string | undefined)[] = [];
    const storage = await serve((_path, response, authorization) => {
      seen.push(authorization);
      response.end("bytes");
    });
    const hub = await serve((_path, response, authorization) => {
      seen.push(authorization);
      response.end("meta");
    });
    const upstream = new Upstream({ base: hub, timeoutMs: 2000, maxConnections: 4 });
    const headers = { authorization: "Bearer hf_client" };
    (await upstream.request("/api/models/x", { method: "GET", headers })).body.resume();
    const followed = await upstream.follow(`${storage}/blob`, { method: "GET", headers });
    followed.body.resume();
    expect(seen).toEqual(["Bearer hf_client", undefined]);
    await expect(upstream.follow("file:///etc/passwd", { method: "GET", headers })).rejects.toMatchObject({
      message: expect.stringContaining("file: URL"),
    });
    upstream.close();
  });
});

describe("Upstream.fetch: the decisions' way out, on the same bound", () => {
  it("bounds decision reads apart from file bytes: a decision never waits behind the file answer it decides on", async () => {
    const url = await serve((_path, response) => response.end("x".repeat(100_000)));
    const upstream = new Upstream({ base: url, timeoutMs: 5000, maxConnections: 1 });
    const file = await upstream.request("/file", { method: "GET", headers: {} });
    const decision = await upstream.fetch(`${url}/api/models/x/y`);
    expect(upstream.connections).toBe(2);
    let secondDecided = false;
    const second = upstream.fetch(`${url}/api/models/x/z`).then((response) => {
      secondDecided = true;
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondDecided).toBe(false);
    expect((await decision.text()).length).toBe(100_000);
    expect((await (await second).text()).length).toBe(100_000);
    file.body.resume();
    upstream.close();
  });

  it("answers as fetch does: headers, a decoded body, redirects returned, no body on HEAD", async () => {
    const { gzipSync } = await import("node:zlib");
    const url = await serve((path, response, authorization) => {
      if (path === "/moved") return void response.writeHead(307, { location: "/there" }).end();
      if (path === "/gz")
        return void response.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync('{"sha":"abc"}'));
      response.writeHead(200, { "x-error-code": "none", "x-auth": authorization ?? "" }).end("plain");
    });
    const upstream = new Upstream({ base: url, timeoutMs: 5000, maxConnections: 2 });
    const plain = await upstream.fetch(`${url}/plain`, { headers: { authorization: "Bearer t" } });
    expect([plain.status, plain.headers.get("x-auth"), await plain.text()]).toEqual([200, "Bearer t", "plain"]);
    const moved = await upstream.fetch(`${url}/moved`, { redirect: "manual" });
    expect([moved.status, moved.headers.get("location")]).toEqual([307, "/there"]);
    const gz = await upstream.fetch(`${url}/gz`);
    expect([gz.headers.get("content-encoding"), await gz.json()]).toEqual([null, { sha: "abc" }]);
    const head = await upstream.fetch(`${url}/plain`, { method: "HEAD" });
    expect([head.status, head.body]).toEqual([200, null]);
    upstream.close();
  });

  it("fails as fetch does: the signal's reason on a timeout, a TypeError with the socket's code when unreachable", async () => {
    const url = await serve(() => {});
    const upstream = new Upstream({ base: url, timeoutMs: 5000, maxConnections: 1 });
    const slow = await upstream.fetch(`${url}/slow`, { signal: AbortSignal.timeout(50) }).catch((error) => error);
    expect((slow as Error).name).toBe("TimeoutError");
    const closed = new Upstream({ base: "http://127.0.0.1:1", timeoutMs: 5000, maxConnections: 1 });
    const refused = await closed.fetch("http://127.0.0.1:1/x").catch((error) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as TypeError & { cause: { code?: string } }).cause.code).toBe("ECONNREFUSED");
    upstream.close();
    closed.close();
  });
});
