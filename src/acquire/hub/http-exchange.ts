/** What the Hub client reads of an answer besides its body. A fetch `Response` is one. */
export interface HubAnswer {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
}

/** A body read whole, or up to a bound. */
export interface BodyBytes {
  /** At most the bound's bytes, counted after decoding any `Content-Encoding`. */
  bytes: Buffer;
  /** The body had more than the bound; `bytes` is its head. */
  truncated: boolean;
}

/** An answer whose body is still to be read. */
export interface HttpExchange extends HubAnswer {
  /**
   * Reads at most `limit` bytes of the body (and one chunk more, to know it is longer), then releases the rest. A
   * connection cut or a timeout while it streams rejects: with a `TimeoutError`, or an error whose `code` (or its
   * `cause`'s) names the socket's failure, as fetch's errors do.
   */
  read(limit: number): Promise<BodyBytes>;
  /** Lets the body go unread. */
  discard(): Promise<void>;
}

/**
 * One GET, its redirects not followed (the Hub client follows them itself, with its token rules); `timeoutMs` bounds
 * the answer and the reading of its body. A request that gets no answer rejects as `read` does.
 */
export type HttpTransport = (url: string, headers: Record<string, string>, timeoutMs: number) => Promise<HttpExchange>;

/** A transport over a `fetch`: the gate's bounded upstream, or a test's stand-in that counts or breaks requests. */
export function fetchTransport(fetchImpl: typeof fetch): HttpTransport {
  return async (url, headers, timeoutMs) => {
    const response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
    return {
      status: response.status,
      ok: response.ok,
      headers: response.headers,
      read: (limit) => readCapped(response, limit),
      discard: async () => {
        await response.body?.cancel().catch(() => undefined);
      },
    };
  };
}

async function readCapped(response: Response, limit: number): Promise<BodyBytes> {
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
