import { type AcquireOptions, acquireSnapshot } from "../acquire/acquire-snapshot.js";
import { createHubFetch, type HubFetch } from "../acquire/hub/hub-fetch.js";
import { isSafeRepoPath } from "../acquire/hub/select-evidence-files.js";
import { parseFrontMatter } from "../identify/card/parse-front-matter.js";
import type { DistRead, WeightHeader } from "../types/dist-read.js";
import type { ModelRef } from "../types/repo-ref.js";
import { readGgufHeader } from "./read-gguf-header.js";
import { readSafetensorsHeader } from "./read-safetensors-header.js";
import type { ReadAt } from "./weight-file.js";

const MAX_CONFIG_BYTES = 256 * 1024;
/** Weights files whose headers are read over HTTP: a few requests each, so fewer than from a folder. */
const MAX_WEIGHT_FILES = 16;
/** A Hub file's size is not in the snapshot; reads past the end come back short, which the readers treat as truncation. */
const UNKNOWN_SIZE = Number.MAX_SAFE_INTEGER;

/**
 * Reads a Hub repo before its release as `lic dist` reads a folder: the snapshot `lic check` acquires (card, license
 * texts, file list, config), adapter_config.json, and each weights file's header through HTTP Range requests of its
 * first bytes (the Hub's resolve URLs honour Range, hub-api.md §2.4), never the tensors.
 */
export async function readHubModel(ref: ModelRef, acquire: AcquireOptions): Promise<DistRead> {
  const snapshot = await acquireSnapshot(ref, acquire);
  const hubFetch = createHubFetch(acquire.hub);
  const { endpoint } = acquire.hub;
  let bytesRead = snapshot.texts.reduce((sum, file) => sum + file.bytes, 0);
  const fileUrl = (path: string) =>
    `${endpoint}/${snapshot.id}/resolve/${snapshot.sha}/${path.split("/").map(encodeURIComponent).join("/")}`;
  const readAt =
    (path: string): ReadAt =>
    async (offset, length) => {
      const range = `bytes=${offset}-${offset + length - 1}`;
      const { response, bytes } = await hubFetch.read(
        fileUrl(path),
        { headers: { accept: "*/*", "accept-encoding": "identity", range } },
        length,
      );
      bytesRead += bytes.length;
      if (offset > 0 && response.status !== 206) throw new RangeIgnored();
      return bytes;
    };

  const readme = snapshot.texts.find((file) => file.role === "readme")?.text ?? null;
  const cardError = readme === null ? null : parseFrontMatter(readme).error;
  const adapter = snapshot.files.includes("adapter_config.json")
    ? await readConfig(hubFetch, fileUrl("adapter_config.json"))
    : null;
  if (adapter) bytesRead += adapter.bytes;
  const base = adapter?.value["base_model_name_or_path"];

  const weights: WeightHeader[] = [];
  for (const path of snapshot.files.filter((file) => /\.(safetensors|gguf)$/i.test(file) && isSafeRepoPath(file))) {
    if (weights.length >= MAX_WEIGHT_FILES) break;
    const format = /\.gguf$/i.test(path) ? "gguf" : "safetensors";
    try {
      const read =
        format === "gguf"
          ? await readGgufHeader(readAt(path), UNKNOWN_SIZE)
          : await readSafetensorsHeader(readAt(path), UNKNOWN_SIZE);
      weights.push({ path, format, ...read });
    } catch (error) {
      const problem =
        error instanceof RangeIgnored
          ? "the Hub answered the ranged request with the whole file; the header was not read"
          : `could not be read: ${error instanceof Error ? error.message : String(error)}`;
      weights.push({ path, format, metadata: {}, license: null, baseModels: [], name: null, problem });
    }
  }
  return {
    target: { kind: "hub", id: snapshot.id, revision: snapshot.requestedRevision, sha: snapshot.sha },
    name: snapshot.id.split("/").pop() ?? snapshot.id,
    snapshot,
    cardError,
    config: snapshot.config,
    adapterBase: typeof base === "string" ? base : null,
    weights,
    refused: [],
    bytesRead,
  };
}

class RangeIgnored extends Error {}

async function readConfig(
  hubFetch: HubFetch,
  url: string,
): Promise<{ value: Record<string, unknown>; bytes: number } | null> {
  const { bytes, truncated } = await hubFetch.read(url, { headers: { accept: "*/*" } }, MAX_CONFIG_BYTES);
  if (truncated) return null;
  try {
    const value: unknown = JSON.parse(bytes.toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value)
      ? { value: value as Record<string, unknown>, bytes: bytes.length }
      : null;
  } catch {
    return null;
  }
}
