import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { extractJavaScript } from "../../src/scan/extract/javascript.js";
import { type Grammar, parserFor } from "../../src/scan/parsers.js";
import type { CodeReference, DynamicReference, RepoKind } from "../../src/types/code-reference.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/scan/javascript/", import.meta.url));

/** The grammar the walker picks for a file, by its extension. */
function grammarOf(file: string): Grammar {
  if (file.endsWith(".tsx")) return "tsx";
  return /\.[cm]?ts$/.test(file) ? "typescript" : "javascript";
}

async function extractFixture(file: string) {
  return extractJavaScript(readFileSync(`${FIXTURES}${file}`, "utf8"), file, await parserFor(grammarOf(file)));
}

type ReferenceRow = [
  file: string,
  line: number,
  column: number,
  id: string,
  kind: RepoKind,
  revision: string | null,
  pinned: boolean,
  via: string,
  env?: string,
];

/** Every reference of the fixture tree, one loading call per fixture line, in the order each file yields them. */
const REFERENCES: ReferenceRow[] = [
  ["browser-app.js", 8, 25, "Xenova/vit-gpt2-image-captioning", "model", null, false, "transformers.js.pipeline"],
  ["browser-app.js", 9, 24, "Xenova/detr-resnet-50", "model", "main", false, "transformers.js.pipeline"],
  ["browser-app.js", 16, 27, "Xenova/whisper-tiny.en", "model", null, false, "transformers.js.pipeline"],
  ["browser-app.js", 17, 26, "Xenova/nllb-200-distilled-600M", "model", "5f3a2b1c", true, "transformers.js.pipeline"],
  ["broken.js", 3, 24, "Xenova/bert-base-uncased", "model", null, false, "transformers.js.pipeline"],
  ["broken.js", 8, 25, "Xenova/gpt2", "model", null, false, "transformers.js.pipeline"],
  ["Captioner.tsx", 11, 32, "Xenova/vit-gpt2-image-captioning", "model", "main", false, "transformers.js.pipeline"],
  ["Captioner.tsx", 26, 42, "Xenova/distilbart-cnn-6-6", "model", "9b4c1e2", true, "transformers.js.pipeline"],
  ["chat-service.ts", 13, 21, "meta-llama/Llama-3.1-8B-Instruct", "model", null, false, "huggingface.inference"],
  ["chat-service.ts", 22, 17, "BAAI/bge-small-en-v1.5", "model", null, false, "huggingface.inference"],
  ["chat-service.ts", 29, 29, "deepseek-ai/DeepSeek-R1", "model", null, false, "huggingface.inference"],
  ["download-weights.cjs", 8, 9, "openai-community/gpt2", "model", "3e1f7d4a", true, "huggingface.hub.downloadFile"],
  ["download-weights.cjs", 9, 9, "rajpurkar/squad", "dataset", null, false, "huggingface.hub.downloadFile"],
  [
    "download-weights.cjs",
    10,
    9,
    "stanfordnlp/imdb",
    "dataset",
    "refs/convert/parquet",
    false,
    "huggingface.hub.downloadFile",
  ],
  ["download-weights.cjs", 11, 28, "google-bert/bert-base-uncased", "model", null, false, "huggingface.hub.listFiles"],
  ["download-weights.cjs", 12, 9, "Qwen/Qwen2.5-0.5B", "model", "main", false, "huggingface.hub.snapshotDownload"],
  ["download-weights.cjs", 13, 21, "mistralai/Mistral-7B-v0.1", "model", null, false, "huggingface.hub.modelInfo"],
  ["download-weights.cjs", 14, 21, "HuggingFaceFW/fineweb", "dataset", null, false, "huggingface.hub.datasetInfo"],
  [
    "embed-notes.mjs",
    9,
    25,
    "mixedbread-ai/mxbai-embed-large-v1",
    "model",
    "a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
    true,
    "transformers.js.from_pretrained",
    "EMBEDDING_MODEL",
  ],
  [
    "embed-notes.mjs",
    10,
    21,
    "mixedbread-ai/mxbai-embed-large-v1",
    "model",
    "a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
    true,
    "transformers.js.from_pretrained",
    "EMBEDDING_MODEL",
  ],
  [
    "embed-notes.mjs",
    11,
    24,
    "jinaai/jina-reranker-v1-tiny-en",
    "model",
    null,
    false,
    "transformers.js.pipeline",
    "RERANKER",
  ],
  ["embed-notes.mjs", 15, 22, "bert-base-uncased", "model", "v1.0", false, "transformers.js.from_pretrained"],
  ["hf-router.mjs", 7, 7, "meta-llama/Llama-3.1-8B-Instruct", "model", null, false, "huggingface.router"],
  ["hf-router.mjs", 8, 7, "openai/gpt-oss-120b", "model", null, false, "huggingface.router"],
];

