import { type NormalizeOptions, TEMPLATE_SLOT, toSentences } from "./normalize-text.js";

/** FNV-1a's start state. The hash is incremental: `fnv1a(fnv1a(FNV_OFFSET, "a b"), " c") >>> 0` is `hash32("a b c")`. */
export const FNV_OFFSET = 0x811c9dc5;

/** Word n-grams: long enough that shared phrasing between different licenses rarely collides, short enough to survive edits. */
export const SHINGLE_SIZE = 3;

/** A text reduced to what the matcher compares: its sentences and the set of its hashed word 3-grams. */
export interface Fingerprint {
  sentences: string[];
  shingles: Set<number>;
}

export function fingerprint(text: string, options: NormalizeOptions = {}): Fingerprint {
  const sentences = toSentences(text, options);
  return { sentences, shingles: shinglesOf(sentences) };
}

/** Hashed word n-grams over the whole token stream (they run across sentence ends). */
export function shinglesOf(sentences: string[]): Set<number> {
  const tokens = sentences.join(" ").split(" ").filter(Boolean).map(hash32);
  const shingles = new Set<number>();
  const last = Math.max(tokens.length - SHINGLE_SIZE, tokens.length > 0 ? 0 : -1);
  next: for (let index = 0; index <= last; index++) {
    let hash = 0x811c9dc5;
    for (let offset = 0; offset < SHINGLE_SIZE && index + offset < tokens.length; offset++) {
      // A template slot stands for words we cannot know: no 3-gram over it can be expected in a text.
      if (tokens[index + offset] === SLOT_HASH) continue next;
      hash = Math.imul(hash ^ tokens[index + offset]!, 0x01000193);
      hash ^= hash >>> 15;
    }
    shingles.add(hash >>> 0);
  }
  return shingles;
}

const SLOT_HASH = hash32(TEMPLATE_SLOT);

/** FNV-1a, 32-bit: fast, stable across runs and platforms, so fingerprints can be generated once and shipped. */
export function hash32(text: string): number {
  return fnv1a(FNV_OFFSET, text) >>> 0;
}

/** FNV-1a's state after `text`, from `state` (take `>>> 0` of it for the hash). */
export function fnv1a(state: number, text: string): number {
  let hash = state;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** Sorted hashes packed little-endian in base64: a third of the size of a JSON number array, and quick to load. */
export function packHashes(hashes: Iterable<number>): string {
  const sorted = Uint32Array.from(hashes).sort();
  return Buffer.from(sorted.buffer, sorted.byteOffset, sorted.byteLength).toString("base64");
}

/** The hashes, or only the first `limit` of them (decoding just the base64 prefix they need). */
export function unpackHashes(packed: string, limit = Infinity): Uint32Array {
  const wanted = Math.min(Math.floor((packed.length * 3) / 4 / 4), limit) * 4;
  const bytes = Buffer.from(Number.isFinite(limit) ? packed.slice(0, Math.ceil(wanted / 3) * 4) : packed, "base64");
  const copy = new Uint8Array(Math.floor(Math.min(bytes.byteLength, wanted) / 4) * 4);
  copy.set(bytes.subarray(0, copy.byteLength));
  return new Uint32Array(copy.buffer);
}
