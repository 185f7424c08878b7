import { createRequire } from "node:module";
import { fingerprint, hash32, unpackHashes } from "./fingerprint.js";
import { TEMPLATE_SLOT } from "./normalize-text.js";

/**
 * The texts the matcher knows, loaded once on first use from data shipped with lic: fingerprints of the model
 * licenses (src/license/data/model-references.json) and sketches of every SPDX text, whose full texts come from
 * the `spdx-license-list` package only for the few candidates a sketch shortlists. Read-only data, so loading it
 * is not I/O in the sense of the core's rule: the same bytes every run.
 */

const load = createRequire(import.meta.url);

export interface Reference {
  key: string;
  /** "model" references are ours; "spdx" ones are SPDX-list texts, `key` being the SPDX id. */
  origin: "model" | "spdx";
  shingles: Set<number>;
  /** Sentence hashes, in order, with a short hint of each for reports. */
  sentences: number[];
  hints: string[];
  /** Sentences a faithful copy may omit (the click-through sentence of a gate prompt). */
  optional: Set<number>;
  /** Template sentences (SPDX `<slot>`s) as patterns, so a filled-in slot still matches, with their hashes. */
  templates: { pattern: RegExp; hash: number }[];
}

/** The smallest hashes of a reference's 3-grams: a sample that estimates how much of it a text contains. */
export interface Sketch {
  key: string;
  origin: Reference["origin"];
  sample: Uint32Array;
  /** Model references are held in memory; SPDX ones are built when first needed. */
  loaded?: Reference;
}

export interface ReferenceLibrary {
  sketches: Sketch[];
  /** Which sketches hold a hash: one lookup per 3-gram of a text scores every reference at once. */
  sketchIndex: Map<number, number[]>;
  /** The full reference behind a sketch; SPDX texts are built on first request. */
  reference(sketch: Sketch): Reference | null;
  /** The other SPDX ids with the same text as `id`. */
  equivalentsOf(id: string): string[];
}

/** Sketch hashes used per reference. The data holds 64; 32 keep the estimate within ±0.09, enough for a shortlist. */
const SAMPLE_SIZE = 32;

interface ModelReferencesFile {
  references: { key: string; shingles: string; sentences: number[]; hints: string[]; optional: number[] }[];
}
interface SpdxSketchesFile {
  licenses: Record<string, { size: number; sketch: string }>;
  equivalents: string[][];
}

let library: ReferenceLibrary | null = null;

export function getReferenceLibrary(): ReferenceLibrary {
  library ??= loadLibrary();
  return library;
}

function loadLibrary(): ReferenceLibrary {
  const modelFile = load("./data/model-references.json") as ModelReferencesFile;
  const spdxFile = load("./data/spdx-sketches.json") as SpdxSketchesFile;
  const models = modelFile.references.map(
    (reference): Reference => ({
      key: reference.key,
      origin: "model",
      shingles: new Set(unpackHashes(reference.shingles)),
      sentences: reference.sentences,
      hints: reference.hints,
      optional: new Set(reference.optional),
      templates: [],
    }),
  );
  const sketches: Sketch[] = [
    // Packed shingles are sorted, so their head is the bottom-k sample.
    ...modelFile.references.map((reference, index) => ({
      key: reference.key,
      origin: "model" as const,
      sample: unpackHashes(reference.shingles).slice(0, SAMPLE_SIZE),
      loaded: models[index]!,
    })),
    ...Object.entries(spdxFile.licenses).map(([id, entry]) => ({ key: id, origin: "spdx" as const, sample: unpackHashes(entry.sketch).slice(0, SAMPLE_SIZE) })),
  ];
  const sketchIndex = new Map<number, number[]>();
  sketches.forEach((sketch, index) => {
    for (const hash of sketch.sample) {
      const holders = sketchIndex.get(hash);
      if (holders) holders.push(index);
      else sketchIndex.set(hash, [index]);
    }
  });
  const equivalents = new Map<string, string[]>();
  for (const group of spdxFile.equivalents) for (const id of group) equivalents.set(id, group.filter((other) => other !== id));
  const spdxReferences = new Map<string, Reference | null>();

  return {
    sketches,
    sketchIndex,
    equivalentsOf: (id) => equivalents.get(id) ?? [],
    reference: (sketch) => {
      if (sketch.loaded) return sketch.loaded;
      if (!spdxReferences.has(sketch.key)) spdxReferences.set(sketch.key, buildSpdxReference(sketch.key));
      return spdxReferences.get(sketch.key) ?? null;
    },
  };
}

function buildSpdxReference(id: string): Reference | null {
  if (!/^[A-Za-z0-9.+-]+$/.test(id)) return null;
  let text: string;
  try {
    text = (load(`spdx-license-list/licenses/${id}.json`) as { licenseText: string }).licenseText;
  } catch {
    return null;
  }
  const { sentences, shingles } = fingerprint(text, { templates: true });
  return {
    key: id,
    origin: "spdx",
    shingles,
    sentences: sentences.map(hash32),
    hints: sentences.map((sentence) => sentence.split(" ").slice(0, 12).join(" ").replaceAll(TEMPLATE_SLOT, "<…>")),
    optional: new Set(),
    templates: sentences
      .filter((sentence) => sentence.includes(TEMPLATE_SLOT))
      .map((sentence) => ({ pattern: templatePattern(sentence), hash: hash32(sentence) })),
  };
}

/** A template sentence as a pattern: each slot stands for one to eight words. */
function templatePattern(sentence: string): RegExp {
  const parts = sentence.split(TEMPLATE_SLOT).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("(?:\\S+(?: \\S+){0,7})?")}$`);
}