type DynamicRow = [file: string, line: number, column: number, via: string, expression: string];

const DYNAMIC: DynamicRow[] = [
  ["browser-app.js", 20, 10, "transformers.js.pipeline", "modelId"],
  ["Captioner.tsx", 27, 39, "transformers.js.pipeline", "modelId"],
  ["chat-service.ts", 26, 10, "huggingface.inference", "model"],
  ["download-weights.cjs", 17, 9, "huggingface.hub.downloadFile", "process.argv[2]"],
  ["embed-notes.mjs", 14, 22, "transformers.js.from_pretrained", "process.env.CUSTOM_MODEL"],
  ["embed-notes.mjs", 21, 22, "transformers.js.from_pretrained", "current"],
];

function referenceOf([file, line, column, id, kind, revision, pinned, via, env]: ReferenceRow): CodeReference {
  return { file, line, column, id, kind, revision, pinned, via, ...(env !== undefined && { env }) };
}

function dynamicOf([file, line, column, via, expression]: DynamicRow): DynamicReference {
  return { file, line, column, via, expression };
}

describe("extractJavaScript on the fixture tree", () => {
  const files = readdirSync(FIXTURES).sort();

  it("covers a file of each kind the walker hands it", () => {
    expect(files.map((file) => grammarOf(file)).sort()).toEqual(
      expect.arrayContaining(["javascript", "typescript", "tsx"]),
    );
    expect(files.some((file) => file.endsWith(".mjs")) && files.some((file) => file.endsWith(".cjs"))).toBe(true);
  });

  it.each(files)("%s yields exactly its rows of the table", async (file) => {
    const extracted = await extractFixture(file);
    expect(extracted.references).toEqual(REFERENCES.filter((row) => row[0] === file).map(referenceOf));
    expect(extracted.dynamic).toEqual(DYNAMIC.filter((row) => row[0] === file).map(dynamicOf));
  });

  it("has no table row for a file that is not in the tree", () => {
    const named = new Set([...REFERENCES, ...DYNAMIC].map((row) => row[0]));
    expect([...named].filter((file) => !files.includes(file))).toEqual([]);
  });

  it("takes none of the OpenAI SDK's model names", async () => {
    expect(await extractFixture("openai-client.ts")).toEqual({ references: [], dynamic: [] });
  });
});

const TRANSFORMERS = 'import { AutoModel, pipeline } from "@huggingface/transformers";\n';

/** One line per finding: `org/name`, `dataset org/name`, `@revision`, ` env=X`, or `dynamic: expression`. */
async function findings(source: string, grammar: Grammar = "typescript"): Promise<string[]> {
  const { references, dynamic } = extractJavaScript(source, "f", await parserFor(grammar));
  return [
    ...references.map((ref) => {
      const kind = ref.kind === "dataset" ? "dataset " : "";
      const revision = ref.revision === null ? "" : `@${ref.revision}`;
      const env = ref.env === undefined ? "" : ` env=${ref.env}`;
      return `${kind}${ref.id}${revision}${env}`;
    }),
    ...dynamic.map((ref) => `dynamic: ${ref.expression}`),
  ];
}

