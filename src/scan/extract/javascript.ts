import type { Node, Parser } from "web-tree-sitter";
import type { CodeLocation, RepoKind } from "../../types/code-reference.js";
import { type Extracted, expressionText } from "./extracted.js";
import { hubIdOf, type IdContext, isPinned } from "./hub-id.js";
import { JsValues } from "./js-values.js";

/** The Hugging Face libraries a file uses: a call is read as a loading call only when its library is in the file. */
type Library = "transformers" | "inference" | "hub" | "router";

/** Import specifiers of each library, as npm names or CDN URLs (`https://cdn.jsdelivr.net/npm/@xenova/transformers@2`). */
const LIBRARY_SOURCES: ReadonlyArray<readonly [Library, RegExp]> = [
  ["transformers", /@(?:huggingface|xenova)\/transformers(?:$|[@/])/],
  ["inference", /@huggingface\/inference(?:$|[@/])/],
  ["hub", /@huggingface\/hub(?:$|[@/])/],
];

/** The inference clients' class names: a page that loads the library from a `<script>` tag uses them as globals. */
const INFERENCE_CLASSES = new Set(["InferenceClient", "HfInference", "HfInferenceEndpoint"]);

/** Hugging Face's OpenAI-compatible endpoints: an OpenAI SDK file that names one asks the Hub's router for models. */
const ROUTER_URL = /\b(?:router|api-inference)\.huggingface\.co\b/;

/** @huggingface/hub functions that read a repo, and the property of their argument that names it. */
const HUB_READS: Readonly<Record<string, { key: "repo" | "name"; kind: RepoKind }>> = {
  downloadFile: { key: "repo", kind: "model" },
  downloadFileToCacheDir: { key: "repo", kind: "model" },
  snapshotDownload: { key: "repo", kind: "model" },
  listFiles: { key: "repo", kind: "model" },
  fileExists: { key: "repo", kind: "model" },
  fileDownloadInfo: { key: "repo", kind: "model" },
  modelInfo: { key: "name", kind: "model" },
  datasetInfo: { key: "name", kind: "dataset" },
};

/**
 * Whether JavaScript or TypeScript source can hold a loading call at all: each rule needs one of these words in the
 * text (an import alias still names the library where it is imported). A file without one is not parsed: most of
 * a codebase loads no model, and parsing is the scan's cost.
 */
const LOADER_WORDS = new RegExp(
  `from_pretrained|pipeline|@huggingface/|@xenova/|${[...INFERENCE_CLASSES, ...Object.keys(HUB_READS)].join("|")}|${ROUTER_URL.source}`,
);

export function mayLoadInJavaScript(text: string): boolean {
  return LOADER_WORDS.test(text);
}

/** One loading call, as the file's imports let it be read. */
interface Load {
  via: string;
  /** The expression naming the repo; null when the call names none (a pipeline's task default model). */
  repo: Node | null;
  /** The object literal that may hold `revision`. */
  options: Node | null;
  kind: RepoKind;
  /** The repo is @huggingface/hub's RepoDesignation: `{ type, name }`, or a string that may start `datasets/`. */
  designation: boolean;
  /** The id may end in an Inference Providers suffix (`org/name:fireworks-ai`, `:fastest`), not part of the repo. */
  routed: boolean;
  context: IdContext;
}

/** What one file's calls are read against. */
interface FileScan {
  file: string;
  values: JsValues;
  libraries: Set<Library>;
  /** Local names of transformers.js's `pipeline` (`import { pipeline as createPipeline }`). */
  pipelineNames: Set<string>;
}

/**
 * The Hub repos a JavaScript or TypeScript file loads: transformers.js (`pipeline`, `X.from_pretrained`),
 * @huggingface/inference calls with a `model`, and @huggingface/hub downloads. A file with syntax errors yields what
 * its parsable parts load; tree-sitter recovers around the errors, so this never throws on bad input.
 */
export function extractJavaScript(text: string, file: string, parser: Parser): Extracted {
  const tree = parser.parse(text);
  if (!tree) return { references: [], dynamic: [] };
  try {
    return extractFrom(tree.rootNode, file);
  } finally {
    tree.delete();
  }
}

