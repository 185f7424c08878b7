import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Extracted, SourceParseError } from "../../src/scan/extract/extracted.js";
import { extractNotebook } from "../../src/scan/extract/notebook.js";
import { extractPython } from "../../src/scan/extract/python.js";
import { parserFor } from "../../src/scan/parsers.js";
import type { CodeReference, DynamicReference } from "../../src/types/code-reference.js";

const parser = await parserFor("python");
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "scan", "python");

function extractFixture(file: string): Extracted {
  const text = readFileSync(join(FIXTURES, file), "utf8");
  return file.endsWith(".ipynb") ? extractNotebook(text, file, parser) : extractPython(text, file, parser);
}

type Row = Omit<CodeReference, "env" | "adapter"> & { env?: string; adapter?: true };

const PIN_APP = "e0bc86c23ce5aae1db576c8cca6f06f1f73af2db";
const PIN_GEMMA = "0eb1f0e0c2b6f7d4b3b4c1c6a3bfa0d5e4b2c8f1";

function row(
  file: string,
  line: number,
  column: number,
  id: string,
  kind: CodeReference["kind"],
  revision: string | null,
  pinned: boolean,
  via: string,
  extra: { env?: string; adapter?: true } = {},
): Row {
  return { file, line, column, id, kind, revision, pinned, via, ...extra };
}

