import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { JsonObject } from "../types.js";

/** Where a key of the front matter stands in the README: 1-based line and the line's text. */
export interface CardLocation {
  line: number;
  quote: string;
}

export interface FrontMatter {
  /** The parsed metadata; null when the README has no front matter or it is not valid YAML. */
  data: JsonObject | null;
  /** Why the front matter could not be read, with the README line where the YAML parser stopped. */
  error: { reason: string; line: number | null } | null;
  /** Finds where a metadata key (e.g. ["license"] or ["license", 1]) is written in the README. */
  locate(path: (string | number)[]): CardLocation | null;
}

/**
 * The Hub's front-matter delimiters, as huggingface_hub's repocard.py REGEX_YAML_BLOCK reads them:
 * `---` on its own line at the top, the YAML, `---` on its own line.
 */
const FRONT_MATTER = /^(\s*---(?:\r\n|\r|\n))([\s\S]*?)((?:\r\n|\r|\n)---[ \t]*(?:\r\n|\n|$))/;

/**
 * Bound on alias expansion (YAML "billion laughs"): a card that needs more is an attack, not metadata.
 * The `yaml` package throws when a document's aliases would expand past this count.
 */
const MAX_ALIAS_COUNT = 100;

const NONE: FrontMatter = { data: null, error: null, locate: () => null };

/** Parses a README's YAML front matter; bad YAML is reported in `error`, never thrown. */
export function parseFrontMatter(readme: string): FrontMatter {
  const match = FRONT_MATTER.exec(readme);
  if (!match) return NONE;
  const prefix = match[1] ?? "";
  const yamlText = match[2] ?? "";
  const firstLine = countLines(prefix) + 1;
  const readmeLines = readme.split(/\r\n|\r|\n/);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, strict: false });
  const toReadmeLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

  const firstError = doc.errors[0];
  if (firstError) {
    return { ...NONE, error: { reason: firstLine0(firstError.message), line: toReadmeLine(firstError.pos[0]) } };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ...NONE, error: { reason: error instanceof Error ? error.message : String(error), line: null } };
  }
  if (data === null || data === undefined) return NONE;
  if (typeof data !== "object" || Array.isArray(data)) {
    return { ...NONE, error: { reason: "the front matter is not a mapping of keys to values", line: firstLine } };
  }

  const locate = (path: (string | number)[]): CardLocation | null => {
    let node: unknown = doc.contents;
    let anchor: Node | null = null;
    for (const key of path) {
      const step = childOf(node, key);
      if (!step) return null;
      node = step.value;
      anchor = step.anchor;
    }
    const offset = anchor?.range?.[0];
    if (offset === undefined) return null;
    const line = toReadmeLine(offset);
    return { line, quote: (readmeLines[line - 1] ?? "").trim() };
  };
  return { data: data as JsonObject, error: null, locate };
}

/** The node under `key`, and the node that marks where it is written (a mapping's key, a sequence's item). */
function childOf(node: unknown, key: string | number): { value: unknown; anchor: Node } | null {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
    return pair && isScalar(pair.key) ? { value: pair.value, anchor: pair.key } : null;
  }
  if (isSeq(node) && typeof key === "number") {
    const item: unknown = node.items[key];
    return isNode(item) ? { value: item, anchor: item } : null;
  }
  return null;
}

function countLines(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function firstLine0(message: string): string {
  return message.split("\n")[0] ?? message;
}