function extractFrom(root: Node, file: string): Extracted {
  const out: Extracted = { references: [], dynamic: [] };
  const scan: FileScan = {
    file,
    values: new JsValues(root),
    libraries: librariesOf(root),
    pipelineNames: pipelineNamesOf(root),
  };
  for (const call of root.descendantsOfType("call_expression")) {
    const load = call ? loadOf(call, scan) : null;
    if (call && load) record(call, load, scan, out);
  }
  return out;
}

/** What a call loads by the rules of the libraries its file uses, or null for a call that loads nothing. */
function loadOf(call: Node, scan: FileScan): Load | null {
  const name = calleeName(call);
  if (name === null) return null;
  const args = argumentsOf(call);
  return transformersLoadOf(call, name, args, scan) ?? requestLoadOf(name, args[0], scan);
}

const PLAIN = { designation: false, routed: false, context: "call", kind: "model" } as const;

/** transformers.js: the repo is `from_pretrained`'s first argument, `pipeline`'s second; options come next. */
function transformersLoadOf(call: Node, name: string, args: Node[], scan: FileScan): Load | null {
  if (name === "from_pretrained")
    return { ...PLAIN, via: "transformers.js.from_pretrained", repo: args[0] ?? null, options: args[1] ?? null };
  if (scan.libraries.has("transformers") && isPipeline(call, scan))
    return { ...PLAIN, via: "transformers.js.pipeline", repo: args[1] ?? null, options: args[2] ?? null };
  return null;
}

/** The Hub and inference clients: the repo is a property of the request object, the first argument. */
function requestLoadOf(name: string, first: Node | undefined, scan: FileScan): Load | null {
  const request = first ? scan.values.objectOf(first) : null;
  if (!request) return null;
  const hubRead = scan.libraries.has("hub") ? HUB_READS[name] : undefined;
  if (hubRead) {
    const repo = scan.values.propertyOf(request, hubRead.key);
    const designation = hubRead.key === "repo";
    return { ...PLAIN, via: `huggingface.hub.${name}`, repo, options: request, kind: hubRead.kind, designation };
  }
  const model = scan.values.propertyOf(request, "model");
  if (!model) return null;
  // `create` is the OpenAI SDK's (@huggingface/inference has none): a Hub model only on Hugging Face's router, where
  // only org/name counts, since OpenAI's own model names are single words (`gpt-4o`).
  if (name === "create")
    return scan.libraries.has("router")
      ? { ...PLAIN, via: "huggingface.router", repo: model, options: null, routed: true, context: "value" }
      : null;
  // `client.endpoint(url)` targets a deployed endpoint, not a Hub repo.
  if (scan.libraries.has("inference") && name !== "endpoint")
    return { ...PLAIN, via: "huggingface.inference", repo: model, options: null, routed: true };
  return null;
}

function record(call: Node, load: Load, scan: FileScan, out: Extracted): void {
  if (!load.repo || namesNothing(load.repo)) return;
  const target = load.designation ? designationOf(load.repo, scan.values) : { node: load.repo, kind: load.kind };
  if (!target) return;
  const place = locationOf(call, scan.file);
  const known = scan.values.stringOf(target.node);
  if (!known) {
    out.dynamic.push({ ...place, via: load.via, expression: expressionText(target.node.text) });
    return;
  }
  const typed = load.designation ? typedRepoString(known.text, target.kind) : { name: known.text, kind: target.kind };
  const context = load.context === "call" && typed.kind === "dataset" ? "dataset-call" : load.context;
  const id = hubIdOf(load.routed ? withoutProvider(typed.name) : typed.name, context);
  if (id === null) return;
  const revision = revisionOf(load.options, scan.values);
  out.references.push({
    ...place,
    id,
    kind: typed.kind,
    revision,
    pinned: isPinned(revision),
    via: load.via,
    ...(known.env !== undefined && { env: known.env }),
  });
}

/** `undefined` or `null` in the repo's place: the library's default, as with no argument at all. */
function namesNothing(node: Node): boolean {
  return node.type === "undefined" || node.type === "null" || (node.type === "identifier" && node.text === "undefined");
}

