import type { Parser } from "web-tree-sitter";
import { extractJson, extractToml, extractYaml } from "./extract/config.js";
import { extractDockerfile } from "./extract/dockerfile.js";
import { extractDotenv } from "./extract/dotenv.js";
import type { Extracted } from "./extract/extracted.js";
import { extractJavaScript, mayLoadInJavaScript } from "./extract/javascript.js";
import { extractNotebook } from "./extract/notebook.js";
import { extractPython } from "./extract/python.js";
import { mayLoadInPython } from "./extract/python-loaders.js";
import { extractShell } from "./extract/shell.js";
import type { Grammar } from "./parsers.js";

/** How one kind of file is read: with a syntax tree (a grammar) or a parser of its own. */
export type FileExtractor = (
  | { grammar: Grammar; extract: (text: string, file: string, parser: Parser) => Extracted }
  | { grammar: null; extract: (text: string, file: string) => Extracted }
) & {
  maxBytes: number;
  /** A cheap test on the text: false when no loading call can be in it, so the file needs no parse. */
  mayLoad: (text: string) => boolean;
};

/** A source file larger than this is generated or data, not code someone reviews: skipped with a note. */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/** Notebooks carry their outputs (images, tables) beside the code. */
const MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024;

const always = () => true;
const python = (extract: (text: string, file: string, parser: Parser) => Extracted, maxBytes = MAX_SOURCE_BYTES) =>
  ({ grammar: "python", extract, maxBytes, mayLoad: mayLoadInPython }) as const;
const javascript = (grammar: Grammar) =>
  ({ grammar, extract: extractJavaScript, maxBytes: MAX_SOURCE_BYTES, mayLoad: mayLoadInJavaScript }) as const;
const plain = (extract: (text: string, file: string) => Extracted) =>
  ({ grammar: null, extract, maxBytes: MAX_SOURCE_BYTES, mayLoad: always }) as const;

const BY_EXTENSION: Record<string, FileExtractor> = {
  py: python(extractPython),
  pyw: python(extractPython),
  ipynb: python(extractNotebook, MAX_NOTEBOOK_BYTES),
  js: javascript("javascript"),
  mjs: javascript("javascript"),
  cjs: javascript("javascript"),
  jsx: javascript("javascript"),
  ts: javascript("typescript"),
  mts: javascript("typescript"),
  cts: javascript("typescript"),
  tsx: javascript("tsx"),
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
