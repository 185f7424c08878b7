import type { IncomingMessage } from "node:http";
import type { ClientGone } from "./client-gone.js";

/** One request as the handlers see it. */
export interface Exchange {
  method: string;
  target: string;
  headers: IncomingMessage["headers"];
  client: string;
  incoming: IncomingMessage;
  /** Whether, and when, the client goes away before the answer is done. */
  clientGone: ClientGone;
  /** Sends `100 Continue` to a client that waits for it (`Expect: 100-continue`) before it sends its body. */
  continueBody: () => void;
}

/** A client's request body the gate will not take: over its bound (413) or broken off (400). The connection closes. */
export class RequestBodyRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A client's whole request body (paths-info), up to `max` bytes. A declared length over the bound is refused
 * before `100 Continue`, so a client that waits for it never sends the body; a longer body (chunked, or sent
 * without waiting) stops being read at the bound.
 */
export async function readRequestBody(exchange: Exchange, max: number): Promise<Buffer> {
  const declared = Number(exchange.headers["content-length"] ?? "0");
  if (declared > max)
    throw new RequestBodyRefused(413, `the request body is ${declared} bytes; the gate takes at most ${max}`);
  exchange.continueBody();
  const { incoming } = exchange;
  // Events, not `for await`: leaving an async iterator early destroys the stream, and with it the socket the 413
  // is to be written on.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= max) return void chunks.push(chunk);
      incoming.off("data", onData);
      incoming.pause();
      reject(new RequestBodyRefused(413, `the request body is over ${max} bytes; the gate takes at most ${max}`));
    };
    incoming.on("data", onData);
    incoming.once("end", () => resolve(Buffer.concat(chunks, size)));
    incoming.once("error", (error) =>
      reject(new RequestBodyRefused(400, `the request body broke off: ${error.message}`)),
    );
  });
}
