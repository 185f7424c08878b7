import type { JsonObject } from "../../types/snapshot.js";
import { parseYaml, type YamlPath } from "../../util/parse-yaml.js";

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
  locate(path: YamlPath): CardLocation | null;
}

/**
 * The Hub's front-matter delimiters, as huggingface_hub's repocard.py REGEX_YAML_BLOCK reads them:
 * `---` on its own line at the top, the YAML, `---` on its own line.
 */
const FRONT_MATTER = /^(\s*---(?:\r\n|\r|\n))([\s\S]*?)((?:\r\n|\r|\n)---[ \t]*(?:\r\n|\n|$))/;

const NONE: FrontMatter = { data: null, error: null, locate: () => null };

/**
 * Bounds on the front matter lic parses, checked before parsing (the `yaml` package takes about a second for 500 KB).
 * A model card's metadata is a few KB; the largest real ones, embedding models' MTEB `model-index` results, are some
 * 150 KB and 6,000 lines. An upper bound on its keys and items is its lines plus its flow-collection commas.
 */
export const MAX_FRONT_MATTER_CHARS = 512 * 1024;
export const MAX_FRONT_MATTER_ENTRIES = 20_000;

/** Parses a README's YAML front matter; bad YAML is reported in `error`, never thrown. */
export function parseFrontMatter(readme: string): FrontMatter {
  const match = FRONT_MATTER.exec(readme);
  if (!match) return NONE;
  const firstLine = ((match[1] ?? "").match(/\r\n|\r|\n/g) ?? []).length + 1;
  const yaml = match[2] ?? "";
  const tooLarge = whyTooLarge(yaml);
  if (tooLarge) return { ...NONE, error: { reason: tooLarge, line: firstLine } };
  const parsed = parseYaml(yaml, firstLine);
  if (parsed.error) return { ...NONE, error: parsed.error };
  if (parsed.data === null || parsed.data === undefined) return NONE;
  if (typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
    return { ...NONE, error: { reason: "the front matter is not a mapping of keys to values", line: firstLine } };
  }
  const readmeLines = readme.split(/\r\n|\r|\n/);
  const locate = (path: YamlPath): CardLocation | null => {
    const line = parsed.lineOf(path);
    return line === null || path.length === 0 ? null : { line, quote: (readmeLines[line - 1] ?? "").trim() };
  };
  return { data: parsed.data as JsonObject, error: null, locate };
}

/** Why the front matter is too large to parse, or null; linear, and stops counting at the bound. */
export function whyTooLarge(yaml: string): string | null {
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    return `the front matter is too large to read: ${yaml.length.toLocaleString("en-US")} characters, over the ${MAX_FRONT_MATTER_CHARS.toLocaleString("en-US")} lic parses`;
  }
  let entries = 1;
  for (let index = 0; index < yaml.length; index++) {
    const code = yaml.charCodeAt(index);
    const isBreak = code === 10 || code === 44 || (code === 13 && yaml.charCodeAt(index + 1) !== 10);
    if (isBreak && ++entries > MAX_FRONT_MATTER_ENTRIES) {
      return `the front matter is too large to read: more than ${MAX_FRONT_MATTER_ENTRIES.toLocaleString("en-US")} lines and comma-separated items, the most lic parses`;
    }
  }
  return null;
}
