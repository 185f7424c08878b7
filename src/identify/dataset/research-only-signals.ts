import type { Evidence, ResearchOnlySignal } from "../../types/finding.js";
import type { JsonValue, ModelSnapshot } from "../../types/snapshot.js";

/** One place a dataset's card says it is for research (or non-commercial use) only. */
export interface ResearchOnlyMark {
  signal: Exclude<ResearchOnlySignal, "license">;
  /** The words that say so, as written (trimmed to the sentence). */
  detail: string;
  evidence: Evidence;
}

/**
 * Wording that limits a dataset to research or non-commercial use. ImageNet's gate ("Researcher shall use the
 * Database only for non-commercial research and educational purposes", huggingface.co/datasets/ILSVRC/imagenet-1k
 * extra_gated_prompt), LAION's ("intended for research, not commercial, purposes", https://laion.ai/faq/) and the
 * dataset card template's "for research purposes only" are the shapes it must catch; "research" alone (a dataset
 * *about* research papers) must not match.
 */
const RESTRICTIVE_WORDING = [
  /\b(?:for|to)\s+(?:non-?\s?commercial\s+)?(?:academic\s+|scientific\s+)?research(?:\s+(?:and\s+educational\s+)?(?:purposes?|use))?\s+only\b/i,
  /\bonly\s+for\s+(?:non-?\s?commercial|academic|scientific)?\s*(?:research|educational)\b/i,
  /\bresearch\s+purposes\s+only\b/i,
  /\bnon-?\s?commercial\s+(?:research|use|purposes?)\b/i,
  /\bnot\s+for\s+commercial\s+(?:use|purposes?)\b/i,
  /\bresearch,\s+not\s+commercial,\s+purposes\b/i,
];

/** Bounds the text each pattern runs over: a gate prompt is a few KB; a whole license pasted into one is 12 KB. */
const MAX_SCANNED_CHARS = 64 * 1024;

/**
 * Where a dataset's card limits it to research or non-commercial use: the gate's terms (`extra_gated_prompt`, the
 * prompt a user accepts before access, and the labels and options of `extra_gated_fields`, the checkboxes they tick;
 * hub-docs docs/hub/datasets-gated.md "Customize requested information") and the card's own words (the README,
 * where the snapshot carries it). A license whose terms are research-only is the catalog's to say, not this.
 */
export function researchOnlySignals(snapshot: ModelSnapshot): ResearchOnlyMark[] {
  const card = snapshot.cardData ?? {};
  const marks: ResearchOnlyMark[] = [];
  const gated = (path: (string | number)[], text: string) => {
    const detail = restrictiveSentence(text);
    if (detail) marks.push({ signal: "gated-terms", detail, evidence: { source: "card", path, commit: snapshot.sha } });
  };
  const prompt = card["extra_gated_prompt"];
  if (typeof prompt === "string") gated(["extra_gated_prompt"], prompt);
  const fields = card["extra_gated_fields"];
  if (isObject(fields)) {
    for (const [label, field] of Object.entries(fields)) {
      gated(["extra_gated_fields", label], [label, ...optionsOf(field)].join(". "));
    }
  }
  for (const file of snapshot.texts) {
    if (file.role !== "readme") continue;
    const lines = file.text.slice(0, MAX_SCANNED_CHARS).split(/\r\n|\r|\n/);
    const line = lines.findIndex((text) => restrictiveSentence(text) !== null);
    if (line === -1) continue;
    const detail = restrictiveSentence(lines[line]!)!;
    marks.push({
      signal: "card-text",
      detail,
      evidence: {
        source: "file",
        file: file.path,
        commit: snapshot.sha,
        sha256: file.sha256,
        line: line + 1,
        quote: lines[line]!.trim(),
      },
    });
  }
  return marks;
}

/** The sentence that carries restrictive wording, or null. */
function restrictiveSentence(text: string): string | null {
  const bounded = text.slice(0, MAX_SCANNED_CHARS);
  for (const pattern of RESTRICTIVE_WORDING) {
    const match = pattern.exec(bounded);
    if (!match) continue;
    const start = Math.max(bounded.lastIndexOf(".", match.index) + 1, bounded.lastIndexOf("\n", match.index) + 1);
    const endDot = bounded.indexOf(".", match.index + match[0].length);
    const end = endDot === -1 ? bounded.length : endDot + 1;
    return bounded.slice(start, end).replace(/\s+/g, " ").trim().slice(0, 240);
  }
  return null;
}

/** A gated field is `label: type` or `label: { type: select, options: [...] }`; the options are text too. */
function optionsOf(field: JsonValue): string[] {
  if (!isObject(field) || !Array.isArray(field["options"])) return [];
  return field["options"].flatMap((option) => {
    if (typeof option === "string") return [option];
    if (isObject(option) && typeof option["label"] === "string") return [option["label"]];
    return [];
  });
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