/** Every reference the fixtures hold, one shape per fixture line: a missing, extra or misplaced one fails. */
const REFERENCES: Row[] = [
  row("app.py", 13, 13, "mistralai/Mistral-7B-Instruct-v0.3", "model", PIN_APP, true, "transformers.from_pretrained"),
  row("app.py", 14, 9, "mistralai/Mistral-7B-Instruct-v0.3", "model", PIN_APP, true, "transformers.from_pretrained"),
  // Line 19, pipeline(model=model), passes the object line 14 loaded: no second reference.
  row("app.py", 20, 14, "facebook/bart-large-cnn", "model", "main", false, "transformers.pipeline"),
  row(
    "app.py",
    21,
    14,
    "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    "model",
    null,
    false,
    "transformers.pipeline",
  ),
  row("app.py", 22, 8, "openai-community/gpt2", "model", null, false, "transformers.pipeline"),
  row("app.py", 23, 10, "meta-llama/Llama-3.1-8B-Instruct", "model", null, false, "huggingface_hub.InferenceClient"),
  row("app.py", 24, 12, "gradio/chat-examples", "dataset", "v1.0", false, "huggingface_hub.hf_hub_download"),
  // Line 25 downloads a Space: no model or dataset.
  row("app.py", 26, 8, "mistralai/Mistral-7B-Instruct-v0.3", "model", PIN_APP, true, "huggingface_hub.model_info"),
  row("broken.py", 3, 9, "google-bert/bert-base-cased", "model", null, false, "transformers.from_pretrained"),
  row(
    "data_prep.py",
    4,
    9,
    "rajpurkar/squad",
    "dataset",
    "7b6d24c440a36b6815f21b70d25016731768db1f",
    true,
    "datasets.load_dataset",
  ),
  row("data_prep.py", 5, 8, "nyu-mll/glue", "dataset", null, false, "datasets.load_dataset"),
  // Lines 6 to 8 load local files through the json, csv and imagefolder builders.
  row("data_prep.py", 9, 8, "HuggingFaceFW/fineweb", "dataset", null, false, "huggingface_hub.dataset_info"),
  row("dynamic.py", 22, 1, "org/dynamic-revision", "model", null, false, "transformers.from_pretrained"),
  row(
    "embed_service.py",
    9,
    12,
    "sentence-transformers/all-MiniLM-L6-v2",
    "model",
    null,
    false,
    "sentence_transformers.SentenceTransformer",
    { env: "EMBEDDING_MODEL" },
  ),
  row(
    "embed_service.py",
    10,
    12,
    "cross-encoder/ms-marco-MiniLM-L-6-v2",
    "model",
    "c5ee24c",
    true,
    "sentence_transformers.CrossEncoder",
  ),
  row(
    "embed_service.py",
    11,
    10,
    "sentence-transformers/all-mpnet-base-v2", // sentence-transformers takes a bare name as one of its own
    "model",
    null,
    false,
    "sentence_transformers.SentenceTransformer",
    {
      env: "LEGACY_MODEL",
    },
  ),
  row(
    "sdxl_lora.py",
    4,
    8,
    "stabilityai/stable-diffusion-xl-base-1.0",
    "model",
    "462165984030d82259a11f4367a4eed129e94a7b",
    true,
    "diffusers.from_pretrained",
  ),
  row("sdxl_lora.py", 7, 1, "nerijs/pixel-art-xl", "model", null, false, "diffusers.load_lora_weights", {
    adapter: true,
  }),
  row(
    "sdxl_lora.py",
    8,
    11,
    "stabilityai/stable-diffusion-xl-refiner-1.0",
    "model",
    null,
    false,
    "diffusers.from_pretrained",
  ),
  // Line 9 loads a LoRA file from a local folder.
  row(
    "train_lora.py",
    21,
    12,
    "meta-llama/Llama-3.2-1B",
    "model",
    "4e20de362430cd3b72f300e6b0f18e50e7166e08",
    true,
    "transformers.from_pretrained",
  ),
  row("train_lora.py", 23, 13, "tatsu-lab/alpaca", "dataset", null, false, "datasets.load_dataset"),
  row("train_lora.py", 25, 13, "ybelkada/opt-350m-lora", "model", "v2", false, "peft.PeftModel.from_pretrained", {
    adapter: true,
  }),
  row(
    "train_lora.py",
    26,
    14,
    "smangrul/tinyllama_lora_norobots",
    "model",
    null,
    false,
    "peft.AutoPeftModel.from_pretrained",
    { adapter: true },
  ),
  row(
    "vllm_server.py",
    5,
    7,
    "Qwen/Qwen2.5-7B-Instruct",
    "model",
    "a09a35458c702b33eeacc393d103063234e8bc28",
    true,
    "vllm.LLM",
  ),
  row("vllm_server.py", 6, 9, "Qwen/Qwen2.5-0.5B-Instruct", "model", null, false, "vllm.LLM"),
  // The notebook's lines are those of the .ipynb file; line 50 is an output that repeats line 55's source.
  row("walkthrough.ipynb", 55, 13, "google/gemma-2-2b", "model", PIN_GEMMA, true, "transformers.from_pretrained"),
  row("walkthrough.ipynb", 73, 9, "google/gemma-2-2b", "model", PIN_GEMMA, true, "transformers.from_pretrained"),
  row("walkthrough.ipynb", 78, 8, "HuggingFaceH4/no_robots", "dataset", null, false, "datasets.load_dataset"),
];

/** Every load the fixtures compute at run time. */
const DYNAMIC: DynamicReference[] = [
  { file: "dynamic.py", line: 13, column: 5, via: "transformers.from_pretrained", expression: "name" },
  { file: "dynamic.py", line: 14, column: 5, via: "transformers.from_pretrained", expression: "**kwargs" },
  {
    file: "dynamic.py",
    line: 15,
    column: 12,
    via: "transformers.from_pretrained",
    expression: 'os.getenv("TOKENIZER")',
  },
  // MODEL is assigned twice (line 7, and line 9 under an if): no constant.
  { file: "dynamic.py", line: 18, column: 1, via: "transformers.from_pretrained", expression: "MODEL" },
  {
    file: "dynamic.py",
    line: 19,
    column: 1,
    via: "transformers.from_pretrained",
    expression: 'os.environ["MODEL_PATH"]',
  },
  { file: "dynamic.py", line: 20, column: 1, via: "transformers.from_pretrained", expression: "sys.argv[1]" },
  { file: "dynamic.py", line: 21, column: 1, via: "huggingface_hub.snapshot_download", expression: "get_repo()" },
  {
    file: "local_paths.py",
    line: 12,
    column: 10,
    via: "transformers.from_pretrained",
    expression: 'os.path.join("outputs", "final")',
  },
  { file: "train_lora.py", line: 20, column: 17, via: "transformers.from_pretrained", expression: "args.model" },
  { file: "vllm_server.py", line: 8, column: 10, via: "vllm.LLM", expression: 'os.environ["SERVED_MODEL"]' },
  { file: "walkthrough.ipynb", line: 100, column: 1, via: "transformers.from_pretrained", expression: "model_path" },
];

