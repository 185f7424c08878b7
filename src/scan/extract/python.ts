import type { Node, Parser } from "web-tree-sitter";
import type { CodeLocation, CodeReference } from "../../types/code-reference.js";
import { type Extracted, expressionText } from "./extracted.js";
import { hubIdOf, isLegacyModelName, isPinned } from "./hub-id.js";
import {
  AUTO_PEFT_MODEL,
  FROM_PRETRAINED_LIBRARIES,
  fromPretrained,
  type Loader,
  NAMED_LOADERS,
  PEFT_MODEL,
} from "./python-loaders.js";

/** One piece of Python source and where its rows stand in the scanned file (a notebook cell sits inside the JSON). */
export interface PythonSource {
  text: string;
  /** The 1-based line in the scanned file of a 0-based row of `text`. */
  lineOf: (row: number) => number;
}

/** The Hub repos a Python file loads. */
export function extractPython(text: string, file: string, parser: Parser): Extracted {
  return extractPythonSources([{ text, lineOf: (row) => row + 1 }], file, parser);
}

/**
 * The Hub repos that pieces of Python run in order load (the cells of a notebook): they share one module, so a
 * constant or an import of one piece is seen by the others.
 */
export function extractPythonSources(sources: readonly PythonSource[], file: string, parser: Parser): Extracted {
  const trees = sources.map((source) => parser.parse(source.text));
  try {
    const parsed = sources.flatMap((source, index) => {
      const tree = trees[index];
      return tree ? [{ source, root: tree.rootNode }] : [];
    });
    const module = moduleOf(parsed.map(({ root }) => root));
    const found: Extracted = { references: [], dynamic: [] };
    for (const { source, root } of parsed) {
      for (const call of root.descendantsOfType("call")) extractCall(call, { module, file, source }, found);
    }
    return found;
  } finally {
    for (const tree of trees) tree?.delete();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The module: its imports and its names

/** A name's bindings in one scope: the value of each simple assignment, null for any other binding (a loop, a tuple). */
type Bindings = Map<string, (Node | null)[]>;

interface Module {
  /** A bound name → the module it was imported from (`from transformers import AutoModel`: AutoModel → transformers). */
  origins: Map<string, string>;
  /** A name an import renamed → the name its module gives it (`from huggingface_hub import hf_hub_download as get`). */
  renamed: Map<string, string>;
  /** The top-level packages the file imports in any form (`from datasets import *` included). */
  packages: Set<string>;
  bindings: Bindings;
}

interface CallContext {
  module: Module;
  file: string;
  source: PythonSource;
}

function moduleOf(roots: readonly Node[]): Module {
  const module: Module = { origins: new Map(), renamed: new Map(), packages: new Set(), bindings: new Map() };
  for (const root of roots) {
    for (const statement of root.descendantsOfType(["import_statement", "import_from_statement"])) {
      readImport(statement, module);
    }
    collectBindings(root, module.bindings, new Set());
    // A function that declares a name `global` assigns it: one more binding of the module's, so no constant.
    for (const statement of root.descendantsOfType("global_statement")) {
      for (const name of statement.namedChildren) bind(module.bindings, name.text, null);
    }
  }
  return module;
}

function readImport(statement: Node, module: Module): void {
  const from = statement.childForFieldName("module_name");
  if (from) {
    if (from.type === "relative_import") return;
    module.packages.add(packageOf(from.text));
    for (const name of statement.childrenForFieldName("name")) {
      module.origins.set(boundName(name), from.text);
      if (name.type === "aliased_import") module.renamed.set(boundName(name), name.childForFieldName("name")!.text);
    }
    return;
  }
  for (const name of statement.childrenForFieldName("name")) {
    const dotted = name.type === "aliased_import" ? name.childForFieldName("name")!.text : name.text;
    module.packages.add(packageOf(dotted));
    // `import a.b` binds `a` (to package a); `import a.b as c` binds `c` to a.b.
    const bound = boundName(name);
    module.origins.set(bound, name.type === "aliased_import" ? dotted : bound);
  }
}

/** The name an imported item binds: its alias, else the first part of its dotted name. */
function boundName(name: Node): string {
  if (name.type === "aliased_import") return name.childForFieldName("alias")!.text;
  return name.text.split(".")[0]!;
}

function packageOf(module: string): string {
  return module.split(".")[0]!;
}

/**
 * The names a scope's own statements bind, through its compound statements (an `if` at module level still binds a
 * global) but not into nested functions and classes, which have scopes of their own.
 */
function collectBindings(node: Node, bindings: Bindings, globals: Set<string>): void {
  for (const child of node.namedChildren) {
    switch (child.type) {
      case "assignment":
        // Its value holds no binding of this scope, and a chain (`A = B = "x"`) binds each name once, here.
        bindAssignment(child, bindings);
        continue;
      case "augmented_assignment":
      case "for_statement":
      case "named_expression":
        bindTargets(child.childForFieldName("left") ?? child.childForFieldName("name"), bindings);
        break;
      case "as_pattern_target":
        bindTargets(child, bindings);
        break;
      case "global_statement":
        for (const name of child.namedChildren) globals.add(name.text);
        break;
      case "function_definition":
      case "class_definition":
        bindTargets(child.childForFieldName("name"), bindings);
        continue;
      case "lambda":
        continue;
    }
    collectBindings(child, bindings, globals);
  }
}

/** `A = "x"`, `A: str = "x"` and `A = B = "x"` give their names the value; a tuple or attribute target is no constant. */
function bindAssignment(assignment: Node, bindings: Bindings): void {
  const targets: Node[] = [];
  let value: Node | null = assignment;
  while (value?.type === "assignment") {
    const left = value.childForFieldName("left");
    if (left) targets.push(left);
    value = value.childForFieldName("right");
  }
  // An annotation without a value (`A: str`) declares, it binds nothing.
  if (!value) return;
  for (const target of targets) {
    if (target.type === "identifier") bind(bindings, target.text, value);
    else bindTargets(target, bindings);
  }
}

function bindTargets(target: Node | null, bindings: Bindings): void {
  if (!target) return;
  if (target.type === "identifier") bind(bindings, target.text, null);
  else for (const name of target.descendantsOfType("identifier")) bind(bindings, name.text, null);
}

function bind(bindings: Bindings, name: string, value: Node | null): void {
  const values = bindings.get(name);
  if (values) values.push(value);
  else bindings.set(name, [value]);
}

// ---------------------------------------------------------------------------------------------------------------
// Values: what a repo or revision argument resolves to

type Resolution =
  | { kind: "string"; value: string; env?: string }
  /** Computed at run time: a parameter, `os.environ["X"]`, `args.model`, a call. */
  | { kind: "dynamic" }
  /** A model object a loading call of its own returned (`pipeline(model=model)`): that call is the reference. */
  | { kind: "loaded" };

const DYNAMIC: Resolution = { kind: "dynamic" };
/** Constants that name constants: deeper than this is a cycle (`A = B`, `B = A`). */
const MAX_DEPTH = 16;

function resolve(node: Node, module: Module, depth = 0): Resolution {
  if (depth > MAX_DEPTH) return DYNAMIC;
  switch (node.type) {
    case "string":
      return resolveString(node, module, depth);
    case "concatenated_string":
      return joined(node.namedChildren.map((part) => resolve(part, module, depth + 1)));
    case "binary_operator":
      return node.childForFieldName("operator")?.text === "+"
        ? joined(
            [node.childForFieldName("left"), node.childForFieldName("right")].map((side) =>
              resolveOrDynamic(side, module, depth),
            ),
          )
        : DYNAMIC;
    case "parenthesized_expression":
      return node.namedChildren.length === 1 ? resolve(node.namedChildren[0]!, module, depth + 1) : DYNAMIC;
    case "identifier":
      return resolveName(node, module, depth);
    case "attribute":
      return resolveClassConstant(node, module, depth);
    case "call":
      return resolveEnvDefault(node, module, depth);
    default:
      return DYNAMIC;
  }
}

function resolveOrDynamic(node: Node | null, module: Module, depth: number): Resolution {
  return node ? resolve(node, module, depth + 1) : DYNAMIC;
}

/** Strings put together: a string when every part is one, carrying the environment variable any part names. */
function joined(parts: readonly Resolution[]): Resolution {
  let value = "";
  let env: string | undefined;
  for (const part of parts) {
    if (part.kind !== "string") return DYNAMIC;
    value += part.value;
    env ??= part.env;
  }
  return env === undefined ? { kind: "string", value } : { kind: "string", value, env };
}

function resolveString(node: Node, module: Module, depth: number): Resolution {
  const prefix = (node.child(0)?.text ?? "").replace(/["']/g, "").toLowerCase();
  if (prefix.includes("b")) return DYNAMIC;
  const raw = prefix.includes("r");
  const formatted = prefix.includes("f") || prefix.includes("t");
  const parts: Resolution[] = [];
  for (const child of node.namedChildren) {
    if (child.type === "string_content" || child.type === "escape_sequence") {
      const text = raw ? child.text : decodeEscapes(child.text);
      parts.push({ kind: "string", value: formatted ? text.replace(/\{\{/g, "{").replace(/\}\}/g, "}") : text });
    } else if (child.type === "interpolation") {
      parts.push(resolveInterpolation(child, module, depth));
    }
  }
  return joined(parts);
}

/** `{NAME}` in an f-string; a conversion or a format (`{NAME!r}`, `{N:03d}`) changes the text: dynamic. */
function resolveInterpolation(interpolation: Node, module: Module, depth: number): Resolution {
  const expression = interpolation.childForFieldName("expression");
  if (!expression || interpolation.namedChildren.length !== 1) return DYNAMIC;
  return resolve(expression, module, depth + 1);
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "\n": "" };

function decodeEscapes(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (whole, code: string) => {
    if (code.length > 1) return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
    return ESCAPES[code] ?? whole;
  });
}

/**
 * A name's value where it is used: the innermost function that binds it (a parameter is dynamic), then the module.
 * A name bound more than once in its scope is no constant.
 */
function resolveName(name: Node, module: Module, depth: number): Resolution {
  const values = bindingOf(name) ?? module.bindings.get(name.text);
  if (values === undefined || values.length !== 1 || values[0] === null) return DYNAMIC;
  return resolveValue(values[0]!, module, depth);
}

function resolveValue(value: Node, module: Module, depth: number): Resolution {
  if (value.type === "call" && loaderOf(value, module)) return { kind: "loaded" };
  return resolve(value, module, depth + 1);
}

/** The bindings of a name in the functions around it, innermost first: undefined when only the module binds it. */
function bindingOf(name: Node): (Node | null)[] | undefined {
  let inFunction = false;
  for (let scope = name.parent; scope; scope = scope.parent) {
    // A class body is a scope for the statements right in it, not for its methods (Python skips it there).
    if (scope.type === "class_definition" && !inFunction) {
      const values = scopeBindings(scope).bindings.get(name.text);
      if (values) return values;
    }
    if (scope.type !== "function_definition" && scope.type !== "lambda") continue;
    inFunction = true;
    if (parameterNames(scope).has(name.text)) return [null];
    const { bindings, globals } = scopeBindings(scope);
    if (globals.has(name.text)) return undefined;
    const values = bindings.get(name.text);
    if (values) return values;
  }
  return undefined;
}

/** The names a function's or class's body binds, and those it declares global. */
function scopeBindings(scope: Node): { bindings: Bindings; globals: Set<string> } {
  const bindings: Bindings = new Map();
  const globals = new Set<string>();
  const body = scope.childForFieldName("body");
  if (body) collectBindings(body, bindings, globals);
  return { bindings, globals };
}

function parameterNames(scope: Node): Set<string> {
  const names = new Set<string>();
  for (const parameter of scope.childForFieldName("parameters")?.namedChildren ?? []) {
    const name =
      parameter.type === "identifier"
        ? parameter
        : (parameter.childForFieldName("name") ?? parameter.namedChildren.find((child) => child.type === "identifier"));
    if (name) names.add(name.text);
  }
  return names;
}

/** `self.MODEL_ID` or `cls.MODEL_ID` in a method: a constant of the class body (bound once there). */
function resolveClassConstant(attribute: Node, module: Module, depth: number): Resolution {
  const owner = attribute.childForFieldName("object")?.text;
  const field = attribute.childForFieldName("attribute")?.text;
  if ((owner !== "self" && owner !== "cls") || !field) return DYNAMIC;
  let scope = attribute.parent;
  while (scope && scope.type !== "class_definition") scope = scope.parent;
  if (!scope) return DYNAMIC;
  const values = scopeBindings(scope).bindings.get(field);
  if (values === undefined || values.length !== 1 || values[0] === null) return DYNAMIC;
  return resolveValue(values[0]!, module, depth);
}

/** `os.environ.get("X", "org/name")`, `os.getenv("X", "org/name")`: the default, which the variable `X` can override. */
function resolveEnvDefault(call: Node, module: Module, depth: number): Resolution {
  if (!isEnvLookup(call.childForFieldName("function"), module)) return DYNAMIC;
  const args = argumentsOf(call);
  const key = argumentAt(args, 0, ["key"]);
  const fallback = argumentAt(args, 1, ["default"]);
  if (!fallback?.node) return DYNAMIC;
  const value = resolve(fallback.node, module, depth + 1);
  if (value.kind !== "string") return DYNAMIC;
  const name = key?.node ? resolve(key.node, module, depth + 1) : DYNAMIC;
  return name.kind === "string" ? { kind: "string", value: value.value, env: name.value } : value;
}

function isEnvLookup(callee: Node | null, module: Module): boolean {
  if (callee?.type === "identifier") return callee.text === "getenv" && module.origins.get("getenv") === "os";
  if (callee?.type !== "attribute") return false;
  const owner = callee.childForFieldName("object")?.text;
  const method = callee.childForFieldName("attribute")?.text;
  if (method === "getenv") return owner === "os";
  return (
    method === "get" && (owner === "os.environ" || (owner === "environ" && module.origins.get("environ") === "os"))
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Arguments

interface Arguments {
  /** In order; a `*args` among them makes the positions after it unknown. */
  positional: Node[];
  keywords: Map<string, Node>;
  /** A `**kwargs`: it may hold any keyword. */
  keywordSplat: Node | null;
}

/** An argument as a loading call gets it: its node, or the splat that may hold it. */
interface Argument {
  node: Node | null;
  splat: Node | null;
}

function argumentsOf(call: Node): Arguments {
  const args: Arguments = { positional: [], keywords: new Map(), keywordSplat: null };
  const list = call.childForFieldName("arguments");
  if (!list) return args;
  // `f(x for x in xs)`: the generator is the one positional argument.
  if (list.type !== "argument_list") return { ...args, positional: [list] };
  for (const child of list.namedChildren) {
    if (child.type === "keyword_argument") {
      const name = child.childForFieldName("name")?.text;
      const value = child.childForFieldName("value");
      if (name && value) args.keywords.set(name, value);
    } else if (child.type === "dictionary_splat") {
      args.keywordSplat ??= child;
    } else if (child.type !== "comment") {
      args.positional.push(child);
    }
  }
  return args;
}

/** The argument at a position or under one of its keywords; null when the call does not pass it. */
function argumentAt(args: Arguments, position: number, keywords: readonly string[]): Argument | null {
  for (const keyword of keywords) {
    const node = args.keywords.get(keyword);
    if (node) return { node, splat: null };
  }
  const splat = args.positional.slice(0, position + 1).find((node) => node.type === "list_splat");
  if (splat) return { node: null, splat };
  const node = args.positional[position];
  if (node) return { node, splat: null };
  return args.keywordSplat ? { node: null, splat: args.keywordSplat } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading calls

/** The loader a call is, or null when it loads nothing from the Hub. */
function loaderOf(call: Node, module: Module): Loader | null {
  const callee = call.childForFieldName("function");
  if (callee?.type === "identifier") return importedLoader(callee.text, module);
  if (callee?.type !== "attribute") return null;
  const name = callee.childForFieldName("attribute")?.text;
  const receiver = callee.childForFieldName("object");
  if (!name || !receiver) return null;
  if (name === "from_pretrained") return fromPretrainedLoader(receiver, module);
  return attributeLoader(name, receiver, module);
}

/**
 * A loader called by the name it was imported under: `pipeline(…)` imported from transformers (renamed or not), or a
 * name no import binds in a file that imports its library (`from transformers import *`).
 */
function importedLoader(bound: string, module: Module): Loader | null {
  const named = NAMED_LOADERS.get(originalName(bound, module));
  if (!named) return null;
  const origin = module.origins.get(bound);
  const fromLibrary = origin === undefined ? module.packages.has(named.library) : packageOf(origin) === named.library;
  return fromLibrary ? named.loader : null;
}

/** A loader called on a receiver: its imported module (`transformers.pipeline(…)`), or any for distinctive names. */
function attributeLoader(name: string, receiver: Node, module: Module): Loader | null {
  const named = NAMED_LOADERS.get(name);
  if (!named) return null;
  if (named.anyReceiver) return named.loader;
  const root = rootName(receiver);
  const origin = root === null ? undefined : module.origins.get(root);
  return origin !== undefined && packageOf(origin) === named.library ? named.loader : null;
}

function fromPretrainedLoader(receiver: Node, module: Module): Loader {
  const className =
    receiver.type === "attribute" ? receiver.childForFieldName("attribute")?.text : originalName(receiver.text, module);
  if (className?.startsWith("PeftModel")) return PEFT_MODEL;
  if (className?.startsWith("AutoPeftModel")) return AUTO_PEFT_MODEL;
  return fromPretrained(libraryOf(receiver, module));
}

/**
 * The library a `from_pretrained` receiver comes from: the import of its first name, else the one loading library the
 * file imports (`model_class.from_pretrained` in a file that imports only diffusers), else none.
 */
function libraryOf(receiver: Node, module: Module): string | null {
  const root = rootName(receiver);
  const origin = root === null ? undefined : module.origins.get(root);
  if (origin !== undefined && FROM_PRETRAINED_LIBRARIES.has(packageOf(origin))) return packageOf(origin);
  const imported = [...FROM_PRETRAINED_LIBRARIES].filter((library) => module.packages.has(library));
  return imported.length === 1 ? imported[0]! : null;
}

/** The name a module gives what the file imports under another name. */
function originalName(bound: string, module: Module): string {
  return module.renamed.get(bound) ?? bound;
}

/** The first name of a receiver chain: `transformers` of `transformers.AutoModel`, `HfApi` of `HfApi()`. */
function rootName(node: Node): string | null {
  if (node.type === "identifier") return node.text;
  if (node.type === "attribute") return rootName(node.childForFieldName("object")!);
  if (node.type === "call") return rootName(node.childForFieldName("function")!);
  return null;
}

function extractCall(call: Node, context: CallContext, found: Extracted): void {
  const loader = loaderOf(call, context.module);
  if (!loader) return;
  const args = argumentsOf(call);
  const repo = argumentAt(args, loader.position, loader.keywords);
  if (!repo) return;
  const kind = repoKindOf(loader, args, context.module);
  if (kind === null) return;
  const place = placeOf(call, context);
  const value = repo.node ? resolve(repo.node, context.module) : DYNAMIC;
  if (value.kind === "loaded") return;
  if (value.kind === "dynamic") {
    found.dynamic.push({ ...place, via: loader.via, expression: expressionText((repo.node ?? repo.splat)!.text) });
    return;
  }
  if (loader.builders?.has(value.value)) return;
  // A string that is no Hub id is a local path: the loader reads a folder, nothing to report.
  const id = hubIdOf(namedAsLoaded(value.value, loader), kind === "dataset" ? "dataset-call" : "call");
  if (id === null) return;
  const revision = revisionOf(args, context.module);
  const reference: CodeReference = { ...place, id, kind, revision, pinned: isPinned(revision), via: loader.via };
  if (value.env !== undefined) reference.env = value.env;
  if (loader.adapter) reference.adapter = true;
  found.references.push(reference);
}

/**
 * The repo a name loads. sentence-transformers takes a bare name that is no local folder nor a plain transformers
 * model as one of its own (`all-mpnet-base-v2` is `sentence-transformers/all-mpnet-base-v2`): SentenceTransformer.py,
 * `__MODEL_HUB_ORGANIZATION__`. https://github.com/UKPLab/sentence-transformers
 */
function namedAsLoaded(name: string, loader: Loader): string {
  const own =
    loader.via === "sentence_transformers.SentenceTransformer" || loader.via === "sentence_transformers.CrossEncoder";
  if (
    !own ||
    name.includes("/") ||
    isLegacyModelName(name) ||
    hubIdOf(`sentence-transformers/${name}`, "value") === null
  )
    return name;
  return `sentence-transformers/${name}`;
}

/** The repo's kind; null for a Space (`repo_type="space"`), which is no model or dataset to check. */
function repoKindOf(loader: Loader, args: Arguments, module: Module): CodeReference["kind"] | null {
  const repoType = loader.repoTyped ? args.keywords.get("repo_type") : undefined;
  if (!repoType) return loader.kind;
  const value = resolve(repoType, module);
  if (value.kind !== "string") return loader.kind;
  if (value.value === "dataset") return "dataset";
  return value.value === "space" ? null : loader.kind;
}

function revisionOf(args: Arguments, module: Module): string | null {
  const node = args.keywords.get("revision");
  const value = node ? resolve(node, module) : DYNAMIC;
  return value.kind === "string" ? value.value : null;
}

function placeOf(call: Node, context: CallContext): CodeLocation {
  const { row, column } = call.startPosition;
  return { file: context.file, line: context.source.lineOf(row), column: column + 1 };
}
