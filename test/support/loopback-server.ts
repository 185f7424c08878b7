import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface LoopbackServer {
  url: string;
  /** Cuts every open connection (a test's hostile answers may hold some open), then closes. */
  stop(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 at a free port, for the test Hubs. */
export async function startLoopbackServer(handler: RequestListener): Promise<LoopbackServer> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A test Hub on a loopback server: `start()` gives its URL, `stop()` cuts what it holds open. */
export abstract class LoopbackHub {
  url = "";
  private server: LoopbackServer | null = null;

  protected abstract handle(request: IncomingMessage, response: ServerResponse): void;

  async start(): Promise<string> {
    this.server = await startLoopbackServer((request, response) => this.handle(request, response));
    this.url = this.server.url;
    return this.url;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}
