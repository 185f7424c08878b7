import type { JsonObject } from "../types.js";
import { parseYaml, type YamlPath } from "../yaml/parse-yaml.js";

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

/** Parses a README's YAML front matter; bad YAML is reported in `error`, never thrown. */
export function parseFrontMatter(readme: string): FrontMatter {
  const match = FRONT_MATTER.exec(readme);
  if (!match) return NONE;
  const firstLine = ((match[1] ?? "").match(/\r\n|\r|\n/g) ?? []).length + 1;
  const parsed = parseYaml(match[2] ?? "", firstLine);
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
