import { isScalar, type ScalarTag, Schema } from "yaml";

/** What `parseSimpleYaml` read. */
export interface SimpleYaml {
  data: unknown;
  /** 1-based line where each key or item is written, by `pathKey`. */
  lines: Map<string, number>;
}

/**
 * The key of a path in `lines`: each step after a NUL (which no text read here holds), a key after "." and an item
 * bare, so that "0" and 0 differ and a key "a.b" is not the path a, b.
 */
export function pathKey(path: readonly (string | number)[]): string {
  let key = "";
  for (const step of path) key += typeof step === "number" ? itemStep(step) : keyStep(step);
  return key;
}

const keyStep = (key: string) => `\0.${key}`;
const itemStep = (index: number) => `\0${index}`;

/** The core schema's scalar tags that resolve plain scalars by pattern (null, bool, int, float), in yaml's order. */
const PLAIN_TAGS = new Schema({}).tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } => tag.default === true && "test" in tag && tag.test instanceof RegExp,
);
const RESOLVE_OPTIONS = { intAsBigInt: false };
/** Deeper than any real card; the `yaml` package reads deeper documents (and bounds them its own way). */
const MAX_DEPTH = 64;
/** Characters a plain scalar or key may not start with (YAML 1.2 c-indicator), but "-" before a non-space. */
const INDICATORS = new Set([..."?:,[]{}#&*!|>'\"%@`"]);

class NotSimple extends Error {}
const NOT_SIMPLE = new NotSimple();
function notSimple(): never {
  throw NOT_SIMPLE;
}

/**
 * The YAML most front matter is written in, read in one pass over its lines: block mappings and sequences of
 * scalars (plain or quoted, on one line or folded over several, as huggingface_hub's PyYAML writes long values),
 * flow sequences of scalars on one line, and comments. Anything else (block scalars, escapes, anchors, aliases,
 * tags, flow mappings, duplicate keys, tabs, CR line breaks, keys that are not strings, very deep nesting) is not
 * read here but handed back (`undefined`) for the `yaml` package to parse, with its errors and all. Within the
 * subset the result is the `yaml` package's: plain scalars are resolved by its own core-schema tags, and the
 * differential tests hold the two parsers to the same data and the same lines.
 * Why a second reader: `yaml` builds a document of nodes and a CST first, which took some 0.3 ms for a small card
 * and about a second for 500 KB; a card's metadata is read for every model a check or the gate sees.
 * Returns `text`'s data and lines, or undefined when it is not in the subset; `firstLine` is the line the text
 * starts at in its file.
 */