const FILES = readdirSync(FIXTURES).sort();

describe("the Python fixtures", () => {
  it("are all in the tables or known to hold nothing", () => {
    const named = new Set([...REFERENCES, ...DYNAMIC].map((entry) => entry.file));
    expect(FILES.filter((file) => !named.has(file))).toEqual(["comments_only.py"]);
  });

  it.each(FILES)("%s yields exactly its rows", (file) => {
    const { references, dynamic } = extractFixture(file);
    expect(references).toEqual(REFERENCES.filter((entry) => entry.file === file));
    expect(dynamic).toEqual(DYNAMIC.filter((entry) => entry.file === file));
  });
});

/** A reference on one readable line: `model org/x @rev pinned via transformers.from_pretrained env X adapter`. */
function summary(reference: CodeReference): string {
  const parts = [reference.kind, reference.id];
  if (reference.revision !== null) parts.push(`@${reference.revision}`);
  if (reference.pinned) parts.push("pinned");
  parts.push(`via ${reference.via}`);
  if (reference.env !== undefined) parts.push(`env ${reference.env}`);
  if (reference.adapter) parts.push("adapter");
  return parts.join(" ");
}

function found(code: string): string[] {
  const { references, dynamic } = extractPython(code, "snippet.py", parser);
  return [...references.map(summary), ...dynamic.map((load) => `dynamic ${load.via}: ${load.expression}`)];
}

const TRANSFORMERS = "from transformers import AutoModel, pipeline\n";

