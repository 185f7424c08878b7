// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR:-org/name}` is the shell and config text under test.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractJson, extractToml, extractYaml } from "../../src/scan/extract/config.js";
import { extractDockerfile } from "../../src/scan/extract/dockerfile.js";
import { extractDotenv } from "../../src/scan/extract/dotenv.js";
import { type Extracted, SourceParseError } from "../../src/scan/extract/extracted.js";
import { extractShell } from "../../src/scan/extract/shell.js";

type Extractor = (text: string, file: string) => Extracted;

const ROOT = new URL("../fixtures/scan/config/", import.meta.url);

/** The extractor the walker would pick for each fixture (by its file name). */
const FIXTURES: Record<string, Extractor> = {
  "axolotl.yml": extractYaml,
  "hydra.yaml": extractYaml,
  "eval.json": extractJson,
  "pyproject.toml": extractToml,
  ".env": extractDotenv,
  "docker-compose.yml": extractYaml,
  ".github/workflows/cache-model.yml": extractYaml,
  Dockerfile: extractDockerfile,
  Modelfile: extractDockerfile,
  "start.sh": extractShell,
};

function extractFixture(file: string): Extracted {
  return FIXTURES[file]!(readFileSync(new URL(file, ROOT), "utf8"), file);
}

/** file, line, column, id, kind, revision, pinned, via, env, adapter: one reference shape per fixture line. */
type Row = [string, number, number, string, "model" | "dataset", string | null, boolean, string, string?, true?];

const SHA_A = "8c22764a7e3675c50d4c7c9a4edb474456022b16";
const SHA_B = "b70e0c9a2d9e14bd1e812d3c398e5f313e93b473";
const SHA_C = "06f233fe06e710322aca913c1bc4249a0d71fce1";
const FROM_PRETRAINED = "hydra:transformers.AutoModelForCausalLM.from_pretrained";

