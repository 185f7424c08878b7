import type { Agent as HttpAgent, IncomingMessage, RequestOptions } from "node:http";
import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import { once } from "../../util/once.js";
import { decoderFor } from "./content-decoding.js";
import type { BodyBytes, HttpExchange, HttpTransport } from "./http-exchange.js";

/**
 * Connections kept open per host, idle or busy: as many as a run's highest --concurrency. Requests over the bound
 * wait for a free one, in order.
 */
const MAX_SOCKETS_PER_HOST = 64;

/**
 * Who asks, unless the caller says: fetch sent `node`, node:http sends nothing, and some proxies and WAFs refuse a
 * request without one.
 */
const USER_AGENT = `lic (node ${process.version})`;

/**
 * The Hub client's transport: node:http and node:https on keep-alive agents shared by every request of the process,
 * not fetch. Measured here, 300 GETs to a loopback Hub at concurrency 8 took 470 ms of a fresh process through fetch
 * and 210 ms through node:http: fetch builds two Web streams for each answer, and Node 20 makes each one transferable
 * (a fifth of its CPU), where node:http hands the body over as the socket gives it. The modules load with the first
 * request: a warm check makes none. Idle sockets do not keep the process alive (the agent unrefs them).
 */
export const nodeHttpTransport: HttpTransport = (url, headers, timeoutMs) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    if (!secure && target.protocol !== "http:") {
      reject(Object.assign(new Error(`not an HTTP URL (${target.protocol})`), { code: "ERR_INVALID_PROTOCOL" }));
      return;
    }
    const timedOut = () =>
      Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: "TimeoutError" }) as Error;
    const options: RequestOptions = {
      headers: { "accept-encoding": "gzip, deflate, br", "user-agent": USER_AGENT, ...headers },
      agent: secure ? httpsAgent() : httpAgent(),
    };
    const outgoing = (secure ? https().request : http().request)(target, options);
    let answer: IncomingMessage | null = null;
    // One bound for the answer and its body, as fetch's AbortSignal.timeout gives: a body that trickles is cut too.
    const timer = setTimeout(() => {
      const error = timedOut();
      answer?.destroy(error);
      outgoing.destroy(error);
    }, timeoutMs);
    outgoing.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.on("response", (incoming) => {
      // Node emits a body's 'error' only to a listener: without one, a reset mid-body would throw.
      incoming.on("error", () => undefined);
      incoming.once("close", () => clearTimeout(timer));
      answer = incoming;
      resolve(exchangeOf(incoming));
    });
    outgoing.end();
  });

function exchangeOf(incoming: IncomingMessage): HttpExchange {
  const status = incoming.statusCode ?? 0;
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get: (name) => {
        const value = incoming.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
    read: (limit) => readCapped(incoming, limit),
    discard: async () => {
      incoming.destroy();
    },
  };
}

/**
 * Reads at most `limit` decoded bytes, and one chunk more to know the body is longer; then the body is destroyed
 * (its connection closes) unless it had ended. An encoding that cannot be decoded is passed on as sent, as fetch does.
 */
function readCapped(incoming: IncomingMessage, limit: number): Promise<BodyBytes> {
  const encoding = (incoming.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const decoder = decoderFor(encoding) ?? null;
  const source: Readable = decoder ? incoming.pipe(decoder) : incoming;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      if (!incoming.complete) incoming.destroy();
      decoder?.destroy();
      if (error) reject(error);
      else resolve({ bytes: Buffer.concat(chunks, size).subarray(0, limit), truncated: size > limit });
    };
    source.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > limit) finish(null);
    });
    source.once("end", () => finish(null));
    decoder?.once("error", (error) => finish(error));
    // A reset or a timeout mid-body; a body closed before its end without an error was cut as well.
    incoming.once("error", (error) => finish(error));
    incoming.once("close", () => {
      if (!incoming.complete) finish(incoming.errored ?? cut());
    });
    if (incoming.errored || (incoming.destroyed && !incoming.complete)) finish(incoming.errored ?? cut());
  });
}

function cut(): Error {
  return Object.assign(new Error("the connection closed before the answer's end"), { code: "ECONNRESET" });
}

const load = createRequire(import.meta.url);
const http = once(() => load("node:http") as typeof import("node:http"));
const https = once(() => load("node:https") as typeof import("node:https"));
const POOL = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST };
const httpAgent = once((): HttpAgent => new (http().Agent)(POOL));
const httpsAgent = once((): HttpAgent => new (https().Agent)(POOL));
