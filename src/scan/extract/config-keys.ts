import type { RepoKind } from "../../types/code-reference.js";

export interface IdKey {
  kind: RepoKind;
  adapter?: true;
}

const MODEL: IdKey = { kind: "model" };
const ADAPTER: IdKey = { kind: "model", adapter: true };
const DATASET: IdKey = { kind: "dataset" };

/**
 * Config keys whose string value (or list of strings) is a Hub repo the program loads. Push targets (`hub_model_id`,
 * `output_dir`) are left out on purpose: they name where a run uploads to, not what it loads.
 */
export const ID_KEYS: Readonly<Record<string, IdKey>> = {
  // transformers / TRL / axolotl / LLaMA-Factory / lm-eval spellings of "the model this run starts from".
  model: MODEL,
  model_id: MODEL,
  model_name: MODEL,
  model_name_or_path: MODEL,
  pretrained_model_name_or_path: MODEL,
  base_model: MODEL,
  // huggingface_hub's own argument name (hf_hub_download, snapshot_download) and ad-hoc `hf_model:` keys.
  repo_id: MODEL,
  hf_model: MODEL,
  // A tokenizer loaded from another repo than the model (axolotl `tokenizer_config`, TRL `tokenizer_name`).
  tokenizer_name: MODEL,
  tokenizer_name_or_path: MODEL,
  // peft / LLaMA-Factory / vLLM LoRA modules: an adapter is a repo of its own, loaded onto the base model.
  adapter_name_or_path: ADAPTER,
  adapter_model: ADAPTER,
  adapter_id: ADAPTER,
  peft_model_id: ADAPTER,
  lora: ADAPTER,
  lora_model: ADAPTER,
  lora_name_or_path: ADAPTER,
  // datasets.load_dataset's first argument as configs spell it; axolotl's `datasets:` is a list (see DATASET_ENTRY_KEYS).
  dataset: DATASET,
  dataset_name: DATASET,
  dataset_id: DATASET,
  datasets: DATASET,
};

/**
 * The keys of one entry of a dataset list that name its repo: axolotl `datasets: [{ path: org/data }]`, TRL and the
 * alignment-handbook's `dataset_mixture: { datasets: [{ id: org/data, config: …, split: … }] }`.
 */
export const DATASET_ENTRY_KEYS = ["path", "name", "id"] as const;

/** A revision beside the id in the same mapping applies to it (`model_revision` is TRL's ModelConfig spelling). */
export const REVISION_KEYS = ["revision", "model_revision"] as const;

/**
 * Hydra `_target_`s that load a Hub repo, with the argument keys that carry it. A Hydra node calls its target with
 * its other keys as keyword arguments, and `_args_` as positional ones (the first is the repo).
 */
export const HYDRA_LOADERS: readonly { target: RegExp; keys: readonly string[]; kind: RepoKind }[] = [
  {
    target: /\.from_pretrained$/,
    keys: ["pretrained_model_name_or_path", "model_name_or_path", "model_id"],
    kind: "model",
  },
  { target: /(?:^|\.)pipeline$/, keys: ["model"], kind: "model" },
  {
    target: /(?:^|\.)(?:SentenceTransformer|CrossEncoder)$/,
    keys: ["model_name_or_path", "model_name"],
    kind: "model",
  },
  { target: /(?:^|\.)(?:hf_hub_download|snapshot_download)$/, keys: ["repo_id"], kind: "model" },
  { target: /(?:^|\.)load_dataset$/, keys: ["path"], kind: "dataset" },
];

/** A compose service or a CI step runs these keys' strings (or lists of words) as commands. */
export const COMMAND_KEYS = ["run", "command", "entrypoint"] as const;