describe("extractPython", () => {
  it.each([
    [
      "a module receiver",
      'import transformers\ntransformers.AutoModel.from_pretrained("gpt2")',
      "model gpt2 via transformers.from_pretrained",
    ],
    ["a receiver of no known import", 'model_class.from_pretrained("org/x")', "model org/x via from_pretrained"],
    [
      "the only loading library imported",
      'import diffusers\npipeline_class = get_class()\npipeline_class.from_pretrained("org/x")',
      "model org/x via diffusers.from_pretrained",
    ],
    [
      "the id keyword",
      `${TRANSFORMERS}AutoModel.from_pretrained(pretrained_model_name_or_path="org/x")`,
      "model org/x via transformers.from_pretrained",
    ],
    [
      "a chained assignment",
      `${TRANSFORMERS}A = B = "org/x"\nAutoModel.from_pretrained(B)`,
      "model org/x via transformers.from_pretrained",
    ],
    [
      "an annotated constant",
      `${TRANSFORMERS}A: str = "org/x"\nAutoModel.from_pretrained(A)`,
      "model org/x via transformers.from_pretrained",
    ],
    [
      "a + concatenation",
      `${TRANSFORMERS}ORG = "org"\nAutoModel.from_pretrained(ORG + "/x")`,
      "model org/x via transformers.from_pretrained",
    ],
    [
      "implicit concatenation",
      `${TRANSFORMERS}AutoModel.from_pretrained("org" "/x")`,
      "model org/x via transformers.from_pretrained",
    ],
    [
      "a raw string",
      `${TRANSFORMERS}AutoModel.from_pretrained(r"org/x")`,
      "model org/x via transformers.from_pretrained",
    ],
    [
      "a Hub URL",
      `${TRANSFORMERS}AutoModel.from_pretrained("https://huggingface.co/org/x")`,
      "model org/x via transformers.from_pretrained",
    ],
    [
      "a legacy canonical model by its bare name",
      `${TRANSFORMERS}AutoModel.from_pretrained("bert-base-uncased")`,
      "model bert-base-uncased via transformers.from_pretrained",
    ],
    [
      "an f-string of constants",
      `${TRANSFORMERS}ORG = "org"\nSIZE = "7b"\nAutoModel.from_pretrained(f"{ORG}/x-{SIZE}")`,
      "model org/x-7b via transformers.from_pretrained",
    ],
    [
      "an f-string with a variable part",
      `${TRANSFORMERS}def f(size):\n    AutoModel.from_pretrained(f"org/x-{size}")`,
      'dynamic transformers.from_pretrained: f"org/x-{size}"',
    ],
    [
      "an f-string with a format",
      `${TRANSFORMERS}N = 3\nAutoModel.from_pretrained(f"org/x-{N:02d}")`,
      'dynamic transformers.from_pretrained: f"org/x-{N:02d}"',
    ],
    [
      "environ.get imported from os",
      `${TRANSFORMERS}from os import environ\nAutoModel.from_pretrained(environ.get("M", "org/x"))`,
      "model org/x via transformers.from_pretrained env M",
    ],
    [
      "getenv imported from os",
      `${TRANSFORMERS}from os import getenv\nAutoModel.from_pretrained(getenv("M", default="org/x"))`,
      "model org/x via transformers.from_pretrained env M",
    ],
    [
      "an env default through a constant",
      `${TRANSFORMERS}import os\nM = os.getenv("M", "org/x")\nAutoModel.from_pretrained(M)`,
      "model org/x via transformers.from_pretrained env M",
    ],
    [
      "os.getenv without a default",
      `${TRANSFORMERS}import os\nAutoModel.from_pretrained(os.getenv("M"))`,
      'dynamic transformers.from_pretrained: os.getenv("M")',
    ],
    [
      "a get of another mapping",
      `${TRANSFORMERS}AutoModel.from_pretrained(config.get("M", "org/x"))`,
      'dynamic transformers.from_pretrained: config.get("M", "org/x")',
    ],
    [
      "a revision constant",
      `${TRANSFORMERS}REV = "ABC1234"\nAutoModel.from_pretrained("org/x", revision=REV)`,
      "model org/x @ABC1234 pinned via transformers.from_pretrained",
    ],
    [
      "an env default revision",
      `${TRANSFORMERS}import os\nAutoModel.from_pretrained("org/x", revision=os.environ.get("REV", "v1"))`,
      "model org/x @v1 via transformers.from_pretrained",
    ],
    [
      "a function's own constant",
      `${TRANSFORMERS}M = "org/module"\ndef f():\n    M = "org/local"\n    AutoModel.from_pretrained(M)`,
      "model org/local via transformers.from_pretrained",
    ],
    [
      "a parameter shadowing a constant",
      `${TRANSFORMERS}M = "org/module"\ndef f(M):\n    AutoModel.from_pretrained(M)`,
      "dynamic transformers.from_pretrained: M",
    ],
    [
      "a parameter with a default",
      `${TRANSFORMERS}def f(m="org/x"):\n    AutoModel.from_pretrained(m)`,
      "dynamic transformers.from_pretrained: m",
    ],
    [
      "a loop variable",
      `${TRANSFORMERS}for m in ["org/a", "org/b"]:\n    AutoModel.from_pretrained(m)`,
      "dynamic transformers.from_pretrained: m",
    ],
    [
      "constants naming each other",
      `${TRANSFORMERS}A = B\nB = A\nAutoModel.from_pretrained(A)`,
      "dynamic transformers.from_pretrained: A",
    ],
    [
      "a class constant",
      `${TRANSFORMERS}class Service:\n    MODEL_ID = "org/x"\n    def load(self):\n        return AutoModel.from_pretrained(self.MODEL_ID)`,
      "model org/x via transformers.from_pretrained",
    ],
    ["*args", `${TRANSFORMERS}AutoModel.from_pretrained(*args)`, "dynamic transformers.from_pretrained: *args"],
    [
      "a pipeline's second positional",
      `${TRANSFORMERS}pipeline("text-classification", "org/x", revision="abcdef0")`,
      "model org/x @abcdef0 pinned via transformers.pipeline",
    ],
    [
      "an attribute download",
      'import huggingface_hub\nhuggingface_hub.hf_hub_download(repo_id="org/x", filename="model.gguf")',
      "model org/x via huggingface_hub.hf_hub_download",
    ],
    [
      "a dataset snapshot",
      'from huggingface_hub import snapshot_download\nsnapshot_download("org/d", repo_type="dataset")',
      "dataset org/d via huggingface_hub.snapshot_download",
    ],
    ["an api's model_info", 'api = make_api()\napi.model_info("org/x")', "model org/x via huggingface_hub.model_info"],
    [
      "an InferenceClient positional",
      'from huggingface_hub import InferenceClient\nInferenceClient("org/x")',
      "model org/x via huggingface_hub.InferenceClient",
    ],
    ["an imported vllm module", 'import vllm\nvllm.LLM("org/x")', "model org/x via vllm.LLM"],
    [
      "a peft adapter by keyword",
      'from peft import PeftModel\nPeftModel.from_pretrained(model=base, model_id="org/lora")',
      "model org/lora via peft.PeftModel.from_pretrained adapter",
    ],
    [
      "a dynamic peft adapter",
      "from peft import PeftModel\ndef f(base, path):\n    return PeftModel.from_pretrained(base, path)",
      "dynamic peft.PeftModel.from_pretrained: path",
    ],
    [
      "a LoRA by keyword",
      'pipe.load_lora_weights(pretrained_model_name_or_path_or_dict="org/lora", weight_name="w.safetensors")',
      "model org/lora via diffusers.load_lora_weights adapter",
    ],
    [
      "a dataset by keyword",
      'from datasets import load_dataset\nload_dataset(path="org/d")',
      "dataset org/d via datasets.load_dataset",
    ],
    [
      "a legacy dataset",
      'import datasets\ndatasets.load_dataset("glue", "mrpc")',
      "dataset glue via datasets.load_dataset",
    ],
    [
      "a renamed loader",
      'from huggingface_hub import hf_hub_download as fetch\nfetch("org/x", "model.gguf")',
      "model org/x via huggingface_hub.hf_hub_download",
    ],
    [
      "a renamed PeftModel",
      'from peft import PeftModel as Adapter\nAdapter.from_pretrained(base, "org/lora")',
      "model org/lora via peft.PeftModel.from_pretrained adapter",
    ],
    [
      "a constant of the class body it is used in",
      `${TRANSFORMERS}class Service:\n    MODEL_ID = "org/x"\n    model = AutoModel.from_pretrained(MODEL_ID)`,
      "model org/x via transformers.from_pretrained",
    ],
    [
      "a constant a function reassigns through global",
      `${TRANSFORMERS}M = "org/x"\ndef use_large():\n    global M\n    M = "org/large"\nAutoModel.from_pretrained(M)`,
      "dynamic transformers.from_pretrained: M",
    ],
    [
      "a class constant unseen by its methods' bare names",
      `${TRANSFORMERS}class Service:\n    MODEL_ID = "org/x"\n    def load(self):\n        return AutoModel.from_pretrained(MODEL_ID)`,
      "dynamic transformers.from_pretrained: MODEL_ID",
    ],
    [
      "a star import",
      'from sentence_transformers import *\nSentenceTransformer("org/x")',
      "model org/x via sentence_transformers.SentenceTransformer",
    ],
  ])("%s", (_, code, expected) => {
    expect(found(code)).toEqual([expected]);
  });

  it.each([
    ["an id in a comment", `${TRANSFORMERS}# AutoModel.from_pretrained("org/x")`],
    ["an id in a docstring", `${TRANSFORMERS}def f():\n    """AutoModel.from_pretrained("org/x")"""`],
    ["an id no call loads", `${TRANSFORMERS}MODELS = ["org/x"]\nprint("org/y")`],
    ["a local path", `${TRANSFORMERS}AutoModel.from_pretrained("./out")`],
    ["a training run's output folder", `${TRANSFORMERS}AutoModel.from_pretrained("SmolLM2-FT-MyDataset")`],
    ["a model file", `${TRANSFORMERS}AutoModel.from_pretrained("weights/model.safetensors")`],
    ["a local builder", 'from datasets import load_dataset\nload_dataset("parquet", data_files="train.parquet")'],
    ["a Space", 'from huggingface_hub import snapshot_download\nsnapshot_download("org/s", repo_type="space")'],
    ["a task's default model", `${TRANSFORMERS}pipeline("sentiment-analysis")`],
    ["a client of no model", "from huggingface_hub import InferenceClient\nInferenceClient(provider='together')"],
    ["an endpoint URL", 'from huggingface_hub import InferenceClient\nInferenceClient("https://api.example.com/v1")'],
    ["an LLM of another library", 'from langchain.llms import LLM\nLLM("org/x")'],
    ["vLLM's sampling parameters", "from vllm import SamplingParams\nSamplingParams(temperature=0.7)"],
    ["a function of the file's own", 'def load_dataset(path):\n    return open(path)\nload_dataset("org/x")'],
    [
      "a loaded model passed on",
      `${TRANSFORMERS}model = AutoModel.from_pretrained("./out")\npipeline("t", model=model)`,
    ],
  ])("%s is no reference", (_, code) => {
    expect(found(code)).toEqual([]);
  });

  it("places a reference at its call, 1-based", () => {
    const { references } = extractPython(
      `${TRANSFORMERS}\nx = [\n    AutoModel.from_pretrained("org/x")]`,
      "a.py",
      parser,
    );
    expect(references.map(({ line, column }) => ({ line, column }))).toEqual([{ line: 4, column: 5 }]);
  });

  it("reads what parses of a broken file", () => {
    const code = `${TRANSFORMERS}def broken(:\nAutoModel.from_pretrained("org/x")\nclass (\n`;
    expect(found(code)).toEqual(["model org/x via transformers.from_pretrained"]);
  });
});

