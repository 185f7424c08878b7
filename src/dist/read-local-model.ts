import { hash } from "node:crypto";
import { basename } from "node:path";
import { selectEvidenceFiles } from "../acquire/hub/select-evidence-files.js";
import { parseFrontMatter } from "../identify/card/parse-front-matter.js";
import type { DistRead, WeightHeader } from "../types/dist-read.js";
import type { JsonObject, SnapshotFile } from "../types/snapshot.js";
import { type ModelFolder, openModelFolder } from "./model-folder.js";
import { readGgufHeader } from "./read-gguf-header.js";
import { readSafetensorsHeader } from "./read-safetensors-header.js";

/** Per text file (README, LICENSE, NOTICE, USE_POLICY): as `lic check` caps a file it reads from the Hub. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** config.json and adapter_config.json are a few KB; more is not a config. */
const MAX_CONFIG_BYTES = 256 * 1024;
/** Weights files whose headers are read; a sharded model's shards carry the same metadata. */
const MAX_WEIGHT_FILES = 64;
/** What a local folder is pinned to: it has no commit. Reports show it in place of a sha. */
export const WORKING_TREE = "working-tree";

/**
 * Reads a model folder before its release: the card and license texts, config.json, adapter_config.json and the
 * metadata headers of its weights, every read bounded (never the tensors), symlinks out of the folder refused.
 */
export async function readLocalModel(path: string): Promise<DistRead> {
  const folder = await openModelFolder(path);
  const selected = selectEvidenceFiles(basename(folder.root), folder.files, null);
  const texts: SnapshotFile[] = [];
  for (const file of selected) {
    const read = await folder.readHead(file.path, MAX_TEXT_BYTES);
    if (!read) continue;
    texts.push({
      path: file.path,
      role: file.role,
      text: read.bytes.toString("utf8"),
      sha256: hash("sha256", read.bytes, "hex"),
      bytes: read.bytes.length,
      truncated: read.size > read.bytes.length,
    });
  }
  const readme = texts.find((file) => file.role === "readme")?.text ?? null;
  const card = readme === null ? null : parseFrontMatter(readme);
  const config = await readJson(folder, "config.json");
  const adapter = await readJson(folder, "adapter_config.json");
  const adapterBase =
    typeof adapter?.["base_model_name_or_path"] === "string" ? adapter["base_model_name_or_path"] : null;
  const name = basename(folder.root);
  return {
    target: { kind: "folder", path },
    name,
    snapshot: {
      requestedId: name,
      requestedRevision: WORKING_TREE,
      id: name,
      sha: WORKING_TREE,
      gated: false,
      private: true,
      pipelineTag: null,
      libraryName: null,
      tags: [],
      cardData: card?.data ?? null,
      config,
      baseModels: null,
      files: folder.files,
      texts,
      gaps: [],
    },
    cardError: card?.error ?? null,
    config,
    adapterBase,
    weights: await readWeightHeaders(folder),
    refused: folder.refused,
    bytesRead: folder.bytesRead(),
  };
}

async function readJson(folder: ModelFolder, path: string): Promise<JsonObject | null> {
  const read = await folder.readHead(path, MAX_CONFIG_BYTES);
  if (!read || read.size > MAX_CONFIG_BYTES) return null;
  try {
    const value: unknown = JSON.parse(read.bytes.toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

async function readWeightHeaders(folder: ModelFolder): Promise<WeightHeader[]> {
  const weights = folder.files.filter((file) => /\.(safetensors|gguf)$/i.test(file)).slice(0, MAX_WEIGHT_FILES);
  const headers: WeightHeader[] = [];
  for (const path of weights) {
    const format = /\.gguf$/i.test(path) ? "gguf" : "safetensors";
    const head = await folder.readHead(path, 0);
    const size = head?.size ?? 0;
    const readAt = (offset: number, length: number) => folder.readAt(path, offset, length);
    const read = format === "gguf" ? await readGgufHeader(readAt, size) : await readSafetensorsHeader(readAt, size);
    headers.push({ path, format, ...read });
  }
  return headers;
}
