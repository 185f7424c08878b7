import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

/** The grammars lic parses code with, each a `.wasm` file its npm package ships (no native build step). */
const GRAMMARS = {
  python: "tree-sitter-python/tree-sitter-python.wasm",
  javascript: "tree-sitter-javascript/tree-sitter-javascript.wasm",
  typescript: "tree-sitter-typescript/tree-sitter-typescript.wasm",
  tsx: "tree-sitter-typescript/tree-sitter-tsx.wasm",
} as const;

export type Grammar = keyof typeof GRAMMARS;

const require = createRequire(import.meta.url);
let runtime: Promise<void> | null = null;
const parsers = new Map<Grammar, Promise<Parser>>();

/**
 * A parser for one grammar, made once per process: the runtime and each grammar load on first use, so a tree with
 * no Python never loads the Python grammar (~20 ms each).
 */
export function parserFor(grammar: Grammar): Promise<Parser> {
  let parser = parsers.get(grammar);
  if (!parser) {
    runtime ??= Parser.init();
    parser = runtime.then(async () => {
      const language = await Language.load(require.resolve(GRAMMARS[grammar]));
      const made = new Parser();
      made.setLanguage(language);
      return made;
    });
    parsers.set(grammar, parser);
  }
  return parser;
}
