import { createServer, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type ClientGone, clientGoneFrom, clientGoneOf } from "../../src/gate/client-gone.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server whose one request is handed to `handle` with its ClientGone; resolves with the URL. */
async function serve(handle: (outgoing: ServerResponse, client: ClientGone) => void): Promise<string> {
  const server = createServer((_incoming, outgoing) => handle(outgoing, clientGoneOf(outgoing)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("clientGoneOf", () => {
  it("tells its listeners and its signal when the client goes before the answer is done", async () => {
    const calls: string[] = [];
    let seen: ClientGone | null = null;
    let asked: () => void = () => {};
    const handled = new Promise<void>((resolve) => (asked = resolve));
    const url = await serve((_outgoing, client) => {
      client.onGone(() => calls.push("listener"));
      client.onGone(() => calls.push("stopped listener"))();
      client.signal.addEventListener("abort", () => calls.push("signal"));
      seen = client;
      asked();
    });
    const asking = request(url).on("error", () => {});
    asking.end();
    await handled;
    asking.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen!.gone).toBe(true);
    expect(calls.sort()).toEqual(["listener", "signal"]);
  });

  it("is not gone when the answer was sent whole", async () => {
    let seen: { client: ClientGone; calls: string[] } | null = null;
    const url = await serve((outgoing, client) => {
      const calls: string[] = [];
      client.onGone(() => calls.push("listener"));
      seen = { client, calls };
      outgoing.end("done");
    });
    const body = await new Promise<string>((resolve) =>
      request(url, (answer) => {
        let text = "";
        answer.on("data", (chunk: Buffer) => (text += chunk));
        answer.on("end", () => resolve(text));
      }).end(),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(body).toBe("done");
    expect(seen!.client.gone).toBe(false);
    expect(seen!.client.signal.aborted).toBe(false);
    expect(seen!.calls).toEqual([]);
  });
});

describe("clientGoneFrom", () => {
  it("reads an AbortSignal: gone once aborted, listeners told once, and removable", () => {
    const controller = new AbortController();
    const client = clientGoneFrom(controller.signal);
    const calls: string[] = [];
    client.onGone(() => calls.push("kept"));
    client.onGone(() => calls.push("removed"))();
    expect(client.gone).toBe(false);
    controller.abort();
    controller.abort();
    expect(client.gone).toBe(true);
    expect(calls).toEqual(["kept"]);
    expect(client.signal).toBe(controller.signal);
  });
});
