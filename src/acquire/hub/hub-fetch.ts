import { createRedactor, type Redactor } from "../../util/redact.js";
import { HubAnswerError, HubHttpError, HubTransportError } from "./hub-error.js";

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
  /** The underlying fetch (tests and the benchmark count requests through it). */
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

/** A body read whole, or up to a bound. */
export interface HubBody {
  response: Response;
  /** At most the bound's bytes, counted after decompression (fetch undoes any Content-Encoding). */
  bytes: Buffer;
  /** The body had more than the bound; `bytes` is its head. */
  truncated: boolean;
}

/**
 * `fetch` with lic's HTTP policy, plus `read`: the request and the reading of its body under one retry policy, so
 * that a connection cut while the body streams is retried like one cut before the headers.
 */
export type HubFetch = typeof fetch & {
  read(url: string, init: RequestInit, maxBytes: number): Promise<HubBody>;
};

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
 * The one HTTP policy every Hub request goes through, handed to `@huggingface/hub` as its `fetch`:
 * - the token goes to the configured endpoint's origin and nowhere else, also across redirects
 *   (the Hub answers renamed repos with a relative 307, and LFS files with a 302 to a CDN);
 * - 429 waits for `Retry-After`, 5xx and resets back off, both bounded; a redirect loop is final;
 * - every request has a timeout;
 * - a non-2xx answer becomes a HubHttpError that keeps `X-Error-Code`, which `HubApiError` would drop, with
 *   the server's message redacted (an upstream may echo the Authorization header it got).
 */
export function createHubFetch(options: HubFetchOptions): HubFetch {
  const base = options.fetch ?? globalThis.fetch;
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

  /** Sends the request, retrying as the policy allows, and hands the 2xx answer to `consume` inside the same policy. */
  async function withRetries<T>(
    input: string | URL | Request,
    init: RequestInit,
    consume: (response: Response) => Promise<T>,
  ): Promise<T> {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    for (let attempt = 0; ; attempt++) {
      const isLastAttempt = attempt >= maxRetries;
      let response: Response;
      try {
        response = await followRedirects(url, init);
      } catch (error) {
        if (error instanceof HubAnswerError) throw error;
        const transport = toTransportError(error, options.timeoutMs, "connection failed");
        if (transport.kind === "network" && !isLastAttempt) {
          await wait(backoff(attempt), "connection failed, retrying");
          continue;
        }
        throw transport;
      }
      if (response.ok) {
        try {
          return await consume(response);
        } catch (error) {
          if (error instanceof HubAnswerError) throw error;
          const transport = toTransportError(
            error,
            options.timeoutMs,
            "the connection was cut while reading the answer",
            true,
          );
          if (transport.kind === "network" && !isLastAttempt) {
            await wait(backoff(attempt), "connection cut, retrying");
            continue;
          }
          throw transport;
        }
      }

      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
      const canRetry = !isLastAttempt && (response.status === 429 || RETRY_STATUSES.has(response.status));
      if (canRetry && (retryAfterMs === null || retryAfterMs <= maxRetryAfterMs)) {
        await discard(response);
        await wait(retryAfterMs ?? backoff(attempt), waitReason(response.status, retryAfterMs !== null));
        continue;
      }
      throw await toHttpError(response, retryAfterMs, redact);
    }
  }

  async function followRedirects(startUrl: string, init: RequestInit): Promise<Response> {
    let url = startUrl;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers = new Headers(init.headers);
      if (options.token && new URL(url).origin === endpointOrigin) {
        headers.set("authorization", `Bearer ${options.token}`);
      } else {
        headers.delete("authorization");
      }
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const response = await base(url, { ...init, headers, signal, redirect: "manual" });
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || !location) return response;
      await discard(response);
      url = new URL(location, url).href;
    }
    // Asking again follows the same loop: final, not a network failure to retry.
    throw new HubAnswerError(`it redirected more than ${MAX_REDIRECTS} times (a redirect loop)`);
  }

  function backoff(attempt: number): number {
    return retryBaseMs * 2 ** attempt * (0.75 + Math.random() / 2);
  }

  const hubFetch = (input: string | URL | Request, init: RequestInit = {}) =>
    withRetries(input, init, async (response) => response);
  const read = (url: string, init: RequestInit, maxBytes: number) =>
    withRetries(url, init, async (response) => ({ response, ...(await readCapped(response, maxBytes)) }));
  return Object.assign(hubFetch as typeof fetch, { read });
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

async function toHttpError(response: Response, retryAfterMs: number | null, redact: Redactor): Promise<HubHttpError> {
  const errorCode = response.headers.get("x-error-code");
  let serverMessage = response.headers.get("x-error-message");
  const body = await readCapped(response, MAX_ERROR_BODY)
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
    response.status,
    errorCode === null ? null : redact(errorCode).slice(0, 100),
    said || null,
    retryAfterSeconds,
  );
}

/** Reads at most `limit` bytes of a body (and one chunk more, to know it is longer), then releases the rest. */
async function readCapped(response: Response, limit: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  if (!response.body) return { bytes: Buffer.alloc(0), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size > limit) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return { bytes: Buffer.concat(chunks).subarray(0, limit), truncated: size > limit };
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function toTransportError(error: unknown, timeoutMs: number, what: string, duringBody = false): HubTransportError {
  if (error instanceof HubTransportError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new HubTransportError("timeout", `no answer within ${Math.round(timeoutMs / 1000)} s`, duringBody);
  }
  // undici puts the socket error in `cause` (ECONNREFUSED, ECONNRESET, ENOTFOUND); interceptors may throw it bare.
  const code = errorCode(error instanceof Error ? error.cause : null) ?? errorCode(error);
  return new HubTransportError("network", code ? `${what} (${code})` : what, duringBody);
}

function errorCode(error: unknown): string | null {
  return error && typeof error === "object" && "code" in error && typeof error.code === "string" ? error.code : null;
}
