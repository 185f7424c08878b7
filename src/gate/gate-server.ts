import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ListenOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  /** Largest request head (request line and headers); Node answers 431 beyond it. */
  maxHeaderBytes: number;
  /** Time allowed to receive a whole request, and its headers; slow clients are cut off (408). */
  requestTimeoutMs: number;
  /** On close, how long downloads in flight may go on before their connections are cut. */
  drainMs?: number;
}

export interface RunningGate {
  server: Server;
  /** http://host:port, as bound. */
  url: string;
  close(): Promise<void>;
}

/**
 * The gate on a plain Node HTTP server, with its limits. CONNECT, the verb that turns a server into a tunnel, is
 * answered 405 and the connection closed; absolute-form targets and foreign Host headers are refused by the app.
 */
export async function listenGate(
  handler: (incoming: IncomingMessage, outgoing: ServerResponse) => void,
  options: ListenOptions,
): Promise<RunningGate> {
  const server = createServer(
    {
      maxHeaderSize: options.maxHeaderBytes,
      requestTimeout: options.requestTimeoutMs,
      headersTimeout: Math.min(options.requestTimeoutMs, 60_000),
      // Node checks the two timeouts above on this interval (30 s by default), so a short limit needs a short one.
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, options.requestTimeoutMs / 4)),
    },
    handler,
  );
  // `Expect: 100-continue` reaches the handler unanswered, so a body over the bound is refused before it is sent
  // (Node would otherwise answer 100 Continue itself); the handler sends 100 when it starts reading.
  server.on("checkContinue", handler);
  server.on("connect", (_request, socket: Socket) => {
    // A client that resets the tunnel it asked for must not take the gate down with an unhandled 'error'.
    socket.on("error", () => socket.destroy());
    const body = JSON.stringify({ error: "lic gate is not a proxy: CONNECT is refused" });
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Error-Message: lic gate is not a proxy: CONNECT is refused\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    // Downloads in flight may finish for a while; then the rest are cut, so a stop never hangs.
    close: () =>
      new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), options.drainMs ?? 10_000);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
