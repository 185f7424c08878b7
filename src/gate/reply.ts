import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { Redactor } from "../util/redact.js";
import { type HeaderMap, headerSafe } from "./headers.js";
import { hasBrokenOff } from "./upstream.js";

/** What the gate answers: a body in memory, or an upstream body streamed as it arrives. */
export interface Reply {
  status: number;
  headers: HeaderMap;
  body: string | Buffer | Readable | null;
  /** `--offload nginx`: the internal nginx location that sends the body instead of the gate (X-Accel-Redirect). */
  accelRedirect?: string;
}

/**
 * Writes a reply: the gate's one exit to clients, so everything in it passes `fitReply` (the redactor) here. A
 * streamed body is piped with backpressure and cut off if the client goes away; one that broke off before it could
 * be passed on gets a 502 instead (piped, it would never end).
 */
export function send(
  outgoing: ServerResponse,
  method: string,
  unsafe: Reply,
  redact: Redactor,
  onBytes: (bytes: number) => void,
): void {
  let whole = unsafe;
  if (unsafe.body instanceof Readable && hasBrokenOff(unsafe.body)) {
    unsafe.body.destroy();
    whole = problem(502, "the upstream broke off its answer before the gate could pass it on; try again");
  }
  const { status, headers, body } = fitReply(whole, redact);
  if (typeof body === "string" || Buffer.isBuffer(body)) headers["content-length"] = String(Buffer.byteLength(body));
  outgoing.writeHead(status, headers);
  if (!(body instanceof Readable)) {
    outgoing.end(method === "HEAD" ? undefined : (body ?? undefined));
    return;
  }
  if (method === "HEAD") {
    body.destroy();
    outgoing.end();
    return;
  }
  if (status < 300) body.on("data", (chunk: Buffer) => onBytes(chunk.byteLength));
  body.on("error", () => outgoing.destroy());
  outgoing.once("close", () => body.destroy());
  body.pipe(outgoing);
}

/** Headers whose values are free text for people (reasons), from the gate or passed on from the upstream. */
const TEXT_HEADERS = new Set(["x-error-message", "x-lic-reason"]);

/**
 * A reply as it may leave the gate: every header value and every body held in memory (the gate's own JSON, a
 * buffered model info) redacted; streamed bodies (file bytes) are not text and pass as they are. Reason headers are
 * then fitted to one bounded line, after the redaction, because a cut could split a token and leave a part of it
 * that the redactor no longer recognises.
 *
 * nginx obeys X-Accel-* headers from the server it proxies to (an internal redirect, a rate, buffering). Only the
 * gate's own decision may set one (`accelRedirect`, as X-Accel-Redirect): any passed on from the upstream is
 * dropped, so a hostile upstream cannot make nginx fetch what it likes or serve an internal location.
 */
export function fitReply(reply: Reply, redact: Redactor): Omit<Reply, "accelRedirect"> {
  const headers: HeaderMap = {};
  for (const name in reply.headers) {
    if (name.startsWith("x-accel-")) continue;
    const value = reply.headers[name]!;
    headers[name] = TEXT_HEADERS.has(name) ? headerSafe(redact(value)) : redact(value);
  }
  if (reply.accelRedirect !== undefined) headers["x-accel-redirect"] = redact(reply.accelRedirect);
  let { body } = reply;
  if (typeof body === "string") body = redact(body);
  else if (Buffer.isBuffer(body)) {
    // Re-encoded only when something was redacted, so bytes that are not UTF-8 pass unchanged.
    const text = body.toString("utf8");
    const clean = redact(text);
    if (clean !== text) body = Buffer.from(clean, "utf8");
  }
  return { status: reply.status, headers, body };
}

/** The gate's own answers are in the Hub's error shape: X-Error-Message for huggingface_hub, `error` for @huggingface/hub. */
export function problem(status: number, reason: string, details: object = {}): Reply {
  const reply = json(status, { error: reason, ...details });
  reply.headers["x-error-message"] = reason;
  return reply;
}

export function json(status: number, value: unknown): Reply {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(value) };
}
