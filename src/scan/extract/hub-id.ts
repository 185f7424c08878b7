import { parseModelRef } from "../../types/repo-ref.js";

/**
 * How strictly a string must look like a Hub id to count. `value`: a config value, an env value or a command
 * argument, where only `org/name` is taken (a bare `gpt-4o` or `large` in a config is not a Hub repo). `call`: the
 * repo argument of a model loading call, where a legacy single name (`gpt2`, `bert-base-uncased`) is a Hub id too.
 * `dataset-call`: the same for a dataset (`load_dataset("imdb")`), where any single name is one.
 */
export type IdContext = "call" | "dataset-call" | "value";

/**
 * The Hub's canonical models from before organizations, still loadable by their bare names (the Hub redirects
 * `bert-base-uncased` to `google-bert/bert-base-uncased`, `gpt2` to `openai-community/gpt2`). Any other bare name
 * given to `from_pretrained` is a local folder (a training run's output_dir, `"SmolLM2-FT-MyDataset"`), not a
 * repo. The families as the Hub lists them: https://huggingface.co/docs/transformers/v4.0.0/pretrained_models
 */
const LEGACY_MODEL =
  /^(?:albert|bert|camembert|ctrl|distilbert|distilgpt2|distilroberta|flaubert|gpt2|openai-gpt|roberta|t5|transfo-xl|xlm|xlnet)(?:[-_].*)?$/;

/**
 * The Hub id a string names, or null: local paths (`./`, `/`, `../`, `~`, `C:\`), URLs of other hosts, and strings
 * with characters a repo id cannot hold are not ids. A Hub URL (`https://huggingface.co/org/name`, `hf.co/org/name`)
 * gives its id. Ids follow huggingface_hub's REPO_ID_REGEX (types/repo-ref.ts).
 */
export function hubIdOf(value: string, context: IdContext): string | null {
  const text = value.trim();
  if (text.length === 0 || text !== value) return null;
  if (/^(?:\.{1,2}(?:[/\\]|$)|[/\\~]|[A-Za-z]:[/\\])/.test(text)) return null;
  const fromUrl = hubUrlId(text);
  if (fromUrl !== undefined) return fromUrl;
  if (text.includes(":") || text.includes("@")) return null;
  const parsed = parseModelRef(text);
  if (!parsed.ok) return null;
  const { id } = parsed.ref;
  if (!id.includes("/")) {
    if (context === "call") return isLegacyModelName(id) ? id : null;
    return context === "dataset-call" && /[A-Za-z]/.test(id) ? id : null;
  }
  // A file in the current folder (`models/bert.bin`, `conf/model.yaml`) looks like org/name; a repo name has no such suffix.
  if (/\.(?:bin|pt|pth|ckpt|safetensors|gguf|onnx|json|ya?ml|toml|txt|py|pkl|h5|msgpack|tflite|mlmodel)$/i.test(id))
    return null;
  return id;
}

/** The id of a Hub URL: undefined when the text is no URL, null when it is a URL of another host or not of a repo. */
function hubUrlId(text: string): string | null | undefined {
  const match = /^(?:https?:\/\/)?(?:www\.)?(huggingface\.co|hf\.co)\/(.*)$/i.exec(text);
  if (!match) return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? null : undefined;
  const [first, second] = match[2]!.split(/[/?#:]/);
  if (!first || !second || first === "datasets" || first === "spaces" || first === "api") return null;
  const id = `${first}/${second}`;
  return parseModelRef(id).ok ? id : null;
}

export function isLegacyModelName(name: string): boolean {
  return LEGACY_MODEL.test(name);
}

/** A revision pins a commit when it is 7 to 40 hex digits (as Bandit B615 and the Hub read an abbreviated sha). */
export function isPinned(revision: string | null): boolean {
  return revision !== null && /^[0-9a-f]{7,40}$/i.test(revision);
}