/** A RepoDesignation object `{ type: "dataset", name }` gives its name and kind; spaces are neither model nor dataset. */
function designationOf(repo: Node, values: JsValues): { node: Node; kind: RepoKind } | null {
  const object = values.objectOf(repo);
  if (!object) return { node: repo, kind: "model" };
  const name = values.propertyOf(object, "name");
  const typeNode = values.propertyOf(object, "type");
  const type = typeNode ? values.stringOf(typeNode)?.text : "model";
  if (!name || (type !== "model" && type !== "dataset")) return null;
  return { node: name, kind: type };
}

/** A RepoDesignation string: `datasets/org/name` is a dataset; `spaces/org/name`, three parts, is no Hub id. */
function typedRepoString(text: string, kind: RepoKind): { name: string; kind: RepoKind } {
  const [prefix, ...rest] = text.split("/");
  if (prefix === "datasets" && rest.length === 2) return { name: rest.join("/"), kind: "dataset" };
  if (prefix === "models" && rest.length === 2) return { name: rest.join("/"), kind: "model" };
  return { name: text, kind };
}

function withoutProvider(id: string): string {
  return id.replace(/^([^:/]+\/[^:/]+):[\w.-]+$/, "$1");
}

function revisionOf(options: Node | null, values: JsValues): string | null {
  const revision = options ? values.propertyOf(options, "revision") : null;
  return revision ? (values.stringOf(revision)?.text ?? null) : null;
}

/** The function's own name: `pipeline` of `pipeline(…)`, `from_pretrained` of `AutoModel.from_pretrained(…)`. */
function calleeName(call: Node): string | null {
  const callee = call.childForFieldName("function");
  if (callee?.type === "identifier") return callee.text;
  if (callee?.type === "member_expression") return callee.childForFieldName("property")?.text ?? null;
  return null;
}

function isPipeline(call: Node, scan: FileScan): boolean {
  const callee = call.childForFieldName("function");
  if (callee?.type === "identifier") return scan.pipelineNames.has(callee.text);
  return callee?.childForFieldName("property")?.text === "pipeline";
}

/** The call's arguments without the comments between them; none for a tagged template. */
function argumentsOf(call: Node): Node[] {
  const list = call.childForFieldName("arguments");
  if (list?.type !== "arguments") return [];
  return list.namedChildren.filter((node): node is Node => node !== null && node.type !== "comment");
}

function librariesOf(root: Node): Set<Library> {
  const libraries = new Set<Library>();
  for (const source of moduleSources(root))
    for (const [library, pattern] of LIBRARY_SOURCES) if (pattern.test(source)) libraries.add(library);
  for (const name of root.descendantsOfType(["identifier", "type_identifier"]))
    if (name && INFERENCE_CLASSES.has(name.text)) libraries.add("inference");
  for (const literal of root.descendantsOfType(["string", "template_string"]))
    if (literal && ROUTER_URL.test(literal.text)) libraries.add("router");
  return libraries;
}

/** What the file imports: `import … from "x"`, `export … from "x"`, `require("x")`, `import("x")`. */
function moduleSources(root: Node): string[] {
  const sources: string[] = [];
  for (const statement of root.descendantsOfType(["import_statement", "export_statement"])) {
    const source = statement?.childForFieldName("source");
    if (source) sources.push(source.text.slice(1, -1));
  }
  for (const call of root.descendantsOfType("call_expression")) {
    const callee = call?.childForFieldName("function");
    const loads = callee?.type === "import" || (callee?.type === "identifier" && callee.text === "require");
    const first = call && loads ? argumentsOf(call)[0] : undefined;
    if (first?.type === "string") sources.push(first.text.slice(1, -1));
  }
  return sources;
}

/** `pipeline`, and the names it is imported or destructured as (`{ pipeline as p }`, `{ pipeline: p }`). */
function pipelineNamesOf(root: Node): Set<string> {
  const names = new Set(["pipeline"]);
  for (const binding of root.descendantsOfType(["import_specifier", "pair_pattern"])) {
    const imported = binding?.childForFieldName("name") ?? binding?.childForFieldName("key");
    const local = binding?.childForFieldName("alias") ?? binding?.childForFieldName("value");
    if (imported?.text === "pipeline" && local?.type === "identifier") names.add(local.text);
  }
  return names;
}

function locationOf(call: Node, file: string): CodeLocation {
  return { file, line: call.startPosition.row + 1, column: call.startPosition.column + 1 };
}
