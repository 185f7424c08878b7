import type { RepoKind } from "../../types/code-reference.js";

/** How one loading call takes its repo: the argument that names it, and what the repo is. */
export interface Loader {
  /** The call as the report names it: `transformers.pipeline`, `peft.PeftModel.from_pretrained`. */
  via: string;
  kind: RepoKind;
  /** The repo argument: its position when passed positionally, and the keywords that can name it instead. */
  position: number;
  keywords: readonly string[];
  adapter?: true;
  /** `repo_type=` decides the kind (`"dataset"`), or that the repo is no model or dataset at all (`"space"`). */
  repoTyped?: true;
  /** Values of the repo argument that name a builder of the library, not a repo (`load_dataset("json", …)`). */
  builders?: ReadonlySet<string>;
}

/** A loading function or class the file calls by name (`pipeline(…)`, `vllm.LLM(…)`), from the library it belongs to. */
export interface NamedLoader {
  library: string;
  /**
   * The name is distinctive enough to count on any receiver (`api.model_info`, `HfApi().snapshot_download`); other
   * names count only when the file imports them from their library (an `LLM` class of langchain is no vLLM).
   */
  anyReceiver: boolean;
  loader: Loader;
}

const HUB_REPO = { position: 0, keywords: ["repo_id"] } as const;
const SENTENCE_MODEL = { position: 0, keywords: ["model_name_or_path", "model_name"] } as const;

/** `load_dataset`'s packaged builders: they read local or given files, no Hub dataset. */
const DATASET_BUILDERS = new Set([
  "json",
  "csv",
  "parquet",
  "text",
  "imagefolder",
  "audiofolder",
  "videofolder",
  "arrow",
  "webdataset",
  "pandas",
  "sql",
  "generator",
  "xml",
  "spark",
]);

function named(library: string, name: string, anyReceiver: boolean, loader: Omit<Loader, "via">): NamedLoader {
  return { library, anyReceiver, loader: { via: `${library}.${name}`, ...loader } };
}

export const NAMED_LOADERS: ReadonlyMap<string, NamedLoader> = new Map([
  ["pipeline", named("transformers", "pipeline", false, { kind: "model", position: 1, keywords: ["model"] })],
  [
    "hf_hub_download",
    named("huggingface_hub", "hf_hub_download", true, { kind: "model", ...HUB_REPO, repoTyped: true }),
  ],
  [
    "snapshot_download",
    named("huggingface_hub", "snapshot_download", true, { kind: "model", ...HUB_REPO, repoTyped: true }),
  ],
  ["model_info", named("huggingface_hub", "model_info", true, { kind: "model", ...HUB_REPO })],
  ["dataset_info", named("huggingface_hub", "dataset_info", true, { kind: "dataset", ...HUB_REPO })],
  [
    "InferenceClient",
    named("huggingface_hub", "InferenceClient", false, { kind: "model", position: 0, keywords: ["model"] }),
  ],
  [
    "AsyncInferenceClient",
    named("huggingface_hub", "AsyncInferenceClient", false, { kind: "model", position: 0, keywords: ["model"] }),
  ],
  [
    "load_lora_weights",
    named("diffusers", "load_lora_weights", true, {
      kind: "model",
      position: 0,
      keywords: ["pretrained_model_name_or_path_or_dict"],
      adapter: true,
    }),
  ],
  [
    "SentenceTransformer",
    named("sentence_transformers", "SentenceTransformer", false, { kind: "model", ...SENTENCE_MODEL }),
  ],
  ["CrossEncoder", named("sentence_transformers", "CrossEncoder", false, { kind: "model", ...SENTENCE_MODEL })],
  ["LLM", named("vllm", "LLM", false, { kind: "model", position: 0, keywords: ["model"] })],
  [
    "load_dataset",
    named("datasets", "load_dataset", false, {
      kind: "dataset",
      position: 0,
      keywords: ["path"],
      builders: DATASET_BUILDERS,
    }),
  ],
]);

/** The libraries whose `from_pretrained` the report names (`diffusers.from_pretrained`), told by the file's imports. */
export const FROM_PRETRAINED_LIBRARIES = new Set([
  "transformers",
  "diffusers",
  "peft",
  "sentence_transformers",
  "optimum",
]);

const PRETRAINED = { kind: "model", position: 0, keywords: ["pretrained_model_name_or_path"] } as const;

/** `PeftModel.from_pretrained(base, adapter_id)`: the first argument is the base model object, the second the adapter. */
export const PEFT_MODEL: Loader = {
  via: "peft.PeftModel.from_pretrained",
  kind: "model",
  position: 1,
  keywords: ["model_id"],
  adapter: true,
};

/** `AutoPeftModelForCausalLM.from_pretrained(adapter_id)` reads the base from the adapter's config. */
export const AUTO_PEFT_MODEL: Loader = { via: "peft.AutoPeftModel.from_pretrained", ...PRETRAINED, adapter: true };

export function fromPretrained(library: string | null): Loader {
  return { via: library ? `${library}.from_pretrained` : "from_pretrained", ...PRETRAINED };
}

/**
 * Whether Python source can hold a loading call at all: every loader is called by a name in `NAMED_LOADERS` or
 * `from_pretrained`, and an import alias still names it where it is imported. A file without one of these words is
 * not parsed: most of a codebase loads no model, and parsing is the scan's cost (~1 ms a file).
 */
const LOADER_WORDS = new RegExp(`\\b(?:from_pretrained|${[...NAMED_LOADERS.keys()].join("|")})\\b`);

export function mayLoadInPython(text: string): boolean {
  return LOADER_WORDS.test(text);
}