describe("resolving the repo argument", () => {
  it.each([
    ["a module constant", 'const M = "a/b";\nAutoModel.from_pretrained(M);', ["a/b"]],
    [
      "a constant in the function",
      'async function f() { const m = "a/b"; return AutoModel.from_pretrained(m); }',
      ["a/b"],
    ],
    ["an exported constant", 'export const M = "a/b";\nAutoModel.from_pretrained(M);', ["a/b"]],
    ["a let nobody reassigns", 'let m = "a/b";\nAutoModel.from_pretrained(m);', ["a/b"]],
    [
      "a static field through this (transformers.js's singleton)",
      'class P { static model_id = "a/b"; static async get() { this.m ??= AutoModel.from_pretrained(this.model_id); } }',
      ["a/b"],
    ],
    [
      "a class field through the class's name",
      'class P { static model = "a/b"; }\nAutoModel.from_pretrained(P.model);',
      ["a/b"],
    ],
    [
      "a field assigned again",
      'class P { static model_id = "a/b"; static set(m) { this.model_id = m; } static get() { return AutoModel.from_pretrained(this.model_id); } }',
      ["dynamic: this.model_id"],
    ],
    ["a reassigned var", 'var m = "a/b";\nm = pick();\nAutoModel.from_pretrained(m);', ["dynamic: m"]],
    ["a let updated with +=", 'let m = "a/";\nm += "b";\nAutoModel.from_pretrained(m);', ["dynamic: m"]],
    [
      "a parameter that shadows a constant",
      'const m = "a/b";\nfunction f(m: string) { return AutoModel.from_pretrained(m); }',
      ["dynamic: m"],
    ],
    [
      "a loop variable that shadows a constant",
      'const m = "a/b";\nfor (const m of list) AutoModel.from_pretrained(m);',
      ["dynamic: m"],
    ],
    [
      "a name destructured from a string",
      'const [letter] = "a/b";\nAutoModel.from_pretrained(letter);',
      ["dynamic: letter"],
    ],
    [
      "a name destructured from process.env",
      "const { M } = process.env;\nAutoModel.from_pretrained(M);",
      ["dynamic: M"],
    ],
    [
      "a template literal of constants",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
      'const org = "a";\nAutoModel.from_pretrained(`${org}/b`);',
      ["a/b"],
    ],
    [
      "a template literal with a run-time part",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
      "AutoModel.from_pretrained(`a/${pick()}`);",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
      ["dynamic: `a/${pick()}`"],
    ],
    ["a + concatenation", 'const org = "a";\nAutoModel.from_pretrained(org + "/" + "b");', ["a/b"]],
    ["process.env.X ?? default", 'AutoModel.from_pretrained(process.env.M ?? "a/b");', ["a/b env=M"]],
    ['process.env["X"] || default', 'AutoModel.from_pretrained(process.env["M"] || "a/b");', ["a/b env=M"]],
    [
      "Vite's import.meta.env default",
      'AutoModel.from_pretrained(import.meta.env.VITE_M ?? "a/b");',
      ["a/b env=VITE_M"],
    ],
    [
      "an env default behind a constant",
      'const M = process.env.M ?? "a/b";\nAutoModel.from_pretrained(M);',
      ["a/b env=M"],
    ],
    ["process.env.X without a default", "AutoModel.from_pretrained(process.env.M);", ["dynamic: process.env.M"]],
    [
      "?? after something else than the environment",
      'AutoModel.from_pretrained(config.model ?? "a/b");',
      ['dynamic: config.model ?? "a/b"'],
    ],
    [
      "a constant object's property",
      'const C = { models: { embed: "a/b" } };\nAutoModel.from_pretrained(C.models.embed);',
      ["a/b"],
    ],
    ["a quoted key", 'const C = { "embed-model": "a/b" };\nAutoModel.from_pretrained(C["embed-model"]);', ["a/b"]],
    [
      "a constant object changed later",
      'const C = { m: "a/b" };\nC.m = pick();\nAutoModel.from_pretrained(C.m);',
      ["dynamic: C.m"],
    ],
    ["constants that refer to each other", "const a = b;\nconst b = a;\nAutoModel.from_pretrained(a);", ["dynamic: a"]],
    ["TypeScript wrappers", 'AutoModel.from_pretrained((("a/b" as const) satisfies string)!);', ["a/b"]],
    ["an old-style type assertion", 'AutoModel.from_pretrained(<string>"a/b");', ["a/b"]],
    ["a line continuation", 'AutoModel.from_pretrained("a/\\\nb");', ["a/b"]],
    ["escapes", 'AutoModel.from_pretrained("a\\u002Fb\\x2Dc");', ["a/b-c"]],
    ["a call", 'AutoModel.from_pretrained(pick("a/b"));', ['dynamic: pick("a/b")']],
    [
      "a multi-line expression, on one line",
      'AutoModel.from_pretrained(\n  pick(\n    "a/b",\n  ),\n);',
      ['dynamic: pick( "a/b", )'],
    ],
    ["a relative local path", 'AutoModel.from_pretrained("./models/x");', []],
    ["an absolute local path", 'const DIR = "/models/x";\nAutoModel.from_pretrained(DIR);', []],
    ["a legacy single name", 'AutoModel.from_pretrained("gpt2");', ["gpt2"]],
  ])("%s", async (_, source, expected) => {
    expect(await findings(TRANSFORMERS + source)).toEqual(expected);
  });
});

