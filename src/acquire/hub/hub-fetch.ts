import { createRedactor, type Redactor } from "../../util/redact.js";
import { type BodyBytes, fetchTransport, type HttpExchange, type HubAnswer } from "./http-exchange.js";
import { HubAnswerError, HubHttpError, HubTransportError } from "./hub-error.js";
import { nodeHttpTransport } from "./node-http-transport.js";

export interface HubFetchOptions {
  /** The Hub's base URL, without a trailing slash (https://huggingface.co, or an internal registry). */
  endpoint: string;
  /** Sent as a Bearer token to `endpoint`'s origin only. Any string: internal registries issue non-`hf_` tokens. */
  token?: string | undefined;
  /**
   * Scrubs what the server says before it becomes an error message, a gap's detail or data: an upstream may echo
   * the token it was sent. Built from `token` when not given.
   */
  redact?: Redactor | undefined;
  /** Per request, including the body. */
  timeoutMs: number;
  /** Further attempts after a 429, a 5xx or a connection reset (before the headers or while reading the body). */
  maxRetries?: number;
  /** First backoff delay; doubled each retry, with jitter. */
  retryBaseMs?: number;
  /** A `Retry-After` longer than this is not waited for: the request fails as rate-limited instead. */
  maxRetryAfterMs?: number;
  /** A fetch to send requests through instead of node:http: the gate's bounded upstream, or a test's stand-in. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Told before each wait between attempts, so a terminal can say why nothing moves (a 60 s Retry-After looks like a
   * hang otherwise). It gets the length and the reason only: never the URL, which may carry credentials.
   */
  onWait?: ((wait: HubWait) => void) | undefined;
}

/** A pause before the next attempt: how long, and why (`429 Retry-After`, `HTTP 503, backing off`, …). */
export interface HubWait {
  ms: number;
  reason: string;
}

/** A body read whole, or up to a bound, with the answer it came in. */
export interface HubBody extends BodyBytes {
  response: HubAnswer;
}

/** What a Hub request may set: its headers (an object, a list of pairs or a Headers, as fetch takes them). */
export interface HubRequestInit {
  headers?: RequestInit["headers"];
}

/**
 * lic's HTTP policy for the Hub: `read` makes the request and reads its body under one retry policy, so that a
 * connection cut while the body streams is retried like one cut before the headers.
 */
export interface HubFetch {
  read(url: string, init: HubRequestInit, maxBytes: number): Promise<HubBody>;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const RETRY_STATUSES = new Set([500, 502, 503, 504]);
/** Bound on the error body we read to find the Hub's message; the rest is discarded. */
const MAX_ERROR_BODY = 16 * 1024;

/** The redactor a Hub client uses: the one given, or one that knows the client's token. */
export function hubRedactor(options: Pick<HubFetchOptions, "redact" | "token">): Redactor {
  return options.redact ?? createRedactor([options.token]);
}

/**
 * The one HTTP policy every Hub request goes through (the metadata `@huggingface/hub` reads too, through a fetch
 * built on `read`):
 * - the token goes to the configured endpoint's origin and nowhere else, also across redirects
 *   (the Hub answers renamed repos with a relative 307, and LFS files with a 302 to a CDN);
 * - 429 waits for `Retry-After`, 5xx and resets back off, both bounded; a redirect loop is final;
 * - every request has a timeout;
 * - a non-2xx answer becomes a HubHttpError that keeps `X-Error-Code`, which `HubApiError` would drop, with
 *   the server's message redacted (an upstream may echo the Authorization header it got).
 * Requests go out through node:http (node-http-transport.ts), or through `options.fetch` when one is given.
 */
export function createHubFetch(options: HubFetchOptions): HubFetch {
  const transport = options.fetch ? fetchTransport(options.fetch) : nodeHttpTransport;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 250;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const endpointOrigin = new URL(options.endpoint).origin;
  const redact = hubRedactor(options);
  const wait = (ms: number, reason: string) => {
    options.onWait?.({ ms, reason });
    return sleep(ms);
  };

  async function read(url: string, init: HubRequestInit, maxBytes: number): Promise<HubBody> {
    const headers = headersOf(init.headers);
    for (let attempt = 0; ; attempt++) {
      const isLastAttempt = attempt >= maxRetries;
      let exchange: HttpExchange;
      try {
        exchange = await followRedirects(url, headers);
      } catch (error) {
        if (error instanceof HubAnswerError) throw error;
        const transportError = toTransportError(error, options.timeoutMs, "connection failed");
        if (transportError.kind === "network" && !transportError.final && !isLastAttempt) {
          await wait(backoff(attempt), "connection failed, retrying");
          continue;
        }
        throw transportError;
      }
      if (exchange.ok) {
        try {
          return { response: exchange, ...(await exchange.read(maxBytes)) };
        } catch (error) {
          const transportError = toTransportError(
            error,
            options.timeoutMs,
            "the connection was cut while reading the answer",
            true,
          );
          if (transportError.kind === "network" && !isLastAttempt) {
            await wait(backoff(attempt), "connection cut, retrying");
            continue;
          }
          throw transportError;
        }
      }

      const retryAfterMs = parseRetryAfter(exchange.headers.get("retry-after"), Date.now());
      const canRetry = !isLastAttempt && (exchange.status === 429 || RETRY_STATUSES.has(exchange.status));
      if (canRetry && (retryAfterMs === null || retryAfterMs <= maxRetryAfterMs)) {
        await exchange.discard();
        await wait(retryAfterMs ?? backoff(attempt), waitReason(exchange.status, retryAfterMs !== null));
        continue;
      }
      throw await toHttpError(exchange, retryAfterMs, redact);
    }
  }

  async function followRedirects(startUrl: string, headers: Record<string, string>): Promise<HttpExchange> {
    let url = startUrl;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const sent = { ...headers };
      if (options.token && new URL(url).origin === endpointOrigin) sent["authorization"] = `Bearer ${options.token}`;
      else delete sent["authorization"];
      const exchange = await transport(url, sent, options.timeoutMs);
      const location = exchange.headers.get("location");
      if (!REDIRECT_STATUSES.has(exchange.status) || !location) return exchange;
      await exchange.discard();
      url = new URL(location, url).href;
    }
    // Asking again follows the same loop: final, not a network failure to retry.
    throw new HubAnswerError(`it redirected more than ${MAX_REDIRECTS} times (a redirect loop)`);
  }

