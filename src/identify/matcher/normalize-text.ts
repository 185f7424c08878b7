/**
 * Normalization for license text matching: what is left is the words of the license, sentence by sentence,
 * whatever the formatting (markdown or plain, wrapped at any width, CRLF, a copyright header or not).
 */

/** Stands for a template slot (`<year>`, `<copyright holders>`) in an SPDX reference text. */
export const TEMPLATE_SLOT = "lictemplateslot";

const HTML_TAG =
  /<\/?(?:br|p|div|span|a|b|i|u|strong|em|sup|sub|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|code|pre|hr|img|center|font)\b[^>]*>/gi;
const MARKDOWN_LINK = /!?\[([^\]\n]*)\]\([^)\s]*\)/g;
const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|~>])/g;
/**
 * A copyright notice line: "Copyright (c) 2024 Example Corp.", "© 2023 Foo", "Copyright [yyyy] [name]". Characters
 * beyond ASCII are written as escapes (\u00a9 is ©) in these patterns: the bundled CLI must stay ASCII
 * (scripts/bundle-cli.mjs), and esbuild copies a regular expression's characters as they are.
 * It needs a year or a slot after the symbol, so the notice text a license itself prescribes
 * ("… Copyright © Meta Platforms, Inc. All Rights Reserved.") is kept even where wrapping starts a line with it.
 */
const COPYRIGHT_NOTICE =
  /^[ \t>*#-]*(?:copyright|\(c\)|\u00a9)(?:\s*(?:\(c\)|\u00a9|copyright))*\s*(?:\d{4}|<[^>]*>|\[[^\]]*\]|\{[^}]*\})/i;
/** A paragraph that starts like a notice ("Copyright (c) Microsoft Corporation."), with or without a year. */
const NOTICE_PARAGRAPH = /^[ \t>*#-]*(?:copyright\b|\(c\)|\u00a9)/i;
/** A notice paragraph this short is a notice wrapped over lines; a longer one is a notice with the license under it. */
const MAX_NOTICE_PARAGRAPH = 400;
/** Words that make a paragraph a grant, not a bare notice, however short (`Copyright 1993 X. Permission is granted…`). */
const GRANT_WORDS =
  /permi(?:ssion|tted)|grant|warrant|distribut|freely|free of charge|provided that|as long as|condition|welcome|disclaim/i;
const SENTENCE_END = /(?<=[.!?;:])\s+|\u2029/;
/**
 * List markers ("7. ", "a) ", "(iv) ") start a sentence and are dropped, wherever they stand: copies number and
 * wrap lists differently (markdown renumbers, gate prompts indent, rewrapping joins lines), and a marker left in
 * place would glue onto the sentence before it whenever a list item lacks end punctuation.
 */
const LIST_MARKER = /(^|\s)\(?(?:\d{1,3}|[a-z]|i{1,3}|iv|vi{0,3}|ix|x{1,3})[.)](?=\s)/gi;
const BREAK = "$1\u2029 ";
/** Words, with inner dots and apostrophes kept: "3.1", "u.s", "meta's". */
const TOKEN = /[a-z0-9]+(?:['.][a-z0-9]+)*/g;
/** List numbering left alone once a sentence is split off: "1", "a", "iv". */
const NUMBERING = /^(?:\d{1,3}|[a-z]|[ivxl]{1,5})$/;
/** British spellings and typographic variants that do not change a license's meaning. */
const EQUIVALENT_WORDS: Record<string, string> = { licence: "license", licences: "licenses", licenced: "licensed" };

export interface NormalizeOptions {
  /** Read `<...>` as a template slot (SPDX reference texts), not as words. */
  templates?: boolean;
}

/** The text as sentences of normalized words, each sentence a string of tokens joined by single spaces. */
export function toSentences(text: string, options: NormalizeOptions = {}): string[] {
  let normalized = text
    .normalize("NFKC")
    // Soft hyphens and zero-width characters are invisible: "ac\u00ADcept" is the word "accept", not two.
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/\r\n?/g, "\n")
    .replace(HTML_TAG, " ")
    .replace(MARKDOWN_LINK, "$1")
    .replace(MARKDOWN_ESCAPE, "$1")
    .split(/\n[ \t]*\n/)
    .map(stripCopyrightNotice)
    .join("\n\n")
    // Emphasis markers go before sentences are split: "**a.** Grant" and "a. Grant" must split alike.
    .replace(/\*+|__+/g, "")
    .replace(LIST_MARKER, BREAK)
    .replace(/[\u2018\u2019\u201b`\u00b4]/g, "'") // ‘ ’ ‛ ` ´
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"') // “ ” „ ‟
    .toLowerCase();
  if (options.templates) {
    normalized = normalized
      .replace(/<[^<>\n]{1,60}>/g, ` ${TEMPLATE_SLOT} `)
      // SPDX marks BSD's "the copyright holder" as replaceable; copies name the organization there.
      .replace(/\bthe copyright holder nor\b/g, `${TEMPLATE_SLOT} nor`);
  }
  normalized = normalized
    .replace(/\bnon-commercial\b/g, "noncommercial")
    // Apache-style licenses end their terms with this line, unpunctuated; what follows (an appendix) is not terms.
    .replace(/\bend of terms and conditions\b/g, "end of terms and conditions\u2029");

  const sentences: string[] = [];
  for (const piece of normalized.split(SENTENCE_END)) {
    const tokens = (piece.match(TOKEN) ?? []).map((token) => EQUIVALENT_WORDS[token] ?? token);
    if (tokens.length === 0 || (tokens.length === 1 && NUMBERING.test(tokens[0]!))) continue;
    sentences.push(tokens.join(" "));
  }
  return sentences;
}

/**
 * Drops a copyright notice: a whole short paragraph that starts with one and grants nothing (so a notice wrapped
 * over several lines goes whole, however it was wrapped, year or not), else just the lines that start with a
 * notice and a year (a line inside a paragraph that merely starts "Copyright © Meta…" is license text).
 */
function stripCopyrightNotice(paragraph: string): string {
  const lines = paragraph.split("\n");
  if (NOTICE_PARAGRAPH.test(lines[0] ?? "") && paragraph.length <= MAX_NOTICE_PARAGRAPH && !GRANT_WORDS.test(paragraph))
    return "";
  return lines.filter((line) => !COPYRIGHT_NOTICE.test(line)).join("\n");
}