describe("revision", () => {
  it.each([
    ['{ revision: "main" }', "main", false],
    ['{ revision: "v1.0", dtype: "q8" }', "v1.0", false],
    ['{ revision: "0123abc" }', "0123abc", true],
    ['{ revision: "0123456789abcdef0123456789abcdef01234567" }', "0123456789abcdef0123456789abcdef01234567", true],
    ["{ revision: REV }", "fedcba9", true],
    ["{ revision }", "fedcba9", true],
    ["OPTIONS", "fedcba9", true],
    ['{ revision: process.env.REV ?? "main" }', "main", false],
    ["{ revision: pickRevision() }", null, false],
    ['{ dtype: "fp16" }', null, false],
  ])("%s gives %s, pinned %s", async (options, revision, pinned) => {
    const source = `${TRANSFORMERS}const REV = "fedcba9";\nconst revision = REV;\nconst OPTIONS = { revision: REV };\nAutoModel.from_pretrained("a/b", ${options});`;
    const { references } = extractJavaScript(source, "f.ts", await parserFor("typescript"));
    expect(references.map((ref) => [ref.revision, ref.pinned])).toEqual([[revision, pinned]]);
  });

  it("is null when the call has no options", async () => {
    expect(await findings(`${TRANSFORMERS}pipeline("text-generation", "a/b");`)).toEqual(["a/b"]);
  });
});

