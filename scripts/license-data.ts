/**
 * Builds the matcher's reference data from license texts: fingerprints of the model licenses (from the texts in
 * test/fixtures/license-texts, whose sources are in test/fixtures/SOURCES.tsv) and bottom-k sketches of every SPDX
 * text (from spdx-license-list). The output is committed under src/identify/matcher/data/, so the shipped matcher never
 * reads test fixtures or ../shared; test/identify/matcher/match-license-text.test.ts fails when it is stale.
 */
import { fingerprint, hash32, packHashes, shinglesOf, unpackHashes } from "../src/identify/matcher/fingerprint.js";
import {
  type ModelReferenceData,
  type SketchIndexFile,
  withoutAppendix,
} from "../src/identify/matcher/reference-library.js";

/**
 * Sentences a faithful copy may leave out without changing the terms. Meta's gate prompts on the Hub drop the
 * click-through sentence, since the Hub's own "I accept" button takes its place.
 */
const LLAMA_ACCEPTANCE =
  "By clicking “I Accept” below or by using or distributing any portion or element of the Llama Materials, you agree to be bound by this Agreement.";

/** Which fixture text is which catalog entry. Apache-2.0, MIT, CC-BY-NC-4.0 and OpenMDW-1.0 come from SPDX. */
export const MODEL_REFERENCES: { file: string; key: string; before?: string; after?: string; optional?: string[] }[] = [
  { file: "llama2.txt", key: "llama2", optional: [LLAMA_ACCEPTANCE] },
  { file: "llama2-aup.txt", key: "llama2-aup" },
  // Meta's Llama 3 LICENSE file carries a version of the use policy after the agreement (it names "Meta Llama 3"
  // where USE_POLICY.md says "Llama 3"): the agreement is the text before it, and both policy texts are references.
  { file: "llama3.txt", key: "llama3", before: "Meta Llama 3 Acceptable Use Policy", optional: [LLAMA_ACCEPTANCE] },
  { file: "llama3.txt", key: "llama3-aup", after: "Meta Llama 3 Acceptable Use Policy" },
  { file: "llama3-aup.txt", key: "llama3-aup" },
  { file: "llama3.1.txt", key: "llama3.1", optional: [LLAMA_ACCEPTANCE] },
  { file: "llama3.1-aup.txt", key: "llama3.1-aup" },
  { file: "llama3.2.txt", key: "llama3.2", optional: [LLAMA_ACCEPTANCE] },
  { file: "llama3.2-aup.txt", key: "llama3.2-aup" },
  { file: "llama3.3.txt", key: "llama3.3", optional: [LLAMA_ACCEPTANCE] },
  { file: "llama3.3-aup.txt", key: "llama3.3-aup" },
  { file: "llama4.txt", key: "llama4", optional: [LLAMA_ACCEPTANCE] },
  { file: "llama4-aup.txt", key: "llama4-aup" },
  { file: "gemma-tou-2025-03-24.txt", key: "gemma" },
  { file: "gemma-prohibited-use-policy.txt", key: "gemma-pup" },
  { file: "creativeml-openrail-m.txt", key: "creativeml-openrail-m" },
  { file: "openrail++-m.txt", key: "openrail++" },
  { file: "bigscience-openrail-m.txt", key: "bigscience-openrail-m" },
  { file: "bigscience-bloom-rail-1.0.txt", key: "bigscience-bloom-rail-1.0" },
  { file: "bigcode-openrail-m.txt", key: "bigcode-openrail-m" },
  { file: "deepseek-license-1.0.txt", key: "deepseek" },
  { file: "tongyi-qianwen.txt", key: "tongyi-qianwen" },
  { file: "tongyi-qianwen-research.txt", key: "tongyi-qianwen-research" },
  { file: "qwen.txt", key: "qwen" },
  { file: "stabilityai-community.txt", key: "stabilityai-community" },
  { file: "nvidia-open-model-license.txt", key: "nvidia-open-model" },
  { file: "falcon-2-11b-tii-license-1.0.txt", key: "falcon-2-11b-tii" },
  { file: "fair-noncommercial-research-license.txt", key: "fair-noncommercial-research-license" },
  { file: "exaone-ai-model-1.1-nc.txt", key: "exaone-ai-model-1.1-nc" },
  { file: "microsoft-research-license-terms.txt", key: "microsoft-research" },
  { file: "apple-amlr.txt", key: "apple-amlr" },
  { file: "apple-ascl.txt", key: "apple-ascl" },
];

