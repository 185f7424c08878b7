import { Semaphore } from "./semaphore.js";

export interface UpstreamOptions {
  /** The upstream's base URL, without a trailing slash (https://huggingface.co, or a mirror with a path prefix). */
  base: string;
  /** Until the response headers arrive; a body, once flowing, is not cut short. */
  timeoutMs: number;
  /** Requests to the upstream (and to the storage it redirects to) in flight at once; the rest wait their turn. */
  maxConnections: number;
  fetch?: typeof fetch;
}

/** The upstream did not answer: no HTTP status to pass on. */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  constructor(
    readonly kind: "network" | "timeout" | "busy",
    message: string,
  ) {
    super(message);
  }
}

export interface UpstreamRequest {
  method: "GET" | "HEAD" | "POST";
  headers: Headers;
  body?: Uint8Array;
  /** The client went away: stop waiting, stop reading. */
  signal?: AbortSignal;
  /** Told the size of each chunk of a successful (2xx) body as it is read. */
  observe?: (bytes: number) => void;
}

/**
 * The gate's only way out. It reaches the configured upstream, and the hosts that upstream itself redirects file
 * downloads to (a CDN); a client's request can name neither. Redirects are never followed here: the gate decides
 * what each one means. A connection slot is held until the response body has been read or cancelled.
 */
export class Upstream {
  readonly base: string;
  private readonly slots: Semaphore;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: UpstreamOptions) {
    this.base = options.base;
    this.slots = new Semaphore(options.maxConnections);
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** `pathAndQuery` starts with `/`; it is appended to the base, so it cannot change the host. */
  urlOf(pathAndQuery: string): string {
    return `${this.base}${pathAndQuery}`;
  }

  request(pathAndQuery: string, request: UpstreamRequest): Promise<Response> {
    return this.send(this.urlOf(pathAndQuery), request);
  }

  /**
   * Follows a redirect the upstream gave for file bytes. The client's `Authorization` is for the upstream only and
   * is not sent on (huggingface_hub drops it too when the host changes, file_download.py).
   */
  follow(location: string, request: UpstreamRequest): Promise<Response> {
    const url = new URL(location);
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return Promise.reject(new UpstreamError("network", `the upstream redirected to a ${url.protocol} URL, which the gate does not follow`));
    }
    const headers = new Headers(request.headers);
    if (url.origin !== new URL(this.base).origin) headers.delete("authorization");
    return this.send(url.href, { ...request, headers });
  }

  get inFlight(): number {
    return this.slots.held;
  }

  private async send(url: string, request: UpstreamRequest): Promise<Response> {
    const waited = new AbortController();
    const queueTimer = setTimeout(() => waited.abort(), this.options.timeoutMs);
    const stop = request.signal ? AbortSignal.any([request.signal, waited.signal]) : waited.signal;
    const acquired = await this.slots.acquire(stop);
    clearTimeout(queueTimer);
    if (!acquired) {
      throw new UpstreamError(request.signal?.aborted ? "network" : "busy", `no upstream connection came free within ${this.options.timeoutMs / 1000} s`);
    }
    const timedOut = new AbortController();
    const headerTimer = setTimeout(() => timedOut.abort(), this.options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timedOut.signal]) : timedOut.signal;
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: request.method,
        headers: request.headers,
        redirect: "manual",
        signal,
        ...(request.body ? { body: request.body } : {}),
      });
    } catch (error) {
      this.slots.release();
      if (timedOut.signal.aborted) throw new UpstreamError("timeout", `${hostOf(url)} did not answer within ${this.options.timeoutMs / 1000} s`);
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      throw new UpstreamError("network", `could not reach ${hostOf(url)}${cause}`);
    } finally {
      clearTimeout(headerTimer);
    }
    if (!response.body) {
      this.slots.release();
      return response;
    }
    const observe = response.status < 300 ? request.observe : undefined;
    return new Response(readThrough(response.body, () => this.slots.release(), observe), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
}

/** The body, read through: `observe` sees each chunk; `release` runs once, when it ends, fails or is cancelled. */
function readThrough(body: ReadableStream<Uint8Array>, release: () => void, observe?: (bytes: number) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let released = false;
  const done = () => {
    if (released) return;
    released = true;
    release();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done: finished, value } = await reader.read();
          if (finished) {
            done();
            controller.close();
          } else {
            observe?.(value.byteLength);
            controller.enqueue(value);
          }
        } catch (error) {
          done();
          controller.error(error);
        }
      },
      async cancel(reason) {
        done();
        await reader.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}

function hostOf(url: string): string {
  return new URL(url).host;
}
