import { createRequire } from "node:module";
import type { Transform } from "node:stream";
import { once } from "../../util/once.js";

/** node:zlib, loaded with the first encoded answer: a warm check reads none, and loading it cost some 2 ms of one. */
const zlib = once(() => createRequire(import.meta.url)("node:zlib") as typeof import("node:zlib"));

/**
 * The decoder for a `Content-Encoding` (RFC 9110 §8.4): null for identity, undefined for an encoding that cannot be
 * decoded here. Several encodings at once are not decoded: no Hub answers so.
 */
export function decoderFor(encoding: string): Transform | null | undefined {
  if (encoding === "identity" || encoding === "") return null;
  if (encoding === "gzip" || encoding === "x-gzip") return zlib().createGunzip();
  if (encoding === "deflate") return zlib().createInflate();
  if (encoding === "br") return zlib().createBrotliDecompress();
  return undefined;
}