  function backoff(attempt: number): number {
    return retryBaseMs * 2 ** attempt * (0.75 + Math.random() / 2);
  }

  return { read };
}

/**
 * A request's headers as one object with lower-case names, whichever form fetch's callers give them in. A Headers is
 * known by its `entries`, not by `instanceof`: reading the global `Headers` loads Node's fetch implementation.
 */
function headersOf(init: RequestInit["headers"]): Record<string, string> {
  const headers: Record<string, string> = {};
  if (init === undefined) return headers;
  const pairs = Array.isArray(init)
    ? init
    : typeof (init as Headers).entries === "function"
      ? [...(init as Headers).entries()]
      : Object.entries(init as Record<string, string>);
  for (const [name, value] of pairs) if (name !== undefined && value !== undefined) headers[name.toLowerCase()] = value;
  return headers;
}

/** Why a retry waits, as a terminal line says it: the status, and whether the server set the wait. */
function waitReason(status: number, serverSaid: boolean): string {
  const what = status === 429 ? "429" : `HTTP ${status}`;
  return serverSaid ? `${what} Retry-After` : `${what}, backing off`;
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

async function toHttpError(
  exchange: HttpExchange,
  retryAfterMs: number | null,
  redact: Redactor,
): Promise<HubHttpError> {
  const errorCode = exchange.headers.get("x-error-code");
  let serverMessage = exchange.headers.get("x-error-message");
  const body = await exchange
    .read(MAX_ERROR_BODY)
    .then(({ bytes }) => bytes.toString("utf8"))
    .catch(() => "");
  if (!serverMessage && body) {
    try {
      const json: unknown = JSON.parse(body);
      if (json && typeof json === "object" && "error" in json && typeof json.error === "string")
        serverMessage = json.error;
    } catch {
      // Not JSON: the Hub's plain-text bodies repeat the status line; the status says enough.
    }
  }
  const retryAfterSeconds = retryAfterMs === null ? null : Math.ceil(retryAfterMs / 1000);
  const said = serverMessage ? redact(serverMessage).trim().slice(0, 500) : "";
  return new HubHttpError(
    exchange.status,
    errorCode === null ? null : redact(errorCode).slice(0, 100),
    said || null,
    retryAfterSeconds,
  );
}

function toTransportError(error: unknown, timeoutMs: number, what: string, duringBody = false): HubTransportError {
  if (error instanceof HubTransportError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new HubTransportError("timeout", `no answer within ${Math.round(timeoutMs / 1000)} s`, duringBody);
  }
  // undici puts the socket error in `cause` (ECONNREFUSED, ECONNRESET, ENOTFOUND); interceptors may throw it bare.
  const code = errorCode(error instanceof Error ? error.cause : null) ?? errorCode(error);
  if (code !== null && UNTRUSTED_CERTIFICATE.test(code)) {
    return new HubTransportError(
      "network",
      `its TLS certificate is not one this machine trusts (${code}); if your network reaches it through a proxy with a certificate authority of its own, give that authority's certificate in NODE_EXTRA_CA_CERTS (a PEM file)`,
      duringBody,
      true,
    );
  }
  return new HubTransportError("network", code ? `${what} (${code})` : what, duringBody);
}

/**
 * OpenSSL's and Node's codes for a certificate that does not verify: self-signed, an unknown issuer, expired, or
 * for another host (https://nodejs.org/api/tls.html, X509 verification errors).
 */
const UNTRUSTED_CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

function errorCode(error: unknown): string | null {
  return error && typeof error === "object" && "code" in error && typeof error.code === "string" ? error.code : null;
}
