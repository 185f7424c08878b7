import type { Evidence } from "../types/finding.js";
import { byCodePoint } from "../util/compare.js";
import { formatEvidence } from "./format-evidence.js";
import { evidenceWords } from "./view-words.js";

/** A piece of evidence in a model's numbered list, which licenses and findings refer to by `ref`. */
export interface EvidenceItemView {
  /** `E1`, `E2`, … in the order the model's section first cites them. */
  ref: string;
  evidence: Evidence;
  /** Where the fact stands, in words: `the Hub's file list: LICENSE`. */
  words: string;
  /** The machine's phrase, kept beside the words: `api siblings = "LICENSE"`. */
  code: string;
}

/**
 * The evidence of one section, each piece once: the same tag or card key backs a license and three findings, and a
 * reviewer should read it once, not four times. Numbers are given in citation order, so they are deterministic.
 */
export class EvidenceNumbering {
  readonly items: EvidenceItemView[] = [];
  private readonly refs = new Map<string, string>();

  /** `card`: whose card a card key stands in when nothing says otherwise (`the dataset card` for a dataset's section). */
  constructor(private readonly card?: string) {}

  /**
   * The refs of `evidence`, numbering the pieces not seen before; a piece cited twice by one owner counts once.
   * `cardOf` names the card a piece stands in when it is another repo's (a dataset's, an ancestor's); null: the section's.
   */
  refsOf(evidence: Evidence[], cardOf: (piece: Evidence) => string | null = () => null): string[] {
    return [...new Set(evidence.map((piece) => this.refOf(piece, cardOf(piece) ?? this.card)))];
  }

  private refOf(evidence: Evidence, card: string | undefined): string {
    const key = canonicalKey(evidence);
    const known = this.refs.get(key);
    if (known) return known;
    const ref = `E${this.items.length + 1}`;
    this.refs.set(key, ref);
    this.items.push({ ref, evidence, words: evidenceWords(evidence, card), code: formatEvidence(evidence) });
    return ref;
  }
}

/** JSON with object keys sorted: two pieces built by different checks are the same fact whatever their key order. */
function canonicalKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => byCodePoint(a, b));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalKey(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
