/**
 * Why the Hub could not give us what lic needs to decide. Each kind is a different fix for the user,
 * so each gets its own wording in the CLI.
 */
export type HubErrorKind =
  | "repo-not-found" // 404 RepoNotFound, or 401 without GatedRepo (the Hub answers so for private repos too)
  | "revision-not-found" // 404 RevisionNotFound
  | "gated" // 401/403 GatedRepo on the metadata itself
  | "forbidden" // 403 for another reason (disabled repo, token without rights)
  | "rate-limited" // 429 after the retries we allow ourselves
  | "upstream" // 5xx after retries
  | "network" // connection refused, reset, DNS
  | "timeout" // no answer in time
  | "invalid-response" // an answer we cannot read as the Hub's
  | "offline-miss"; // --offline and the cache lacks the snapshot

/** A tool failure while acquiring a snapshot: the CLI exits 3 with `message` on stderr. */
export class HubError extends Error {
  override readonly name = "HubError";
  constructor(
    readonly kind: HubErrorKind,
    message: string,
    readonly details: { repoId?: string; status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

/** A non-2xx answer, as the transport saw it; `fetch-model-snapshot` turns it into a HubError or an evidence gap. */
export class HubHttpError extends Error {
  override readonly name = "HubHttpError";
  constructor(
    readonly status: number,
    /** The Hub's `X-Error-Code` (GatedRepo, RepoNotFound, RevisionNotFound, EntryNotFound), which HubApiError drops. */
    readonly errorCode: string | null,
    /** The Hub's `X-Error-Message` or the body's `error`, trimmed. */
    readonly serverMessage: string | null,
    readonly retryAfterSeconds: number | null,
  ) {
    super(
      `the Hub answered ${status}${errorCode ? ` (${errorCode})` : ""}${serverMessage ? `: ${serverMessage}` : ""}`,
    );
  }
}

/** The transport gave up before an HTTP answer: reset, refused, timed out. */
export class HubTransportError extends Error {
  override readonly name = "HubTransportError";
  constructor(
    readonly kind: "network" | "timeout",
    message: string,
    /** Whether the answer had begun: the headers came, and the body was cut. */
    readonly duringBody = false,
    /** Asking again cannot help (a certificate this machine does not trust): not retried, and said with its fix. */
    readonly final = false,
  ) {
    super(message);
  }
}

/**
 * An answer that cannot be the Hub's, and would not change if asked again: a redirect loop, a body over its bound.
 * `fetch-model-snapshot` reports it as `invalid-response`.
 */
export class HubAnswerError extends Error {
  override readonly name = "HubAnswerError";
}
