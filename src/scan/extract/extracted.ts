import type { CodeReference, DynamicReference } from "../../types/code-reference.js";

/** What one file yields. Extractors are pure: text in, references out; the walker adds nothing but the notes. */
export interface Extracted {
  references: CodeReference[];
  dynamic: DynamicReference[];
}

/** Thrown by an extractor when its file does not parse at all (a broken JSON, YAML or TOML): the walker notes it and goes on. */
export class SourceParseError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "SourceParseError";
  }
}

export const NOTHING: Extracted = { references: [], dynamic: [] };

/** The source text of a dynamic argument, on one line and at most 200 characters, for the report. */
export function expressionText(source: string): string {
  const flat = source.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
