import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { decoderFor } from "../acquire/hub/content-decoding.js";
import { parseRetryAfter } from "../acquire/hub/hub-fetch.js";
import { type ClientGone, clientGoneFrom } from "./client-gone.js";
import type { HeaderMap } from "./headers.js";

export interface UpstreamOptions {
  /** The upstream's base URL, without a trailing slash (https://huggingface.co, or a mirror with a path prefix). */
  base: string;
  /**
   * Until the response headers arrive. A streamed body, once flowing, is not cut short; a body the gate reads whole
   * (`readWhole`) must arrive within this much again.
   */
  timeoutMs: number;
  /** Connections to the upstream (and to the storage it redirects to) open at once; further requests queue. */
  maxConnections: number;
  /** A rate limit shared by replicas (`--redis`): waited for before each request, told of each 429's Retry-After. */
  backoff?: UpstreamBackoff;
}

export interface UpstreamBackoff {
  untilFree(signal?: AbortSignal): Promise<void>;
  note(retryAfterMs: number): Promise<void>;
}

/**
 * The upstream did not answer, or not with anything the gate can pass on: no HTTP status of its own to give.
 * `too_large` and `encoding` are a body the gate reads whole (model info) that is over its bound after decoding, or
 * in an encoding the gate cannot decode.
 */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  constructor(
    readonly kind: "network" | "timeout" | "too_large" | "encoding",
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface UpstreamRequest {
  method: "GET" | "HEAD" | "POST";
  headers: HeaderMap;
  body?: Buffer;
}

/** An upstream answer: its body is a Node stream, piped to the client without passing through Web streams. */
export interface UpstreamResponse {
  status: number;
  headers: HeaderMap;
  /** The URL asked, against which a relative `Location` resolves. */
  url: string;
  body: IncomingMessage;
}

/**
 * The gate's only way out, for file bytes and for decisions alike (`fetch`, handed to the Hub client the Decider
 * reads through). It reaches the configured upstream, and the hosts that upstream itself redirects to (its storage);
 * a client's request can name neither. Redirects are never followed here: the gate, or the Hub client's own policy,
 * decides what each one means. Node's keep-alive agents bound the connections (`maxConnections` for client traffic,
 * and as many again for decision reads, which must not wait behind the file answers they decide on) and queue what
 * is over the bound; a connection is busy until its response body has been read or discarded.
 */
export class Upstream {
  readonly base: string;
  private readonly origin: string;
  /** Agents for file bytes and the gate's metadata answers, and (apart) for the Hub client's decision reads. */
  private readonly forClients: Agents;
  private readonly forDecisions: Agents;

  constructor(private readonly options: UpstreamOptions) {
    this.base = options.base;
    this.origin = new URL(options.base).origin;
    const pool = { keepAlive: true, maxSockets: options.maxConnections, maxTotalSockets: options.maxConnections };
    // Two pools of the same bound, not one: a file request holds its first answer unread while the gate decides, so
    // with one pool, maxConnections such requests would hold every connection and their decisions would wait for
    // them forever (until the timeout, then a 503 each).
    this.forClients = { http: new HttpAgent(pool), https: new HttpsAgent(pool) };
    this.forDecisions = { http: new HttpAgent(pool), https: new HttpsAgent(pool) };
  }

  /** `pathAndQuery` starts with `/`; it is appended to the base, so it cannot change the host. */
  urlOf(pathAndQuery: string): string {
    return `${this.base}${pathAndQuery}`;
  }

  request(pathAndQuery: string, request: UpstreamRequest, client?: ClientGone): Promise<UpstreamResponse> {
    return this.send(this.urlOf(pathAndQuery), request, client);
  }

  /**
   * Follows a redirect the upstream gave for file bytes. The client's `Authorization` is for the upstream only and
   * is not sent on (huggingface_hub drops it too when the host changes, file_download.py).
   */
  follow(location: string, request: UpstreamRequest, client?: ClientGone): Promise<UpstreamResponse> {
    const url = new URL(location);
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return Promise.reject(
        new UpstreamError(
          "network",
          `the upstream redirected to a ${url.protocol} URL, which the gate does not follow`,
        ),
      );
    }
    const headers = { ...request.headers };
    if (url.origin !== this.origin) delete headers["authorization"];
    return this.send(url.href, { ...request, headers }, client);
  }

  /**
   * A body read whole, for the gate to look into (model info, for its sha): decoded if the upstream sent it encoded
   * although the gate asked for `identity`, at most `maxBytes` after decoding, and within `timeoutMs` of its
   * headers. A body that is too large, too slow, undecodable or cut off is the upstream's failure (UpstreamError),
   * and is destroyed, so its connection closes. A client that goes away aborts the read (its request is destroyed).
   */
  readWhole(response: UpstreamResponse, maxBytes: number): Promise<Buffer> {
    const { body } = response;
    const where = new URL(response.url).host;
    const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
    const decoder = decoderFor(encoding);
    if (decoder === undefined) {
      body.destroy();
      return Promise.reject(
        new UpstreamError(
          "encoding",
          `${where} sent its answer with Content-Encoding "${encoding.slice(0, 40)}", which the gate cannot decode`,
        ),
      );
    }
    const tooLarge = () =>
      new UpstreamError(
        "too_large",
        `${where} sent an answer over ${maxBytes} bytes${decoder ? " once decoded" : ""}, more than the gate reads`,
      );
    if (decoder === null && Number(response.headers["content-length"] ?? 0) > maxBytes) {
      body.destroy();
      return Promise.reject(tooLarge());
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const fail = (error: UpstreamError) => {
        clearTimeout(timer);
        body.destroy();
        decoder?.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () =>
          fail(
            new UpstreamError(
              "timeout",
              `${where} did not send its whole answer within ${this.options.timeoutMs / 1000} s`,
            ),
          ),
        this.options.timeoutMs,
      );
      const brokeOff = () =>
        fail(
          new UpstreamError(
            "network",
            `${where} broke off its answer${body.errored ? ` (${body.errored.message})` : ""}`,
          ),
        );
      if (hasBrokenOff(body)) return brokeOff();
      body.once("error", brokeOff);
      body.once("close", () => {
        if (!body.complete) brokeOff();
      });
      const source: Readable = decoder ? body.pipe(decoder) : body;
      decoder?.once("error", (error: Error) =>
        fail(new UpstreamError("encoding", `${where} sent a ${encoding} body that does not decode: ${error.message}`)),
      );
      source.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBytes) return fail(tooLarge());
        chunks.push(chunk);
      });
      source.once("end", () => {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks, size));
      });
    });
  }

  /**
   * A `fetch` over the same bounded agents, for the Hub client that reads snapshots for decisions. It answers like
   * the global fetch where that client looks: redirects are returned (it follows them itself, with its token rules),
   * the body is decoded, a timeout or an abort rejects with the signal's reason, and a connection failure is a
   * TypeError whose `cause` carries the socket error's code.
   */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? "GET").toUpperCase() as UpstreamRequest["method"];
    const headers: HeaderMap = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const { signal } = init;
    const sent = init.body == null ? undefined : Buffer.from(await new Response(init.body).arrayBuffer());
    let response: UpstreamResponse;
    try {
      signal?.throwIfAborted();
      const request = { method, headers, ...(sent ? { body: sent } : {}) };
      response = await this.send(url, request, signal ? clientGoneFrom(signal) : undefined, this.forDecisions);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof UpstreamError && error.kind === "timeout")
        throw new DOMException(error.message, "TimeoutError");
      throw new TypeError("fetch failed", { cause: error instanceof Error && error.cause ? error.cause : error });
    }
    const { body } = response;
    const hasBody = method !== "HEAD" && !NULL_BODY_STATUSES.has(response.status);
    const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
    const decoder = hasBody ? decoderFor(encoding) : null;
    if (!hasBody) discard(response);
    const source: Readable | null = hasBody ? (decoder ? body.pipe(decoder) : body) : null;
    if (decoder) body.once("error", (error) => decoder.destroy(error));
    // A timeout or an abort while the body streams fails its read with the signal's reason, as fetch's does.
    signal?.addEventListener("abort", () => source?.destroy(signal.reason), { once: true });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      // Decoded here, as fetch does: the length and encoding that came with the body no longer describe it.
      if (decoder && (name === "content-encoding" || name === "content-length")) continue;
      responseHeaders.set(name, value);
    }
    return new Response(source ? (Readable.toWeb(source) as ReadableStream<Uint8Array>) : null, {
      status: response.status,
      headers: responseHeaders,
    });
  };

  /** Connections open to the upstream and its storage, busy or idle. */
  get connections(): number {
    const count = (agent: HttpAgent) =>
      Object.values(agent.sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);
    return [this.forClients, this.forDecisions].reduce(
      (sum, agents) => sum + count(agents.http) + count(agents.https),
      0,
    );
  }

  close(): void {
    for (const agents of [this.forClients, this.forDecisions]) {
      agents.http.destroy();
      agents.https.destroy();
    }
  }

  /** Not itself async: without a backoff the request's own promise is returned, not one that waits for it. */
  private send(
    url: string,
    request: UpstreamRequest,
    client?: ClientGone,
    agents: Agents = this.forClients,
  ): Promise<UpstreamResponse> {
    const { backoff } = this.options;
    return backoff
      ? this.sendAfterBackoff(backoff, url, request, client, agents)
      : this.sendNow(url, request, client, agents);
  }

  private async sendAfterBackoff(
    backoff: UpstreamBackoff,
    url: string,
    request: UpstreamRequest,
    client: ClientGone | undefined,
    agents: Agents,
  ): Promise<UpstreamResponse> {
    await backoff.untilFree(client?.signal);
    if (client?.gone) throw new UpstreamError("network", "the client went away");
    const response = await this.sendNow(url, request, client, agents);
    const retryAfterMs =
      response.status === 429 ? parseRetryAfter(response.headers["retry-after"] ?? null, Date.now()) : null;
    if (retryAfterMs !== null) await backoff.note(retryAfterMs);
    return response;
  }

  private sendNow(
    url: string,
    request: UpstreamRequest,
    client: ClientGone | undefined,
    agents: Agents,
  ): Promise<UpstreamResponse> {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    const headers = request.body
      ? { ...request.headers, "content-length": String(request.body.byteLength) }
      : request.headers;
    return new Promise((resolve, reject) => {
      const outgoing = (secure ? httpsRequest : httpRequest)(target, {
        method: request.method,
        headers,
        agent: secure ? agents.https : agents.http,
      });
      const timer = setTimeout(
        () =>
          outgoing.destroy(
            new UpstreamError("timeout", `${target.host} did not answer within ${this.options.timeoutMs / 1000} s`),
          ),
        this.options.timeoutMs,
      );
      const stopListening = client?.onGone(() =>
        outgoing.destroy(new UpstreamError("network", "the client went away")),
      );
      outgoing.on("response", (body) => {
        clearTimeout(timer);
        // Watched from the first moment: the gate may hold a body unread while it decides, and a body that breaks
        // off meanwhile must be seen as broken when it is passed on (hasBrokenOff), not piped as if it would end.
        // Node emits a response's 'error' only to a listener; the stream's state records it either way.
        body.on("error", () => {});
        if (stopListening) body.once("close", stopListening);
        resolve({ status: body.statusCode ?? 502, headers: headersOf(body.headers), url, body });
      });
      outgoing.on("error", (error) => {
        clearTimeout(timer);
        stopListening?.();
        reject(
          error instanceof UpstreamError
            ? error
            : new UpstreamError("network", `could not reach ${target.host}: ${error.message}`, { cause: error }),
        );
      });
      outgoing.end(request.body);
    });
  }
}

interface Agents {
  http: HttpAgent;
  https: HttpsAgent;
}

function headersOf(incoming: IncomingMessage["headers"]): HeaderMap {
  const headers: HeaderMap = {};
  // `for…in`, here and in the other header copies on every request: Object.entries makes an array a header.
  for (const name in incoming) {
    const value = incoming[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** Statuses whose answers have no body (a Response refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Whether a body failed (a reset, a bad chunk) before it was read to its end: it will never end if piped. */
export function hasBrokenOff(body: Readable): boolean {
  return body.errored !== null || (body.destroyed && !body.readableEnded);
}

/** Lets a body go unread: a short one is drained so its connection returns to the pool, a long one is cut. */
export function discard(response: UpstreamResponse): void {
  if (response.body.complete || response.body.destroyed) return;
  const length = Number(response.headers["content-length"] ?? Infinity);
  if (length <= 64 * 1024) response.body.resume();
  else response.body.destroy();
}
