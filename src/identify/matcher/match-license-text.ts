import { fingerprint, hash32 } from "./fingerprint.js";
import type { Reference, ReferenceLibrary } from "./reference-library.js";

/**
 * A reference whose word 3-grams the text contains at least this share of is a candidate: the same license,
 * another version of it, or an edited copy. Versions of one license differ by a few percent (Llama 3.1 and 3.2
 * by their names and dates), so which candidate it is comes from the best score, and whether it is that
 * license unchanged comes from comparing sentences.
 */
export const CANDIDATE_SCORE = 0.8;
/** A further license in the same text (an appended use policy) must explain this share of what is left. */
const FURTHER_MATCH_SCORE = 0.5;
/** A reference is compared in full only when its sketch says the text may contain this much of it. */
const SKETCH_SCORE = 0.5;
const MAX_DIFFERENCES = 8;
const MAX_QUOTE = 240;

export interface LicenseTextMatch {
  /** A catalog key for our model references, an SPDX id for SPDX texts. */
  reference: string;
  origin: "model" | "spdx";
  /**
   * `exact`: every sentence of the reference is in the text and the text adds none inside it (formatting,
   * wrapping, markdown and copyright lines aside). `near`: the same license with sentences changed, added or
   * missing: never to be taken as the license itself.
   */
  kind: "exact" | "near";
  /** Share of the reference's word 3-grams found in the text, 0 to 1. */
  score: number;
  /** SPDX ids with the very same text (deprecated ids, -only/-or-later twins). */
  equivalents: string[];
  /** For a near match: the reference's sentences the text lacks (their first words) and the text's sentences the reference lacks. */
  differences: { missing: string[]; added: string[] };
}

export interface TextIdentification {
  matches: LicenseTextMatch[];
  /** Sentences of the text that no match explains (a preamble, a README around the license). */
  unexplained: number;
  sentences: number;
}

interface Candidate {
  reference: Reference;
  score: number;
  dice: number;
}

/** Identifies the licenses a text contains, best first, each as an exact or a near match. Pure and synchronous. */
export function identifyLicenseText(text: string, library: ReferenceLibrary): TextIdentification {
  const { sentences, shingles } = fingerprint(text);
  if (shingles.size === 0) return { matches: [], unexplained: 0, sentences: 0 };

  const candidates = scoreCandidates(shingles, library);
  const selected = selectMatches(candidates, shingles);
  // In the order the documents stand in the text: a license, then the use policy appended to it.
  const matches = compareSentences(selected, sentences, library).sort(
    (a, b) => Math.min(...a.explains) - Math.min(...b.explains),
  );
  const explained = new Set(matches.flatMap((match) => match.explains));
  return {
    matches: matches.map((match) => match.result),
    unexplained: sentences.length - explained.size,
    sentences: sentences.length,
  };
}

function scoreCandidates(shingles: Set<number>, library: ReferenceLibrary): Candidate[] {
  const { found, sizes } = library.countSampled(shingles);
  const candidates: Candidate[] = [];
  for (let index = 0; index < found.length; index++) {
    const size = sizes[index]!;
    if (size === 0 || found[index]! / size < SKETCH_SCORE) continue;
    const reference = library.reference(index);
    if (!reference) continue;
    const shared = countShared(reference.shingles, shingles);
    const score = shared / reference.shingles.size;
    if (score >= CANDIDATE_SCORE)
      candidates.push({ reference, score, dice: (2 * shared) / (reference.shingles.size + shingles.size) });
  }
  return candidates.sort(
    (a, b) => b.score - a.score || b.dice - a.dice || a.reference.key.localeCompare(b.reference.key),
  );
}

/** Greedy: the best candidate, then any other that explains enough of what the chosen ones leave. */
function selectMatches(candidates: Candidate[], shingles: Set<number>): Candidate[] {
  const remaining = new Set(shingles);
  const selected: Candidate[] = [];
  for (const candidate of candidates) {
    const { shingles: reference } = candidate.reference;
    if (selected.length > 0 && countShared(reference, remaining) / reference.size < FURTHER_MATCH_SCORE) continue;
    selected.push(candidate);
    for (const hash of reference) remaining.delete(hash);
  }
  return selected;
}

function compareSentences(
  selected: Candidate[],
  sentences: string[],
  library: ReferenceLibrary,
): { result: LicenseTextMatch; explains: number[] }[] {
  const hashes = sentences.map(hash32);
  const owner = new Array<number>(sentences.length).fill(-1);

  const perMatch = selected.map((candidate, index) => {
    const { reference } = candidate;
    const unmatched = new Map<number, number>();
    for (const hash of reference.sentences) unmatched.set(hash, (unmatched.get(hash) ?? 0) + 1);
    const explains: number[] = [];
    sentences.forEach((sentence, position) => {
      if (owner[position] !== -1) return;
      const template =
        (unmatched.get(hashes[position]!) ?? 0) > 0
          ? null
          : reference.templates.find(({ pattern, hash }) => (unmatched.get(hash) ?? 0) > 0 && pattern.test(sentence));
      const hash = template ? template.hash : hashes[position]!;
      const count = unmatched.get(hash) ?? 0;
      if (count === 0) return;
      unmatched.set(hash, count - 1);
      owner[position] = index;
      explains.push(position);
    });
    const missing: string[] = [];
    reference.sentences.forEach((hash, position) => {
      const count = unmatched.get(hash) ?? 0;
      if (count <= 0) return;
      unmatched.set(hash, count - 1);
      if (!reference.optional.has(hash)) missing.push(reference.hints[position]!);
    });
    return { candidate, explains, missing };
  });

  // Sentences no match explains belong to the match they follow, up to where the next one starts: text added
  // inside or after a license changes it. A preamble before the first license changes nothing.
  const starts = perMatch.map((match) => Math.min(...match.explains));
  return perMatch.map((match, index) => {
    const start = starts[index]!;
    const { termsEnd } = match.candidate.reference;
    const end = termsEnd === null ? -1 : (match.explains.find((position) => hashes[position] === termsEnd) ?? -1);
    const nextStart = Math.min(
      sentences.length,
      ...starts.filter((other) => other > start),
      ...(end === -1 ? [] : [end + 1]),
    );
    const added: string[] = [];
    for (let position = start; position < nextStart; position++) {
      if (owner[position] === -1) added.push(quote(sentences[position]!));
    }
    const { reference } = match.candidate;
    const exact = match.missing.length === 0 && added.length === 0;
    return {
      explains: match.explains,
      result: {
        reference: reference.key,
        origin: reference.origin,
        kind: exact ? "exact" : "near",
        score: Math.round(match.candidate.score * 1000) / 1000,
        equivalents: reference.origin === "spdx" ? library.equivalentsOf(reference.key) : [],
        differences: { missing: match.missing.slice(0, MAX_DIFFERENCES), added: added.slice(0, MAX_DIFFERENCES) },
      },
    };
  });
}

function countShared(reference: ReadonlySet<number>, text: ReadonlySet<number>): number {
  let shared = 0;
  for (const hash of reference) if (text.has(hash)) shared++;
  return shared;
}

function quote(sentence: string): string {
  return sentence.length > MAX_QUOTE ? `${sentence.slice(0, MAX_QUOTE)} …` : sentence;
}
