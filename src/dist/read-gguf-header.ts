import { type HeaderRead, type ReadAt, unreadableHeader } from "./weight-file.js";

/**
 * Bounds on the GGUF header lic reads. llama.cpp writes `general.*` first (gguf-py `GGUFWriter`, the
 * `general.architecture` key at the head), then the architecture's keys, then the tokenizer's vocabulary, which
 * can be megabytes: lic stops at the budget, having read the keys it needs, and never reaches the tensors.
 */
export const MAX_GGUF_HEADER_READ = 512 * 1024;
export const MAX_GGUF_KEYS = 65_536;
/** The spec bounds a key at 65,535 bytes; a value lic keeps is a name or a URL. */
const MAX_KEY_BYTES = 65_535;
const MAX_KEPT_VALUE_BYTES = 4096;
const CHUNK = 64 * 1024;

/** Value types, as ggml/docs/gguf.md numbers them (`gguf_metadata_value_type`), with the bytes of the fixed-size ones. */
const FIXED_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

class OutOfBudget extends Error {}
class Malformed extends Error {}

/** A forward cursor over the file that reads in chunks and counts what it may still read. */
class Cursor {
  private buffer: Buffer = Buffer.alloc(0);
  private start = 0;
  offset = 0;
  constructor(
    private readonly readAt: ReadAt,
    private readonly size: number,
  ) {}

  private async ensure(length: number): Promise<void> {
    if (this.offset + length > this.size) throw new Malformed("the file ends inside its header (truncated)");
    if (this.offset + length > MAX_GGUF_HEADER_READ) throw new OutOfBudget();
    const end = this.start + this.buffer.length;
    if (this.offset >= this.start && this.offset + length <= end) return;
    // What is left of the buffer is kept, so no byte is read twice: the budget counts bytes read, not requests.
    const kept = this.offset >= this.start && this.offset < end ? this.buffer.subarray(this.offset - this.start) : null;
    const from = kept ? end : this.offset;
    const want = Math.min(Math.max(length, CHUNK), MAX_GGUF_HEADER_READ - from, this.size - from);
    const fresh = await this.readAt(from, want);
    this.buffer = kept ? Buffer.concat([kept, fresh]) : fresh;
    this.start = this.offset;
    if (this.buffer.length < length) throw new Malformed("the file ends inside its header (truncated)");
  }

  async bytes(length: number): Promise<Buffer> {
    await this.ensure(length);
    const at = this.offset - this.start;
    this.offset += length;
    return this.buffer.subarray(at, at + length);
  }
  async u32(): Promise<number> {
    return (await this.bytes(4)).readUInt32LE(0);
  }
  async u64(): Promise<bigint> {
    return (await this.bytes(8)).readBigUInt64LE(0);
  }
  /** Moves past bytes without reading them (a numeric array): a skip within the file costs no read. */
  skip(length: bigint): void {
    const next = BigInt(this.offset) + length;
    if (next > BigInt(this.size)) throw new Malformed("a value runs past the end of the file (truncated)");
    if (next > BigInt(MAX_GGUF_HEADER_READ)) throw new OutOfBudget();
    this.offset = Number(next);
  }
  async string(max: number): Promise<string | null> {
    const length = await this.u64();
    if (length > BigInt(max)) {
      this.skip(length);
      return null;
    }
    return (await this.bytes(Number(length))).toString("utf8");
  }
}

/**
 * A GGUF file's `general.*` metadata (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md): the magic `GGUF`,
 * the version (2 or 3), the tensor and key counts, then typed key/values. Only the keys are read, never the tensor
 * data, within MAX_GGUF_HEADER_READ bytes.
 */
export async function readGgufHeader(readAt: ReadAt, size: number): Promise<HeaderRead> {
  const cursor = new Cursor(readAt, size);
  const metadata: Record<string, string> = {};
  try {
    const magic = await cursor.bytes(4);
    if (magic.toString("latin1") !== "GGUF")
      return unreadableHeader(`wrong magic ${JSON.stringify(magic.toString("latin1"))}: not a GGUF file`);
    const version = await cursor.u32();
    // Version 1 used 32-bit lengths; llama.cpp has written version 3 since 2023 and reads 2 and 3 only.
    if (version !== 2 && version !== 3) return unreadableHeader(`GGUF version ${version}; lic reads versions 2 and 3`);
    await cursor.u64();
    const keys = await cursor.u64();
    if (keys > BigInt(MAX_GGUF_KEYS))
      return unreadableHeader(
        `the header declares ${keys} keys, over the ${MAX_GGUF_KEYS} lic reads (a broken or hostile file)`,
      );
    for (let index = 0n; index < keys; index++) {
      const key = await cursor.string(MAX_KEY_BYTES);
      if (key === null) throw new Malformed(`key ${index} is longer than the ${MAX_KEY_BYTES} bytes the format allows`);
      const type = await cursor.u32();
      if (type === STRING) {
        const value = await cursor.string(MAX_KEPT_VALUE_BYTES);
        if (value !== null && key.startsWith("general.")) metadata[key] = value;
      } else if (type === ARRAY) await skipArray(cursor);
      else if (FIXED_SIZE[type] !== undefined) {
        const value = await cursor.bytes(FIXED_SIZE[type]);
        if (key === "general.base_model.count" && type === 4) metadata[key] = String(value.readUInt32LE(0));
      } else throw new Malformed(`key "${key.slice(0, 80)}" has value type ${type}, which GGUF does not define`);
    }
  } catch (error) {
    if (error instanceof Malformed) return unreadableHeader(error.message);
    if (!(error instanceof OutOfBudget)) throw error;
  }
  return {
    metadata,
    license: metadata["general.license"] ?? null,
    baseModels: Object.entries(metadata)
      .filter(([key]) => /^general\.base_model\.\d+\.repo_url$/.test(key))
      .flatMap(([, url]) => {
        const match = /^https?:\/\/(?:www\.)?huggingface\.co\/([^/?#]+\/[^/?#]+)\/?$/.exec(url.trim());
        return match ? [match[1]!] : [];
      }),
    name: metadata["general.name"] ?? null,
    problem: null,
  };
}

async function skipArray(cursor: Cursor): Promise<void> {
  const type = await cursor.u32();
  const length = await cursor.u64();
  const size = FIXED_SIZE[type];
  if (size !== undefined) return cursor.skip(length * BigInt(size));
  if (type !== STRING) throw new Malformed(`an array of value type ${type}; lic reads arrays of numbers and strings`);
  for (let item = 0n; item < length; item++) cursor.skip(await cursor.u64());
}