/** Sketch size: the estimate of how much of a reference a text contains is within ±0.09 at k = 32, enough for a shortlist. */
export const SKETCH_SIZE = 32;
const HINT_WORDS = 12;

export function buildModelReferences(readText: (file: string) => string): ModelReferenceData[] {
  return MODEL_REFERENCES.map(({ file, key, before, after, optional = [] }): ModelReferenceData => {
    const sentences = fingerprint(excerpt(readText(file), before, after)).sentences;
    const optionalSentences = optional.flatMap((text) => fingerprint(text).sentences);
    for (const sentence of optionalSentences) {
      if (!sentences.includes(sentence)) throw new Error(`${file}: optional sentence not found: ${sentence}`);
    }
    return {
      key,
      file,
      // Optional sentences do not count towards a text's score: a copy without them is as much that license.
      shingles: packHashes(shinglesOf(sentences.filter((sentence) => !optionalSentences.includes(sentence)))),
      sentences: sentences.map(hash32),
      hints: sentences.map((sentence) => hint(sentence)),
      optional: optionalSentences.map(hash32),
    };
  });
}

export function buildSketchIndex(
  models: ModelReferenceData[],
  spdxTexts: Record<string, string>,
  list: string,
): SketchIndexFile {
  const samples: { key: string; sample: number[] }[] = models.map((reference) => ({
    key: reference.key,
    sample: [...unpackHashes(reference.shingles, SKETCH_SIZE)],
  }));
  const byContent = new Map<string, string[]>();
  for (const id of Object.keys(spdxTexts).sort()) {
    const { sentences } = fingerprint(spdxTexts[id]!, { templates: true });
    const shingles = shinglesOf(withoutAppendix(sentences));
    samples.push({ key: id, sample: [...shingles].sort((a, b) => a - b).slice(0, SKETCH_SIZE) });
    // Texts that agree up to the end of their terms are the same license: GPL-2.0+ and GPL-2.0-or-later.
    const content = withoutAppendix(sentences).join("\n");
    byContent.set(content, [...(byContent.get(content) ?? []), id]);
  }
  const pairs = samples
    .flatMap(({ sample }, owner) => sample.map((hash) => [hash, owner] as const))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    list,
    k: SKETCH_SIZE,
    keys: samples.map(({ key }) => key),
    models: models.length,
    sampleSizes: packUint16(samples.map(({ sample }) => sample.length)),
    hashes: Buffer.from(Uint32Array.from(pairs.map(([hash]) => hash)).buffer).toString("base64"),
    owners: packUint16(pairs.map(([, owner]) => owner)),
    equivalents: [...byContent.values()].filter((ids) => ids.length > 1),
  };
}

function packUint16(values: number[]): string {
  return Buffer.from(Uint16Array.from(values).buffer).toString("base64");
}

/** The part of a text before or from a marker line; the whole text without markers. */
function excerpt(text: string, before: string | undefined, after: string | undefined): string {
  const marker = before ?? after;
  if (!marker) return text;
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`marker "${marker}" not found`);
  return before ? text.slice(0, at) : text.slice(at);
}

function hint(sentence: string): string {
  const words = sentence.split(" ");
  return words.length > HINT_WORDS ? `${words.slice(0, HINT_WORDS).join(" ")} …` : sentence;
}
