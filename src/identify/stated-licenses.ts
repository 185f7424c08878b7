import type { Catalog } from "../catalog/catalog.js";

/** A license the README's license section names for the model, in words: "released under CC BY-NC 4.0". */
export interface StatedLicense {
  id: string;
  /** 1-based line in the README. */
  line: number;
  /** The sentence that names it, trimmed. */
  quote: string;
}

/**
 * A phrase that puts the model under a license: "licensed under", "released under the terms of", "governed by",
 * "subject to". What follows is a candidate name; only a catalog name or id (matched as `license_name` is:
 * `catalog.byName`) makes it a license, so "the license", "Apache" alone or "an open license" name nothing.
 */
const UNDER =
  /\b(?:licen[cs]ed|released|distributed|available|provided|published|shared|offered|governed|subject)\b(?:[ \t]+[a-z]+){0,2}?[ \t]+(?:under|by|to)[ \t]+(?:the[ \t]+)?(?:terms[ \t]+(?:and[ \t]+conditions[ \t]+)?of[ \t]+(?:the[ \t]+)?)?/gi;

/**
 * A sentence about something other than the model's own license: its training data, its code, a dependency.
 * (Cards say "the dataset is licensed under CC BY 4.0" beside the model's own terms.)
 */
const OTHER_SUBJECT =
  /\b(?:data(?:sets?)?|corpus|corpora|code(?:base)?|scripts?|software|libraries|library|dependenc(?:y|ies))\b/i;
const MAX_NAME_WORDS = 8;
const TRAILING_LICENSE = /[ \t-]+(?:community[ \t-]+)?(?:licen[cs]e)(?:[ \t-]+agreement)?$/i;

/**
 * The licenses a README license section names for the model (`section` starts at README line `firstLine`). A name
 * is the longest run of words after a licensing phrase that the catalog knows, with or without a trailing "license".
 */
export function statedLicenses(section: string, firstLine: number, catalog: Catalog): StatedLicense[] {
  const stated: StatedLicense[] = [];
  for (const match of section.matchAll(UNDER)) {
    const at = match.index + match[0].length;
    const sentence = sentenceAround(section, match.index, at);
    if (OTHER_SUBJECT.test(sentence)) continue;
    const id = nameAt(section.slice(at), catalog);
    if (!id || stated.some((item) => item.id === id)) continue;
    stated.push({ id, line: firstLine + countNewlines(section.slice(0, match.index)), quote: sentence.slice(0, 200) });
  }
  return stated;
}

function nameAt(rest: string, catalog: Catalog): string | null {
  // The name ends at a clause break; markdown emphasis, code spans and a link's brackets are not part of it.
  const clause = rest
    .split(/[,;:()\n]|\.(?:\s|$)/, 1)[0]!
    .replace(/[*_`[\]]/g, "")
    .trim();
  const words = clause.split(/\s+/).filter(Boolean).slice(0, MAX_NAME_WORDS);
  for (let length = words.length; length > 0; length--) {
    const candidate = words.slice(0, length).join(" ");
    const bare = candidate.replace(TRAILING_LICENSE, "");
    const entry = catalog.byName(candidate) ?? (bare !== candidate && bare ? catalog.byName(bare) : undefined);
    if (entry) return entry.key;
  }
  return null;
}

/** The sentence holding [start, end): from the previous sentence end or blank line to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const breaks = [...before.matchAll(/[.!?](?=\s)|\n\s*\n|\n[ \t]*[-*#]/g)];
  const from = breaks.length > 0 ? breaks.at(-1)!.index + breaks.at(-1)![0].length : 0;
  const after = /[.!?](?=\s|$)|\n\s*\n/.exec(text.slice(end));
  const to = after ? end + after.index + 1 : text.length;
  return text.slice(from, to).replace(/\s+/g, " ").trim();
}

function countNewlines(text: string): number {
  return text.split("\n").length - 1;
}
