/** GGUF value types (ggml/docs/gguf.md `gguf_metadata_value_type`) a test header uses. */
const UINT32 = 4;
const STRING = 8;
const ARRAY = 9;

export type GgufValue = string | number | { strings: string[] };

function ggufString(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(bytes.length));
  return Buffer.concat([length, bytes]);
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function u64(value: bigint): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(value);
  return buffer;
}

/**
 * A GGUF header as llama.cpp writes it (magic, version 3, tensor count, key count, typed key/values), with no tensor
 * data: a string, a uint32, or an array of strings (a tokenizer's vocabulary) per key. `keyCount` overrides the
 * declared count, for hostile headers.
 */
export function ggufHeader(
  entries: [string, GgufValue][],
  options: { keyCount?: bigint; magic?: string } = {},
): Buffer {
  const parts = [
    Buffer.from(options.magic ?? "GGUF", "latin1"),
    u32(3),
    u64(0n),
    u64(options.keyCount ?? BigInt(entries.length)),
  ];
  for (const [key, value] of entries) {
    parts.push(ggufString(key));
    if (typeof value === "string") parts.push(u32(STRING), ggufString(value));
    else if (typeof value === "number") parts.push(u32(UINT32), u32(value));
    else parts.push(u32(ARRAY), u32(STRING), u64(BigInt(value.strings.length)), ...value.strings.map(ggufString));
  }
  return Buffer.concat(parts);
}

/** A safetensors header: the 8-byte length, then the JSON, padded with spaces as the format allows. */
export function safetensorsHeader(metadata: Record<string, string>, declaredLength?: bigint): Buffer {
  const json = Buffer.from(JSON.stringify({ __metadata__: metadata }), "utf8");
  return Buffer.concat([u64(declaredLength ?? BigInt(json.length)), json]);
}
