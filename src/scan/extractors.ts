import type { Parser } from "web-tree-sitter";
import { extractJson, extractToml, extractYaml } from "./extract/config.js";
import { extractDockerfile } from "./extract/dockerfile.js";
import { extractDotenv } from "./extract/dotenv.js";
import type { Extracted } from "./extract/extracted.js";
import { extractJavaScript } from "./extract/javascript.js";
import { extractNotebook } from "./extract/notebook.js";
import { extractPython } from "./extract/python.js";
import { extractShell } from "./extract/shell.js";
import type { Grammar } from "./parsers.js";

/** How one kind of file is read: with a syntax tree (a grammar) or a parser of its own. */
export type FileExtractor =
  | { grammar: Grammar; extract: (text: string, file: string, parser: Parser) => Extracted; maxBytes: number }
  | { grammar: null; extract: (text: string, file: string) => Extracted; maxBytes: number };

/** A source file larger than this is generated or data, not code someone reviews: skipped with a note. */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** Notebooks carry their outputs (images, tables) beside the code. */
const MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024;

const withTree = (grammar: Grammar, extract: (text: string, file: string, parser: Parser) => Extracted) =>
  ({ grammar, extract, maxBytes: MAX_SOURCE_BYTES }) as const;
const plain = (extract: (text: string, file: string) => Extracted) =>
  ({ grammar: null, extract, maxBytes: MAX_SOURCE_BYTES }) as const;

const BY_EXTENSION: Record<string, FileExtractor> = {
  py: withTree("python", extractPython),
  pyw: withTree("python", extractPython),
  ipynb: { grammar: "python", extract: extractNotebook, maxBytes: MAX_NOTEBOOK_BYTES },
  js: withTree("javascript", extractJavaScript),
  mjs: withTree("javascript", extractJavaScript),
  cjs: withTree("javascript", extractJavaScript),
  jsx: withTree("javascript", extractJavaScript),
  ts: withTree("typescript", extractJavaScript),
  mts: withTree("typescript", extractJavaScript),
  cts: withTree("typescript", extractJavaScript),
  tsx: withTree("tsx", extractJavaScript),
  yaml: plain(extractYaml),
  yml: plain(extractYaml),
  json: plain(extractJson),
  toml: plain(extractToml),
  env: plain(extractDotenv),
  sh: plain(extractShell),
  bash: plain(extractShell),
  zsh: plain(extractShell),
  dockerfile: plain(extractDockerfile),
};

/** Files that are data a tool writes, never a reference a person made: lock files and type declarations. */
const NOT_SOURCES =
  /^(?:package-lock\.json|npm-shrinkwrap\.json|composer\.lock|.*\.d\.[cm]?ts|.*\.min\.js|tsconfig.*\.json)$/;

/** The extractor for a file, by its name; null for files lic does not read. */
export function extractorFor(name: string): FileExtractor | null {
  if (NOT_SOURCES.test(name)) return null;
  if (/^(?:Dockerfile|Containerfile|Modelfile)(?:\..+)?$/.test(name)) return BY_EXTENSION.dockerfile!;
  if (/^\.env(?:\..+)?$/.test(name)) return BY_EXTENSION.env!;
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? null : (BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null);
}
