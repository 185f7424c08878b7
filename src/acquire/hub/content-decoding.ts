import type { Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/**
 * The decoder for a `Content-Encoding` (RFC 9110 §8.4): null for identity, undefined for an encoding that cannot be
 * decoded here. Several encodings at once are not decoded: no Hub answers so.
 */
export function decoderFor(encoding: string): Transform | null | undefined {
  if (encoding === "identity" || encoding === "") return null;
  if (encoding === "gzip" || encoding === "x-gzip") return createGunzip();
  if (encoding === "deflate") return createInflate();
  if (encoding === "br") return createBrotliDecompress();
  return undefined;
}
