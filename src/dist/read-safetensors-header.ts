import { type HeaderRead, type ReadAt, unreadableHeader } from "./weight-file.js";

/**
 * The largest header lic reads. The format caps it at 100 MB (safetensors `MAX_HEADER_SIZE`,
 * https://github.com/huggingface/safetensors/blob/main/safetensors/src/tensor.rs); real ones are the tensor index, tens
 * to hundreds of KB. A declared length above this is refused, never allocated.
 */
export const MAX_SAFETENSORS_HEADER = 16 * 1024 * 1024;

/**
 * A safetensors file's `__metadata__`: an 8-byte little-endian header length, then that many bytes of JSON
 * (https://huggingface.co/docs/safetensors/index#format). Only the header is read, never the tensors.
 */
export async function readSafetensorsHeader(readAt: ReadAt, size: number): Promise<HeaderRead> {
  if (size < 8) return unreadableHeader(`the file is ${size} bytes, shorter than the 8-byte header length`);
  const prefix = await readAt(0, 8);
  if (prefix.length < 8) return unreadableHeader("the file ends inside the 8-byte header length");
  const length = prefix.readBigUInt64LE(0);
  if (length > BigInt(MAX_SAFETENSORS_HEADER))
    return unreadableHeader(
      `the header declares ${length} bytes, over the ${MAX_SAFETENSORS_HEADER} lic reads (a broken or hostile file)`,
    );
  const declared = Number(length);
  if (declared + 8 > size)
    return unreadableHeader(`the header declares ${declared} bytes, and the file has ${size - 8} after the length`);
  const bytes = await readAt(8, declared);
  if (bytes.length < declared) return unreadableHeader("the file ends inside its header (truncated)");
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString("utf8"));
  } catch {
    return unreadableHeader("the header is not valid JSON");
  }
  if (!header || typeof header !== "object" || Array.isArray(header))
    return unreadableHeader("the header is not a JSON object");
  const raw = (header as Record<string, unknown>)["__metadata__"];
  const metadata: Record<string, string> = {};
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw)) if (typeof value === "string") metadata[key] = value;
  }
  const baseModel = metadata["base_model"] ?? metadata["base_model_name_or_path"];
  return {
    metadata,
    license: metadata["license"] ?? null,
    baseModels: baseModel ? [baseModel] : [],
    name: metadata["name"] ?? null,
    problem: null,
  };
}