const EXPECTED: Row[] = [
  ["axolotl.yml", 2, 1, "meta-llama/Llama-3.1-8B", "model", SHA_A, true, "config:base_model"],
  ["axolotl.yml", 12, 5, "mhenrichsen/alpaca_2k_test", "dataset", null, false, "config:datasets"],
  ["hydra.yaml", 6, 3, "Qwen/Qwen2.5-0.5B", "model", "main", false, FROM_PRETRAINED, "BASE_MODEL"],
  ["hydra.yaml", 15, 3, "HuggingFaceFW/fineweb-edu", "dataset", null, false, "hydra:datasets.load_dataset"],
  ["eval.json", 2, 3, "mistralai/Mistral-7B-Instruct-v0.3", "model", null, false, "config:model_name_or_path"],
  ["eval.json", 4, 3, "tatsu-lab/alpaca_eval", "dataset", null, false, "config:dataset_name"],
  ["eval.json", 5, 3, "me/mistral-lora", "model", null, false, "config:adapter_name_or_path", undefined, true],
  ["pyproject.toml", 5, 1, "google/gemma-2-2b-it", "model", "v1.0", false, "config:model_id"],
  ["pyproject.toml", 9, 1, "cais/mmlu", "dataset", null, false, "config:datasets"],
  ["pyproject.toml", 9, 1, "openai/gsm8k", "dataset", null, false, "config:datasets"],
  [".env", 2, 1, "meta-llama/Llama-3.2-1B-Instruct", "model", null, false, "env:MODEL_ID", "MODEL_ID"],
  [".env", 3, 8, "BAAI/bge-small-en-v1.5", "model", null, false, "env:EMBEDDING_MODEL", "EMBEDDING_MODEL"],
  [".env", 4, 1, "HuggingFaceH4/ultrachat_200k", "dataset", null, false, "env:DATASET_REPO", "DATASET_REPO"],
  [".env", 5, 1, "me/style-lora", "model", null, false, "env:LORA_ADAPTER", "ADAPTER", true],
  ["docker-compose.yml", 4, 14, "HuggingFaceH4/zephyr-7b-beta", "model", SHA_B, true, "text-generation-launcher"],
  ["docker-compose.yml", 10, 9, "Qwen/Qwen2.5-7B-Instruct", "model", null, false, "vllm serve"],
  ["docker-compose.yml", 13, 7, "intfloat/e5-small-v2", "model", null, false, "env:EMBED_MODEL", "EMBED_MODEL"],
  [".github/workflows/cache-model.yml", 9, 14, "openai/whisper-large-v3", "model", SHA_C, true, "hf download"],
  [".github/workflows/cache-model.yml", 13, 11, "lighteval/MATH", "dataset", null, false, "huggingface-cli download"],
  [
    "Dockerfile",
    ...[
      2,
      5,
      "sentence-transformers/all-MiniLM-L6-v2",
      "model",
      null,
      false,
      "dockerfile:ARG BASE_MODEL",
      "BASE_MODEL",
    ],
  ] as Row,
  ["Dockerfile", 3, 5, "microsoft/phi-2", "model", null, false, "dockerfile:ENV MODEL_ID", "MODEL_ID"],
  ["Dockerfile", 5, 5, "google/flan-t5-base", "model", null, false, "dockerfile:ENV TOKENIZER_NAME", "TOKENIZER_NAME"],
  ["Dockerfile", 8, 5, "microsoft/phi-2", "model", "7e10f3e", true, "hf download"],
  ["Dockerfile", 9, 6, "microsoft/phi-2", "model", null, false, "vllm serve"],
  ["Modelfile", 1, 1, "bartowski/Llama-3.2-3B-Instruct-GGUF", "model", null, false, "ollama Modelfile FROM"],
  ["start.sh", 4, 1, "unsloth/Llama-3.2-1B", "model", null, false, "env:MODEL", "MODEL"],
  ["start.sh", 5, 9, "Qwen/Qwen2.5-1.5B", "model", "refs/pr/1", false, "hf download"],
  ["start.sh", 7, 1, "bigscience/bloom-560m", "model", "4f42c91", true, "text-generation-launcher"],
  ["start.sh", 8, 1, "ggml-org/gemma-3-1b-it-GGUF", "model", null, false, "llama-server"],
  ["start.sh", 8, 66, "TheBloke/Mistral-7B-v0.1-GGUF", "model", null, false, "ollama pull"],
  ["start.sh", 10, 1, "tiiuae/falcon-7b-instruct", "model", null, false, "text-generation-launcher"],
];

/** file, line, column, via, expression: loads whose repo is only known at run time. */
const EXPECTED_DYNAMIC: [string, number, number, string, string][] = [
  ["hydra.yaml", 11, 3, "hydra:transformers.AutoTokenizer.from_pretrained", "${model.pretrained_model_name_or_path}"],
  [".env", 9, 1, "env:TOKENIZER", "$BASE_TOKENIZER"],
  ["start.sh", 6, 1, "vllm serve", "$MODEL"],
];

function referenceOf([file, line, column, id, kind, revision, pinned, via, env, adapter]: Row) {
  return { file, line, column, id, kind, revision, pinned, via, ...(env && { env }), ...(adapter && { adapter }) };
}

describe("config, .env, Dockerfile and shell extractors on real-world shaped files", () => {
  it.each(Object.keys(FIXTURES))("%s yields exactly its expected references, in order", (file) => {
    const expected = EXPECTED.filter((row) => row[0] === file).map(referenceOf);
    expect(extractFixture(file).references).toEqual(expected);
  });

  it.each(Object.keys(FIXTURES))("%s yields exactly its expected dynamic references", (file) => {
    const expected = EXPECTED_DYNAMIC.filter((row) => row[0] === file).map(([, line, column, via, expression]) => ({
      file,
      line,
      column,
      via,
      expression,
    }));
    expect(extractFixture(file).dynamic).toEqual(expected);
  });

  it("every fixture has a row, so a fixture that yields nothing cannot pass unnoticed", () => {
    const covered = new Set([...EXPECTED, ...EXPECTED_DYNAMIC].map((row) => row[0]));
    expect(Object.keys(FIXTURES).filter((file) => !covered.has(file))).toEqual([]);
  });

  it("a YAML file that does not parse throws SourceParseError with its line", () => {
    const text = readFileSync(new URL("broken.yaml", ROOT), "utf8");
    expect(() => extractYaml(text, "broken.yaml")).toThrow(SourceParseError);
    expect(() => extractYaml(text, "broken.yaml")).toThrow(expect.objectContaining({ line: 1 }));
  });
});

