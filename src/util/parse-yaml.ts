import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml";
import { parseSimpleYaml, pathKey, type SimpleYaml } from "./parse-simple-yaml.js";

/**
 * Bound on alias expansion (YAML "billion laughs"): a card or policy that needs more is an attack, not data.
 * The `yaml` package throws when a document's aliases would expand past this count.
 */
const MAX_ALIAS_COUNT = 100;

export type YamlPath = (string | number)[];

export interface ParsedYaml {
  /** The data, or undefined when the text does not parse (see `error`). */
  data: unknown;
  /** Why the text could not be read, with the 1-based line where the parser stopped. */
  error: { reason: string; line: number | null } | null;
  /** The 1-based line where a key (`["rules", "osiApproved"]`) or item (`["waivers", 0]`) is written. */
  lineOf(path: YamlPath): number | null;
  /** The line of `path`, or of its nearest parent that is written (a missing key's mapping); 1 when none is. */
  lineNear(path: YamlPath): number;
}

/**
 * Parses YAML safely: errors are returned, never thrown; aliases are bounded; every key can be traced to its line.
 * `firstLine` is the line the text starts at in its file (front matter sits below a `---`).
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const simple = parseSimpleYaml(text, firstLine);
  return simple ? fromSimple(simple, firstLine) : parseFully(text, firstLine);
}

/** The one-pass reader's result (parse-simple-yaml.ts), with the same line lookups. */
function fromSimple({ data, lines }: SimpleYaml, firstLine: number): ParsedYaml {
  const lineOf = (path: YamlPath): number | null => lines.get(pathKey(path)) ?? null;
  return { data, error: null, lineOf, lineNear: (path) => nearestLine(lineOf, path, firstLine) };
}

/** The `yaml` package's document, for text outside the one-pass reader's subset. */
export function parseFully(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  // `uniqueKeys: true` compares each key with every earlier key of its mapping: quadratic, 75 s for a card of 50,000
  // keys. The same check, with the same message, is done below in one pass.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, strict: false, uniqueKeys: false });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf = (path: YamlPath): number | null => {
    let node: unknown = doc.contents;
    let anchor: Node | null = isNode(node) ? node : null;
    for (const key of path) {
      const step = childOf(node, key);
      if (!step) return null;
      node = step.value;
      anchor = step.anchor;
    }
    const offset = anchor?.range?.[0];
    return offset === undefined ? null : toLine(offset);
  };
  const lineNear = (path: YamlPath): number => nearestLine(lineOf, path, firstLine);

  try {
    const firstError = [doc.errors[0], firstDuplicateKey(doc)]
      .filter((error): error is { message: string; pos: [number, number] } => error !== undefined)
      .sort((a, b) => a.pos[0] - b.pos[0])[0];
    if (firstError) {
      return {
        data: undefined,
        error: { reason: firstError.message.split("\n")[0] ?? firstError.message, line: toLine(firstError.pos[0]) },
        lineOf,
        lineNear,
      };
    }
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), error: null, lineOf, lineNear };
  } catch (error) {
    return {
      data: undefined,
      error: { reason: error instanceof Error ? error.message : String(error), line: null },
      lineOf,
      lineNear,
    };
  }
}

/** The line of `path`, or of its nearest parent that is written (the document itself last); `firstLine` if none is. */
function nearestLine(lineOf: (path: YamlPath) => number | null, path: YamlPath, firstLine: number): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const line = lineOf(path.slice(0, depth));
    if (line !== null) return line;
  }
  return firstLine;
}

/**
 * The first key that repeats an earlier key of its mapping, as the `yaml` package's `uniqueKeys: true` reports it
 * ("Map keys must be unique", at the repeated key), found with one set per mapping instead of a scan per key.
 * Scalar keys are equal when their values are (===); other keys (mappings, aliases) never are, as in `yaml`.
 */
function firstDuplicateKey(doc: Document): { message: string; pos: [number, number] } | undefined {
  let found: { message: string; pos: [number, number] } | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (!seen.has(pair.key.value)) {
          seen.add(pair.key.value);
          continue;
        }
        const offset = pair.key.range?.[0] ?? 0;
        if (!found || offset < found.pos[0]) found = { message: "Map keys must be unique", pos: [offset, offset + 1] };
        break;
      }
    },
  });
  return found;
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