function notebook(cells: { cell_type: string; source: string[] | string }[]): string {
  return JSON.stringify(
    { cells: cells.map((cell) => ({ metadata: {}, ...cell })), metadata: {}, nbformat: 4, nbformat_minor: 5 },
    null,
    1,
  );
}

describe("extractNotebook", () => {
  it.each([
    ["broken JSON", '{"cells": ['],
    ["JSON of no notebook", '{"name": "package"}'],
    ["a JSON array", "[]"],
  ])("throws SourceParseError on %s", (_, text) => {
    expect(() => extractNotebook(text, "a.ipynb", parser)).toThrow(SourceParseError);
  });

  it("sees a constant of an earlier cell", () => {
    const text = notebook([
      { cell_type: "code", source: ["from transformers import AutoModel\n", 'M = "org/x"'] },
      { cell_type: "code", source: ["AutoModel.from_pretrained(M)"] },
    ]);
    const { references } = extractNotebook(text, "a.ipynb", parser);
    expect(references.map(({ id, line }) => ({ id, line }))).toEqual([{ id: "org/x", line: 15 }]);
  });

  it("reads code cells only, without their magics", () => {
    const text = notebook([
      { cell_type: "markdown", source: ['AutoModel.from_pretrained("org/markdown")'] },
      { cell_type: "raw", source: ['AutoModel.from_pretrained("org/raw")'] },
      {
        cell_type: "code",
        source: ["from transformers import AutoModel\n", '%run AutoModel.from_pretrained("org/magic")'],
      },
      { cell_type: "code", source: ["%%bash\n", 'AutoModel.from_pretrained("org/bash")'] },
    ]);
    expect(extractNotebook(text, "a.ipynb", parser)).toEqual({ references: [], dynamic: [] });
  });

  it("places a cell held as one string on its source line", () => {
    const text = notebook([
      { cell_type: "code", source: 'from transformers import AutoModel\nAutoModel.from_pretrained("org/x")' },
    ]);
    const sourceLine = text.split("\n").findIndex((line) => line.includes('"source"')) + 1;
    const { references } = extractNotebook(text, "a.ipynb", parser);
    expect(references.map(({ line, column }) => ({ line, column }))).toEqual([{ line: sourceLine, column: 1 }]);
  });
});