describe("which calls load a repo", () => {
  it.each([
    ["pipeline's second argument", 'pipeline("text-generation", "a/b", { dtype: "q4" });', ["a/b"]],
    ["a pipeline with its task's default model", 'pipeline("sentiment-analysis");', []],
    ["a pipeline with undefined for its model", 'pipeline("sentiment-analysis", undefined, { revision: "main" });', []],
    ["a pipeline with null for its model", 'pipeline("sentiment-analysis", null);', []],
    ["a comment between the arguments", 'pipeline("fill-mask", /* "x/commented" */ "a/b");', ["a/b"]],
    ["a from_pretrained with no argument", "AutoModel.from_pretrained();", []],
    ["a spread argument", "AutoModel.from_pretrained(...args);", ["dynamic: ...args"]],
    ["an id in a comment only", '// AutoModel.from_pretrained("a/b")\n/* pipeline("t", "c/d") */', []],
    ["an id in a string that reaches no loading call", 'const LABEL = "a/b";\nconsole.log(LABEL, "c/d");', []],
  ])("%s", async (_, source, expected) => {
    expect(await findings(TRANSFORMERS + source)).toEqual(expected);
  });

  it.each([
    ["an aliased import", 'import { pipeline as make } from "@huggingface/transformers";\nmake("t", "a/b");', ["a/b"]],
    ["a namespace import", 'import * as hf from "@xenova/transformers";\nhf.pipeline("t", "a/b");', ["a/b"]],
    [
      "a require with a renamed binding",
      'const { pipeline: make } = require("@xenova/transformers");\nmake("t", "a/b");',
      ["a/b"],
    ],
    [
      "a dynamic import",
      'const { pipeline } = await import("@huggingface/transformers");\npipeline("t", "a/b");',
      ["a/b"],
    ],
    ["node:stream's pipeline", 'import { pipeline } from "node:stream/promises";\nawait pipeline("a/b", "c/d");', []],
    [
      "any class's from_pretrained, imported or not",
      'Florence2ForConditionalGeneration.from_pretrained("onnx-community/Florence-2-base-ft", { dtype: "fp32" });',
      ["onnx-community/Florence-2-base-ft"],
    ],
  ])("transformers.js: %s", async (_, source, expected) => {
    expect(await findings(source, "javascript")).toEqual(expected);
  });

  it.each([
    [
      "a method with a model",
      'import { HfInference } from "@huggingface/inference";\nconst hf = new HfInference(token);\nhf.textGeneration({ model: "gpt2", inputs });',
      ["gpt2"],
    ],
    [
      "a global client from a script tag",
      'const client = new InferenceClient(token);\nclient.textToImage({ model: "a/b", inputs });',
      ["a/b"],
    ],
    [
      "the functional API",
      'import { textGeneration } from "@huggingface/inference";\ntextGeneration({ accessToken, model: "a/b", inputs });',
      ["a/b"],
    ],
    [
      "a request built in a constant",
      'const { InferenceClient } = require("@huggingface/inference");\nconst request = { model: "a/b", inputs: "x" };\nnew InferenceClient().featureExtraction(request);',
      ["a/b"],
    ],
    [
      "an Inference Providers suffix",
      'import { InferenceClient } from "@huggingface/inference";\nnew InferenceClient().chatCompletion({ model: "a/b:groq" });',
      ["a/b"],
    ],
    [
      "client.endpoint",
      'import { InferenceClient } from "@huggingface/inference";\nnew InferenceClient().endpoint({ model: "a/b" });',
      [],
    ],
    [
      "an endpoint URL for a model",
      'import { InferenceClient } from "@huggingface/inference";\nnew InferenceClient().textGeneration({ model: "https://x.endpoints.huggingface.cloud" });',
      [],
    ],
    [
      "the OpenAI SDK next to the library",
      'import { InferenceClient } from "@huggingface/inference";\nimport OpenAI from "openai";\nnew OpenAI().chat.completions.create({ model: "gpt-4o" });',
      [],
    ],
    [
      "a model: in a file without the library",
      'import { generateText } from "ai";\ngenerateText({ model: "a/b" });',
      [],
    ],
    [
      "an OpenAI client on OpenAI's own URL",
      'const openai = new OpenAI({ baseURL: "https://api.openai.com/v1" });\nopenai.chat.completions.create({ model: "meta-llama/Llama-3.1-8B-Instruct" });',
      [],
    ],
  ])("@huggingface/inference: %s", async (_, source, expected) => {
    expect(await findings(source, "javascript")).toEqual(expected);
  });

  const HUB = 'import { downloadFile, modelInfo } from "@huggingface/hub";\n';

  it.each([
    ["a model repo", 'downloadFile({ repo: "a/b", path: "config.json" });', ["a/b"]],
    ["a datasets/ string", 'downloadFile({ repo: "datasets/a/b", path: "x" });', ["dataset a/b"]],
    ["a models/ string", 'downloadFile({ repo: "models/a/b", path: "x" });', ["a/b"]],
    ["a spaces/ string", 'downloadFile({ repo: "spaces/a/b", path: "x" });', []],
    ["a dataset designation", 'downloadFile({ repo: { type: "dataset", name: "a/b" }, path: "x" });', ["dataset a/b"]],
    ["a space designation", 'downloadFile({ repo: { type: "space", name: "a/b" }, path: "x" });', []],
    [
      "a designation with a run-time name",
      'downloadFile({ repo: { type: "dataset", name: pick() }, path: "x" });',
      ["dynamic: pick()"],
    ],
    [
      "a shorthand repo",
      'const repo = "a/b";\ndownloadFile({ repo, path: "x", revision: "abc1234" });',
      ["a/b@abc1234"],
    ],
    [
      "a shorthand designation",
      'const repo = { type: "dataset", name: "a/b" };\ndownloadFile({ repo, path: "x" });',
      ["dataset a/b"],
    ],
    ["modelInfo's name", 'modelInfo({ name: "a/b" });', ["a/b"]],
  ])("@huggingface/hub: %s", async (_, source, expected) => {
    expect(await findings(HUB + source)).toEqual(expected);
  });

  it("reads @huggingface/hub's names only in files that import it", async () => {
    expect(await findings('downloadFile({ repo: "a/b", path: "x" });')).toEqual([]);
  });
});

