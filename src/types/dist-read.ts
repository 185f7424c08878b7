/** What `lic dist` read of a model before its release: a local folder or a Hub repo, bounded, as plain data. */
import type { JsonObject, ModelSnapshot } from "./snapshot.js";

/** The metadata header of one weights file: never the tensors, only what names the model and its license. */
export interface WeightHeader {
  path: string;
  format: "safetensors" | "gguf";
  /** safetensors `__metadata__`, or the GGUF `general.*` string values lic reads. */
  metadata: Record<string, string>;
  /** `general.license` (GGUF) or `license` in `__metadata__`, where the header has one. */
  license: string | null;
  /** Parents the header names (`general.base_model.N.repo_url` or `.name`, `base_model` in `__metadata__`). */
  baseModels: string[];
  /** `general.name`, where the header has one. */
  name: string | null;
  /** Why the header could not be read (truncated, a declared length over the bound, wrong magic); null when read. */
  problem: string | null;
}

/** A path lic would not read, and why (a symlink out of the folder, a special file). */
export interface RefusedPath {
  path: string;
  reason: string;
}

/** Everything `lic dist` read, handed to the pure core. */
export interface DistRead {
  target: { kind: "folder"; path: string } | { kind: "hub"; id: string; revision: string; sha: string };
  /** The model's own name as its folder or repo gives it (the last path segment). */
  name: string;
  /** README, license, notice and use-policy texts, the file list and the card data, as `lic check` takes them. */
  snapshot: ModelSnapshot;
  /** The README's front matter could not be parsed: why, and the line. */
  cardError: { reason: string; line: number | null } | null;
  /** config.json, parsed; null when absent or unreadable. */
  config: JsonObject | null;
  /** adapter_config.json's `base_model_name_or_path`, for an adapter (LoRA, PEFT); null when there is none. */
  adapterBase: string | null;
  weights: WeightHeader[];
  refused: RefusedPath[];
  /** Bytes read from files, all together: what the bounds keep small. */
  bytesRead: number;
}
