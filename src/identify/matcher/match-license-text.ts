import { FNV_OFFSET, fingerprint, fnv1a, hash32 } from "./fingerprint.js";
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
   * wrapping, markdown, copyright lines and where sentences and list items start and end aside). `near`: the same
   * license with sentences changed, added or missing: never to be taken as the license itself.
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
  // Many models ship the same text byte for byte (Apache-2.0's LICENSE, a family's license): a run over a project's
  // models, or the gate over a registry, matches each distinct text once. The answer depends on the text and the
  // library alone; it is shared, never changed by a caller.
  let known = identified.get(library);
  if (!known) {
    known = new Map();
    identified.set(library, known);
  }
  const cached = known.get(text);
  if (cached) return cached;
  const identification = identifyUncached(text, library);
  if (known.size >= MAX_REMEMBERED_TEXTS) known.delete(known.keys().next().value!);
  known.set(text, identification);
  return identification;
}

/** Distinct texts remembered per library; past this the oldest is forgotten (a few MiB at most). */
const MAX_REMEMBERED_TEXTS = 256;
const identified = new WeakMap<ReferenceLibrary, Map<string, TextIdentification>>();

function identifyUncached(text: string, library: ReferenceLibrary): TextIdentification {
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

  const matched = selected.map((candidate, index) => {
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
    return { candidate, unmatched, explains };
  });

  // Only once every match has taken the sentences it finds whole: what is left is re-read word by word.
  const perMatch = matched.map(({ candidate, unmatched, explains }, index) => {
    const { reference } = candidate;
    resegment(reference, unmatched, sentences, owner, index, explains);
    explains.sort((a, b) => a - b);
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

/**
 * Sentence boundaries are formatting, not wording: a copy may run a list's items together (the Hub's rendering of a
 * gate prompt, a bullet list without end punctuation) or split one sentence into several (numbered items, a heading
 * on its own line). So before a reference sentence is called missing, each run of consecutive missing reference
 * sentences is looked for in the words of the text's unexplained sentences: if a run of them, read as one word
 * stream, is exactly those sentences' words in order (FNV-1a is incremental, so a prefix of words is hashed as it
 * grows and compared with the shipped sentence hash; the hint's first words rule out most starts at once), the
 * text sentences are explained and the reference sentences are found. Only whole text sentences are taken, so a
 * changed, added or removed word still leaves its sentence unexplained: the copy is still reported as modified.
 */
function resegment(
  reference: Reference,
  unmatched: Map<number, number>,
  sentences: string[],
  owner: number[],
  index: number,
  explains: number[],
): void {
  const remaining = new Map(unmatched);
  const missing: number[] = [];
  reference.sentences.forEach((hash, position) => {
    const count = remaining.get(hash) ?? 0;
    if (count <= 0) return;
    remaining.set(hash, count - 1);
    missing.push(position);
  });
  if (missing.length === 0) return;
  const runs: number[][] = [];
  for (const position of missing) {
    const last = runs.at(-1);
    if (last && last.at(-1) === position - 1) last.push(position);
    else runs.push([position]);
  }
  const words = sentences.map((sentence) => sentence.split(" "));
  for (const run of runs) {
    let from = 0;
    while (from < run.length) {
      const taken = takeRun(run.slice(from), reference, words, owner);
      if (!taken) {
        from++;
        continue;
      }
      for (const position of taken.textSentences) {
        owner[position] = index;
        explains.push(position);
      }
      for (const position of taken.referenceSentences) {
        const hash = reference.sentences[position]!;
        unmatched.set(hash, (unmatched.get(hash) ?? 0) - 1);
      }
      from += taken.consumed;
    }
  }
}

/** The longest prefix of `run` (reference positions) whose words are exactly a run of whole unexplained text sentences. */
function takeRun(
  run: number[],
  reference: Reference,
  words: string[][],
  owner: number[],
): { textSentences: number[]; referenceSentences: number[]; consumed: number } | null {
  const first = reference.optional.has(reference.sentences[run[0]!]!)
    ? undefined
    : reference.hints[run[0]!]!.split(" ")[0];
  for (let start = 0; start < words.length; start++) {
    if (owner[start] !== -1 || (first !== undefined && !first.includes("<") && words[start]![0] !== first)) continue;
    // The text's unexplained sentences from `start` on, as one word stream with the sentence ends marked.
    const stream: string[] = [];
    const ends = new Map<number, number>();
    for (let position = start; position < words.length && owner[position] === -1; position++) {
      stream.push(...words[position]!);
      ends.set(stream.length, position);
    }
    let at = 0;
    let best: { textSentences: number[]; referenceSentences: number[]; consumed: number } | null = null;
    const found: number[] = [];
    for (let step = 0; step < run.length; step++) {
      const position = run[step]!;
      const end = pieceEnd(stream, at, reference.sentences[position]!, reference.hints[position]!);
      if (end === -1) {
        // A sentence a faithful copy may omit is skipped; any other that is not here ends the run.
        if (reference.optional.has(reference.sentences[position]!)) continue;
        break;
      }
      found.push(position);
      at = end;
      const last = ends.get(at);
      if (last !== undefined)
        best = {
          textSentences: Array.from({ length: last - start + 1 }, (_, offset) => start + offset),
          referenceSentences: [...found],
          consumed: step + 1,
        };
    }
    if (best) return best;
  }
  return null;
}

/** Where the words from `at` on that hash to `hash` end, or -1; the hint's first words must open them. */
function pieceEnd(stream: string[], at: number, hash: number, hint: string): number {
  const opening = hint.split(" ").filter((word) => word !== "…");
  for (let offset = 0; offset < opening.length; offset++) {
    if (opening[offset]!.includes("<")) break;
    if (stream[at + offset] !== opening[offset]) return -1;
  }
  let state = FNV_OFFSET;
  for (let position = at; position < stream.length; position++) {
    state = fnv1a(state, position === at ? stream[position]! : ` ${stream[position]!}`);
    if (state >>> 0 === hash) return position + 1;
  }
  return -1;
}

function countShared(reference: ReadonlySet<number>, text: ReadonlySet<number>): number {
  let shared = 0;
  for (const hash of reference) if (text.has(hash)) shared++;
  return shared;
}

function quote(sentence: string): string {
  return sentence.length > MAX_QUOTE ? `${sentence.slice(0, MAX_QUOTE)} …` : sentence;
}