describe("parsing", () => {
  const PLAIN_JS = `${TRANSFORMERS}const M = "a/b";\nexport const load = async () => pipeline("t", M, { revision: "main" });\n`;

  it.each(["javascript", "typescript", "tsx"] as const)(
    "reads plain JavaScript with the %s grammar",
    async (grammar) => {
      const { references } = extractJavaScript(PLAIN_JS, "f", await parserFor(grammar));
      expect(references.map(({ line, column, id, revision }) => ({ line, column, id, revision }))).toEqual([
        { line: 3, column: 33, id: "a/b", revision: "main" },
      ]);
    },
  );

  it("counts columns in characters, not bytes", async () => {
    const source = `${TRANSFORMERS}const légende = "é"; pipeline("t", "a/b");`;
    const { references } = extractJavaScript(source, "f", await parserFor("typescript"));
    expect(references.map((ref) => ref.column)).toEqual([22]);
  });

  it("reads what parses around a TypeScript syntax error", async () => {
    const source = `${TRANSFORMERS}const a = await pipeline("t", "a/b");\nfunction unfinished(: string {\n  const x = ;\nconst b = await pipeline("t", "c/d");\n`;
    expect(await findings(source)).toEqual(["a/b", "c/d"]);
  });

  it("does not throw on text that is no JavaScript", async () => {
    expect(extractJavaScript("}{)(*&^% pipeline(", "f", await parserFor("typescript"))).toEqual({
      references: [],
      dynamic: [],
    });
  });

  it("frees the tree", async () => {
    const parser = await parserFor("typescript");
    let freed = 0;
    const counting = {
      parse(text: string) {
        const tree = parser.parse(text)!;
        const free = tree.delete.bind(tree);
        tree.delete = () => {
          freed += 1;
          free();
        };
        return tree;
      },
    } as unknown as Parser;
    extractJavaScript(PLAIN_JS, "f", counting);
    expect(freed).toBe(1);
  });

  it("yields nothing when the parser gives no tree", () => {
    expect(extractJavaScript("x", "f", { parse: () => null } as unknown as Parser)).toEqual({
      references: [],
      dynamic: [],
    });
  });
});