export function parseSimpleYaml(text: string, firstLine = 1): SimpleYaml | undefined {
  // Besides tabs, CR and NUL: every other character String#trim takes for white space (no-break and wide spaces,
  // line separators), which YAML reads as content; indentation and trimming here would disagree with it.
  if (/[\t\r\0\v\f\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/.test(text)) return undefined;
  try {
    return new Reader(text, firstLine).read();
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
}

class Reader {
  private readonly raw: string[];
  /** The lines that hold something: their indent, their content (trimmed at both ends), their index in `raw`. */
  private readonly indents: number[] = [];
  private readonly texts: string[] = [];
  private readonly rows: number[] = [];
  private index = 0;
  /** The current line, or what follows an item's "- " on it (read as a line of its own at that column). */
  private indent = 0;
  private content = "";
  private readonly lines = new Map<string, number>();

  constructor(
    text: string,
    private readonly firstLine: number,
  ) {
    this.raw = text.split("\n");
    for (let row = 0; row < this.raw.length; row++) {
      const line = this.raw[row]!;
      const content = line.trim();
      if (content === "" || content.startsWith("#")) continue;
      if (line.startsWith("---") || line.startsWith("...")) notSimple();
      this.indents.push(indentOf(line));
      this.texts.push(content);
      this.rows.push(row);
    }
  }

  read(): SimpleYaml {
    if (this.texts.length === 0) return { data: null, lines: this.lines };
    this.load(0);
    this.lines.set("", this.line);
    const data = this.collection("", 0);
    if (!this.done) notSimple();
    return { data, lines: this.lines };
  }

  private get done(): boolean {
    return this.index >= this.texts.length;
  }

  private get line(): number {
    return this.rows[this.index]! + this.firstLine;
  }

  private load(index: number): void {
    this.index = index;
    if (index < this.texts.length) {
      this.indent = this.indents[index]!;
      this.content = this.texts[index]!;
    }
  }

  private next(): void {
    this.load(this.index + 1);
  }

  /** Moves to the first line that holds something below raw line `row`. */
  private after(row: number): void {
    let index = this.index;
    while (index < this.rows.length && this.rows[index]! <= row) index++;
    this.load(index);
  }

  private collection(path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) notSimple();
    if (isItem(this.content)) return this.sequence(path, depth);
    return this.mapping(path, depth);
  }

  private mapping(path: string, depth: number): Record<string, unknown> {
    const indent = this.indent;
    const map: Record<string, unknown> = {};
    for (;;) {
      const { key, rest } = splitKey(this.content);
      if (Object.hasOwn(map, key)) notSimple();
      const at = path + keyStep(key);
      this.lines.set(at, this.line);
      let value: unknown;
      if (rest === "") {
        this.next();
        if (!this.done && this.indent > indent) value = this.collection(at, depth + 1);
        else if (!this.done && this.indent === indent && isItem(this.content)) value = this.sequence(at, depth + 1);
        else value = null;
      } else {
        value = this.inline(rest, at, indent);
      }
      map[key] = value;
      if (this.done || this.indent < indent) return map;
      // More indented: a plain scalar going on over lines. At the same indent, an item here is not YAML.
      if (this.indent > indent || isItem(this.content)) notSimple();
    }
  }

  private sequence(path: string, depth: number): unknown[] {
    const indent = this.indent;
    const items: unknown[] = [];
    for (;;) {
      const after = this.content.slice(1);
      const content = after.trimStart();
      const at = path + itemStep(items.length);
      let value: unknown;
      if (content === "") {
        this.next();
        // An empty item (null) is left to yaml: where its node starts is not a line of its own.
        if (this.done || this.indent <= indent) notSimple();
        this.lines.set(at, this.line);
        value = this.collection(at, depth + 1);
      } else if (isItem(content) || isKeyLine(content)) {
        this.lines.set(at, this.line);
        this.indent = indent + 1 + (after.length - content.length);
        this.content = content;
        value = this.collection(at, depth + 1);
      } else {
        this.lines.set(at, this.line);
        value = this.inline(content, at, indent);
      }
      items.push(value);
      if (this.done || this.indent < indent) return items;
      if (this.indent > indent) notSimple();
      // At the same indent, a key is the parent mapping's next (`key:` then `- items` at the key's own indent).
      if (!isItem(this.content)) return items;
    }
  }

  /**
   * A value that starts on the line of its key or item (whose indent is `parent`): a quoted or plain scalar, which
   * may go on over lines indented more than `parent`, a flow sequence, or `{}`. Moves past the lines it took.
   */
  private inline(text: string, path: string, parent: number): unknown {
    const row = this.rows[this.index]!;
    const first = text[0]!;
    if (first === '"' || first === "'") {
      const closed = quotedAt(text);
      if (closed) {
        if (!isEmptyOrComment(text.slice(closed.end))) notSimple();
        this.next();
        return closed.value;
      }
      return this.multiLineQuoted(text, row, parent);
    }
    let value: unknown;
    if (first === "[") value = this.flowSequence(text, path);
    else if (text === "{}") value = {};
    else return this.plain(text, row, parent);
    this.next();
    return value;
  }

  /** A plain scalar, folded over the lines below it that are indented more than `parent` (blank lines kept). */
  private plain(text: string, row: number, parent: number): unknown {
    const lines: (string | null)[] = [firstPlainLine(text)];
    let last = row;
    for (let next = row + 1; next < this.raw.length; next++) {
      const line = this.raw[next]!;
      const content = line.trim();
      if (content === "") {
        lines.push(null);
        continue;
      }
      if (content.startsWith("#") || indentOf(line) <= parent) break;
      // A comment ends the scalar, and a line below it that is indented as if it went on is not YAML.
      if (text.includes(" #") || content.includes(" #")) notSimple();
      lines.push(continuedPlainLine(content));
      last = next;
    }
    while (lines.at(-1) === null) lines.pop();
    this.after(last);
    return resolvePlain(fold(lines));
  }

  /** A quoted scalar that does not close on its first line: folded up to its closing quote. */
  private multiLineQuoted(text: string, row: number, parent: number): string {
    const quote = text[0]!;
    const lines: (string | null)[] = [text.slice(1).trimEnd()];
    for (let next = row + 1; next < this.raw.length; next++) {
      const line = this.raw[next]!;
      const content = line.trim();
      if (content !== "" && indentOf(line) <= parent) notSimple();
      // The line read as if the quote opened it, so that its first quote (not an escaped '') is seen as the close.
      const reopened = quote + content;
      const closed = quotedAt(reopened);
      if (!closed) {
        lines.push(content === "" ? null : content);
        continue;
      }
      if (!isEmptyOrComment(reopened.slice(closed.end))) notSimple();
      lines.push(reopened.slice(1, closed.end - 1).trimEnd());
      this.after(next);
      const folded = fold(lines);
      if (quote === '"' && folded.includes("\\")) notSimple();
      return quote === "'" ? folded.replaceAll("''", "'") : folded;
    }
    return notSimple();
  }

  /** `[a, "b", 3]` on one line, of scalars; `[]`. */
  private flowSequence(text: string, path: string): unknown[] {
    if (!text.endsWith("]") || text.includes("#")) notSimple();
    const inner = text.slice(1, -1).trim();
    const items: unknown[] = [];
    if (inner === "") return items;
    let at = 0;
    for (;;) {
      while (inner[at] === " ") at++;
      let value: unknown;
      const first = inner[at];
      if (first === '"' || first === "'") {
        const read = quoted(inner.slice(at));
        value = read.value;
        at += read.end;
        while (inner[at] === " ") at++;
      } else {
        const comma = inner.indexOf(",", at);
        const end = comma === -1 ? inner.length : comma;
        const plain = inner.slice(at, end).trim();
        if (plain === "" || /[[\]{}:]/.test(plain) || INDICATORS.has(plain[0]!) || isItem(plain)) notSimple();
        value = resolvePlain(plain);
        at = end;
      }
      this.lines.set(path + itemStep(items.length), this.line);
      items.push(value);
      if (at >= inner.length) return items;
      if (inner[at] !== ",") notSimple();
      at++;
      // A trailing comma, or two in a row: yaml's to read.
      if (inner.slice(at).trim() === "" || inner.slice(at).trimStart().startsWith(",")) notSimple();
    }
  }
}

/** Spaces before a line's first character (tabs never reach here). */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isItem(content: string): boolean {
  return content === "-" || content.startsWith("- ");
}

/** Whether `content` is written as `key:` (what follows "- " may be a mapping's first key). */
function isKeyLine(content: string): boolean {
  const first = content[0];
  if (first !== '"' && first !== "'") return keyColon(content) !== -1;
  const key = quotedAt(content);
  return key !== null && content[key.end] === ":";
}

/** `key: rest` (rest without its comment), a plain key that resolves to a string or a quoted one. */
function splitKey(content: string): { key: string; rest: string } {
  let key: string;
  let after: number;
  const first = content[0]!;
  if (first === '"' || first === "'") {
    const read = quoted(content);
    if (content[read.end] !== ":") notSimple();
    key = read.value;
    after = read.end + 1;
  } else {
    const colon = keyColon(content);
    if (colon === -1) notSimple();
    key = content.slice(0, colon).trimEnd();
    if (key === "" || INDICATORS.has(first) || isItem(content) || /[[\]{},#]/.test(key)) notSimple();
    if (resolvePlain(key) !== key) notSimple();
    after = colon + 1;
  }
  if (after < content.length && content[after] !== " ") notSimple();
  if (key === "__proto__" || key === "<<") notSimple();
  const rest = content.slice(after).trimStart();
  return { key, rest: rest.startsWith("#") ? "" : rest };
}

/** Where a plain key ends: the first ":" followed by a space or the end of the line; -1 when there is none. */
function keyColon(content: string): number {
  for (let at = content.indexOf(":"); at !== -1; at = content.indexOf(":", at + 1)) {
    if (at + 1 === content.length || content[at + 1] === " ") return at;
  }
  return -1;
}

/** A one-line quoted scalar at the start of `text`, without escapes: its value and the index after its quote. */
function quoted(text: string): { value: string; end: number } {
  return quotedAt(text) ?? notSimple();
}

/** `quoted`, or null when the quote does not close on this line. */
function quotedAt(text: string): { value: string; end: number } | null {
  const quote = text[0]!;
  if (quote === '"') {
    const close = text.indexOf('"', 1);
    if (close === -1) return null;
    if (text.slice(1, close).includes("\\")) notSimple();
    return { value: text.slice(1, close), end: close + 1 };
  }
  for (let at = 1; at < text.length; at++) {
    if (text[at] !== "'") continue;
    if (text[at + 1] === "'") {
      at++;
      continue;
    }
    return { value: text.slice(1, at).replaceAll("''", "'"), end: at + 1 };
  }
  return null;
}

/**
 * Lines of a flow scalar folded into its value (null: a blank line): a line break between two lines is a space,
 * and each blank line between them a line break instead (YAML 1.2, 6.5 "line folding"). A quoted scalar's last
 * line is never blank, even when its closing quote is all it holds.
 */
function fold(lines: (string | null)[]): string {
  let value = lines[0] ?? "";
  let blanks = 0;
  for (let at = 1; at < lines.length; at++) {
    const line = lines[at];
    if (line === null || line === undefined) {
      blanks++;
      continue;
    }
    value += (blanks === 0 ? " " : "\n".repeat(blanks)) + line;
    blanks = 0;
  }
  return value;
}

/** Whether what follows a closing quote is nothing, or a comment (after a space). */
function isEmptyOrComment(rest: string): boolean {
  const trimmed = rest.trimStart();
  return trimmed === "" || (trimmed.startsWith("#") && trimmed.length < rest.length);
}

/** The first line of a plain scalar after `key: ` or `- `, up to a comment; none that would go on as a key. */
function firstPlainLine(text: string): string {
  if (INDICATORS.has(text[0]!) || isItem(text)) notSimple();
  return continuedPlainLine(text);
}

/** A plain scalar's line without its comment; one that would read as a key or start a comment is yaml's. */
function continuedPlainLine(content: string): string {
  const comment = content.indexOf(" #");
  const plain = (comment === -1 ? content : content.slice(0, comment)).trimEnd();
  if (plain.includes(": ") || plain.endsWith(":") || plain.startsWith("#")) notSimple();
  return plain;
}

/** A plain scalar's value as yaml's core schema gives it: null, a boolean, a number, else the string itself. */
function resolvePlain(plain: string): unknown {
  for (const tag of PLAIN_TAGS) {
    if (!tag.test.test(plain)) continue;
    const resolved = tag.resolve(plain, notSimple, RESOLVE_OPTIONS as never);
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return plain;
}