/** The ids one snippet yields, with their via (and env when set), for the unit cases below. */
function idsOf(extractor: Extractor, text: string): string[] {
  return extractor(text, "f").references.map((ref) => `${ref.id} ${ref.via}${ref.env ? ` env=${ref.env}` : ""}`);
}

describe("unit cases", () => {
  it.each<[string, Extractor, string, string[]]>([
    ["a bare name is no Hub id in a config", extractYaml, "model: gpt-4o", []],
    ["a local path is no Hub id", extractYaml, "model_name_or_path: ./ckpt/final", []],
    ["a size word is no Hub id", extractYaml, "model: large", []],
    ["a file that looks like org/name", extractYaml, "model: conf/model.yaml", []],
    ["a Hub URL gives its id", extractYaml, "model: https://huggingface.co/org/name", ["org/name config:model"]],
    ["a compose-style default", extractYaml, "model_id: ${MODEL:-org/name}", ["org/name config:model_id env=MODEL"]],
    ["an OmegaConf default", extractYaml, "model: ${oc.env:M,org/name}", ["org/name config:model env=M"]],
    ["a key not in the table", extractYaml, "output_model: org/name", []],
    ["a push target is not a load", extractYaml, "hub_model_id: org/name", []],
    ["a YAML comment", extractYaml, "# model: org/name\nother: 1", []],
    ["a datasets list of strings", extractYaml, "datasets: [a/b, c/d]", ["a/b config:datasets", "c/d config:datasets"]],
    [
      "a dataset mixture's entries by id (alignment-handbook, TRL)",
      extractYaml,
      "dataset_mixture:\n  datasets:\n    - id: a/b\n      split: train",
      ["a/b config:datasets"],
    ],
    ["a JSON nested key", extractJson, '{"a": {"repo_id": "org/name"}}', ["org/name config:repo_id"]],
    [
      "JSON with comments (JSONC), a // inside a string kept",
      extractJson,
      '// settings\n{ /* the model */ "model": "org/name", "url": "http://x" }',
      ["org/name config:model"],
    ],
    ["a TOML dotted key", extractToml, 'tool.x.base_model = "org/name"', ["org/name config:base_model"]],
    ["a multi-document YAML", extractYaml, "model: a/b\n---\nmodel: c/d", ["a/b config:model", "c/d config:model"]],
    [
      "a compose command on an unknown image",
      extractYaml,
      "s:\n  image: python\n  command: vllm serve a/b",
      ["a/b vllm serve"],
    ],
    ["a `command:` outside a service is no command", extractYaml, "command: vllm serve a/b", []],
  ])("config: %s", (_name, extractor, text, expected) => {
    expect(idsOf(extractor, text)).toEqual(expected);
  });

  it("a JSON file with a syntax error throws SourceParseError", () => {
    expect(() => extractJson('{"model": "a/b",,}', "f.json")).toThrow(SourceParseError);
  });

  it("a TOML file with a syntax error throws SourceParseError", () => {
    expect(() => extractToml("model = ", "f.toml")).toThrow(SourceParseError);
  });

  it("a revision key pins only the ids of its own mapping", () => {
    const text = "a:\n  model: a/b\n  revision: abcdef1\nb:\n  model: c/d";
    expect(extractYaml(text, "f").references.map((ref) => [ref.id, ref.revision, ref.pinned])).toEqual([
      ["a/b", "abcdef1", true],
      ["c/d", null, false],
    ]);
  });

  it.each<[string, string, string[]]>([
    ["after &&", "cd /app && hf download a/b", ["a/b hf download"]],
    ["after a pipe", "echo | huggingface-cli download a/b", ["a/b huggingface-cli download"]],
    ["after env X=1", "env HF_HUB_ENABLE_HF_TRANSFER=1 hf download a/b", ["a/b hf download"]],
    ["with a leading assignment", "HF_TOKEN=x hf download a/b", ["a/b hf download"]],
    ["a full path to the CLI", "/usr/local/bin/hf download a/b", ["a/b hf download"]],
    ["a comment", "# hf download a/b", []],
    ["a trailing comment", "echo hi # hf download a/b", []],
    ["a quoted #", 'hf download a/b --include "#x"', ["a/b hf download"]],
    ["a Space is no model or dataset", "hf download a/b --repo-type space", []],
    ["a bare name", "hf download gpt2", []],
    ["a local path", "hf download ./models/x", []],
    ["a line continuation", "hf download \\\n  a/b", ["a/b hf download"]],
    ["python -m vllm", "python -m vllm.entrypoints.openai.api_server --model a/b", ["a/b vllm api_server"]],
    ["vllm --model=", "vllm serve --model=a/b", ["a/b vllm serve"]],
    ["llama-cli --hf-repo", "llama-cli --hf-repo a/b-GGUF:Q8_0", ["a/b-GGUF llama-cli"]],
    ["ollama from its own registry", "ollama pull mannix/llama3", []],
    ["ollama from the Hub", "ollama run hf.co/a/b:Q4_K_M", ["a/b ollama run"]],
    ["docker run of another image", "docker run -it python:3.11 --model-id a/b", []],
    ["docker run of vLLM's image", "docker run --rm vllm/vllm-openai:v0.6 --model a/b", ["a/b vllm serve"]],
    ["sh -c", "sh -c 'hf download a/b'", ["a/b hf download"]],
    ["a default", "vllm serve ${M:-a/b}", ["a/b vllm serve env=M"]],
    ["a redirect is no argument", "hf download > log a/b", ["a/b hf download"]],
  ])("shell: %s", (_name, text, expected) => {
    expect(idsOf(extractShell, text)).toEqual(expected);
  });

  it.each([
    ["$MODEL", "hf download $MODEL"],
    ["${MODEL}", "hf download ${MODEL}"],
    ["$ORG/${NAME}", "hf download $ORG/${NAME}"],
    ["$(cat model.txt)", "vllm serve $(cat model.txt)"],
  ])("shell: %s in an id position is a dynamic reference", (expression, text) => {
    expect(extractShell(text, "f")).toEqual({
      references: [],
      dynamic: [
        { file: "f", line: 1, column: 1, via: text.startsWith("hf") ? "hf download" : "vllm serve", expression },
      ],
    });
  });

  it.each<[string, string, string[]]>([
    ["a name that names no repo", "HF_HOME=org/name", []],
    ["a bare name", "MODEL=gpt2", []],
    ["an inline comment", "MODEL=a/b # the model", ["a/b env:MODEL env=MODEL"]],
    ["spaces around =", "MODEL = a/b", ["a/b env:MODEL env=MODEL"]],
    ["a commented line", "#MODEL=a/b", []],
    ["a property of the model, not its id", "MODEL_REVISION=a/b\nMODEL_TYPE=$X\nMODEL_DIR=a/b", []],
  ])(".env: %s", (_name, text, expected) => {
    expect(idsOf(extractDotenv, text)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ["a Docker base image", "FROM pytorch/pytorch:2.3", []],
    ["a base image stage", "FROM --platform=linux/amd64 nvidia/cuda AS build", []],
    [
      "TGI's image with exec-form CMD args",
      'FROM ghcr.io/huggingface/text-generation-inference\nCMD ["--model-id", "a/b"]',
      ["a/b text-generation-launcher"],
    ],
    [
      "ENTRYPOINT and CMD together, once",
      'ENTRYPOINT ["vllm", "serve", "a/b"]\nCMD ["--port", "80"]',
      ["a/b vllm serve"],
    ],
    ["exec-form sh -c", 'RUN ["sh", "-c", "hf download a/b"]', ["a/b hf download"]],
    ["shell-form CMD", "CMD hf download a/b", ["a/b hf download"]],
    ["ARG without default", "ARG MODEL_ID", []],
    ["lower-case keyword", "run hf download a/b", ["a/b hf download"]],
  ])("Dockerfile: %s", (_name, text, expected) => {
    expect(idsOf(extractDockerfile, text)).toEqual(expected);
  });
});
