import { parse as parseToml } from "smol-toml";
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar } from "yaml";
import { SourceParseError } from "./extracted.js";
import type { Origin } from "./shell-words.js";

/** A line and column in the file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

/**
 * A parsed config (YAML, JSON or TOML) reduced to what the extractors read: maps with the place of each key, lists,
 * and strings with the place their text starts (for commands read out of them).
 */
export type ConfigNode =
  | { type: "text"; value: string; origin: Origin }
  | { type: "list"; items: ConfigNode[] }
  | { type: "map"; entries: ConfigEntry[] }
  | { type: "other" };

export interface ConfigEntry {
  key: string;
  at: Place;
  value: ConfigNode;
}

const OTHER: ConfigNode = { type: "other" };

/** Every document of a YAML stream (JSON is YAML 1.2, so a JSON file reads the same way and keeps its positions). */
export function yamlTrees(text: string): ConfigNode[] {
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false });
  // A stream that is nothing but broken comes back as one object with errors, not a list.
  const all = Array.isArray(documents) ? documents : [documents];
  for (const document of all) {
    const [error] = document.errors;
    if (error) throw new SourceParseError(error.message.split("\n")[0]!, error.linePos?.[0].line ?? null);
  }
  const reader = new YamlReader(text, lines);
  return all.map((document) => reader.node(document.contents, document));
}

class YamlReader {
  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  node(node: unknown, document: Document): ConfigNode {
    if (isAlias(node)) return this.node(node.resolve(document), document);
    if (isMap(node)) {
      return {
        type: "map",
        entries: node.items.flatMap((pair) => {
          if (!isScalar(pair.key) || pair.key.range == null) return [];
          const { line, col } = this.lines.linePos(pair.key.range[0]);
          const at = { line, column: col };
          return [{ key: String(pair.key.value), at, value: this.node(pair.value, document) }];
        }),
      };
    }
    if (isSeq(node)) return { type: "list", items: node.items.map((item) => this.node(item, document)) };
    if (isScalar(node) && typeof node.value === "string" && node.range) {
      return { type: "text", value: node.value, origin: this.originOf(node) };
    }
    return OTHER;
  }

  /** Where a string scalar's text starts: after its quote, or on the line after a block scalar's `|` / `>` header. */
  private originOf(scalar: Scalar): Origin {
    const start = this.lines.linePos(scalar.range![0]);
    if (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED) {
      const body = this.text.slice(scalar.range![0]).split("\n").slice(1);
      const firstLine = body.find((line) => line.trim() !== "") ?? "";
      const indent = firstLine.length - firstLine.trimStart().length;
      return { line: start.line + 1, column: indent + 1, indent };
    }
    const quoted = scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE;
    return { line: start.line, column: start.col + (quoted ? 1 : 0), indent: 0 };
  }
}

/**
 * A TOML document. smol-toml gives no positions, so each key is found in the text: the line of `key =` under its
 * `[table]` header (or as a dotted key). A key the text does not show that way (inside an inline table) takes the
 * place of the nearest ancestor key that it does show.
 */
export function tomlTree(text: string): ConfigNode {
  let data: unknown;
  try {
    data = parseToml(text);
  } catch (error) {
    const line = (error as { line?: unknown }).line;
    throw new SourceParseError((error as Error).message.split("\n")[0]!, typeof line === "number" ? line : null);
  }
  return tomlNode(data, [], new TomlKeyPlaces(text), { line: 1, column: 1 });
}

function tomlNode(value: unknown, path: string[], places: TomlKeyPlaces, parent: Place): ConfigNode {
  if (typeof value === "string") return { type: "text", value, origin: { ...parent, indent: 0 } };
  if (Array.isArray(value)) return { type: "list", items: value.map((item) => tomlNode(item, path, places, parent)) };
  if (value === null || typeof value !== "object" || value instanceof Date) return OTHER;
  return {
    type: "map",
    entries: Object.entries(value).map(([key, child]) => {
      const childPath = [...path, key];
      const at = places.take(childPath) ?? parent;
      return { key, at, value: tomlNode(child, childPath, places, at) };
    }),
  };
}

/** The places of `key = …` lines by their full dotted path; an array of tables repeats a path, taken in order. */
class TomlKeyPlaces {
  private readonly places = new Map<string, Place[]>();

  constructor(text: string) {
    let table: string[] = [];
    text.split(/\r?\n/).forEach((line, index) => {
      const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
      if (header) {
        table = splitDottedKey(header[1]!);
        return;
      }
      const assignment = /^(\s*)((?:"[^"]*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=/.exec(line);
      if (assignment)
        this.add([...table, ...splitDottedKey(assignment[2]!)], { line: index + 1, column: assignment[1]!.length + 1 });
    });
  }

  take(path: string[]): Place | undefined {
    return this.places.get(JSON.stringify(path))?.shift();
  }

  private add(path: string[], place: Place): void {
    const key = JSON.stringify(path);
    this.places.set(key, [...(this.places.get(key) ?? []), place]);
  }
}

function splitDottedKey(key: string): string[] {
  return [...key.matchAll(/"([^"]*)"|'([^']*)'|([^.\s"']+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
}
