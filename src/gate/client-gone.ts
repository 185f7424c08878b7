import type { ServerResponse } from "node:http";

/**
 * That a client went away before its answer was done, for what works on its behalf (the upstream request, a hop to
 * storage, a backoff wait) to stop. Not an AbortSignal on the hot path: on Node 20 adding and removing one listener
 * on a fresh AbortSignal costs some 12 µs (EventTarget), as much as routing and annotating a request together, and
 * every request to the upstream listens. An EventEmitter's listener costs a fortieth of that. `signal` is made on
 * first use, for the APIs that take an AbortSignal.
 */
export interface ClientGone {
  readonly gone: boolean;
  /** Calls `listener` once, when the client goes; the function returned stops listening. */
  onGone(listener: () => void): () => void;
  readonly signal: AbortSignal;
}

/**
 * The client of `outgoing` is gone when the response closes before it has finished (a reset, a timeout). Read
 * from the response's own state, so a request that nobody asks about listens to nothing: Node marks a response
 * destroyed when its connection closes, and finished only when the whole answer was handed to the connection.
 */
export function clientGoneOf(outgoing: ServerResponse): ClientGone {
  let controller: AbortController | null = null;
  const client: ClientGone = {
    get gone() {
      return outgoing.destroyed && !outgoing.writableFinished;
    },
    onGone(listener) {
      // `on`, not `once`: a response closes once, and `once` wraps every listener in a closure of its own.
      const onClose = () => {
        if (!outgoing.writableFinished) listener();
      };
      outgoing.on("close", onClose);
      return () => outgoing.off("close", onClose);
    },
    get signal() {
      if (controller === null) {
        const made = new AbortController();
        controller = made;
        if (client.gone) made.abort();
        else client.onGone(() => made.abort());
      }
      return controller.signal;
    },
  };
  return client;
}

/** An AbortSignal (a Hub client's, for a decision read) seen as a client that may go. */
export function clientGoneFrom(signal: AbortSignal): ClientGone {
  return {
    get gone() {
      return signal.aborted;
    },
    onGone(listener) {
      signal.addEventListener("abort", listener, { once: true });
      return () => signal.removeEventListener("abort", listener);
    },
    signal,
  };
}
