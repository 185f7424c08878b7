import type { CodeLocation } from "../../types/code-reference.js";
import type { Extracted } from "./extracted.js";
import { emptyExtracted, meaningOf, record } from "./reference.js";

/** An environment variable names a Hub repo when its name says so; only then is an `org/name` value a reference. */
const NAMES_A_REPO = /MODEL|REPO|CHECKPOINT|TOKENIZER|ADAPTER|LORA|DATASET/i;
/** …unless it names a property of one: `MODEL_REVISION`, `MODEL_TYPE`, `TORCH_DTYPE`, `MODEL_DIR`, `REPO_URL`. */
const NAMES_A_PROPERTY = /REVISION|(?:^|_)REV$|VERSION|TYPE$|DIR$|_URL$|_TOKEN$|_KEY$/i;
const NAMES_A_DATASET = /DATASET/i;
const NAMES_AN_ADAPTER = /ADAPTER|LORA/i;

/**
 * One `KEY=value` assignment (a .env line, a Dockerfile ENV or ARG, a compose `environment:` entry) as a reference
 * when its key names a repo and its value is a Hub id (or a variable with one as default).
 */
export function recordEnvAssignment(into: Extracted, key: string, value: string, at: CodeLocation, via: string): void {
  if (!NAMES_A_REPO.test(key) || NAMES_A_PROPERTY.test(key)) return;
  const meaning = meaningOf(value);
  const dataset = NAMES_A_DATASET.test(key);
  const found = {
    at,
    via,
    kind: dataset ? "dataset" : "model",
    adapter: !dataset && NAMES_AN_ADAPTER.test(key),
  } as const;
  // The variable itself is what overrides the id, so a plain `MODEL_ID=org/name` has `env: MODEL_ID`.
  record(into, meaning && "id" in meaning ? { id: meaning.id, env: meaning.env ?? key } : meaning, found);
}

/** `KEY=value`, with an optional `export ` and spaces around `=` (python-dotenv reads both). */
const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/;

/** A .env file: one assignment a line; `#` starts a comment line, or an inline comment after an unquoted value. */
export function extractDotenv(text: string, file: string): Extracted {
  const extracted = emptyExtracted();
  text.split(/\r?\n/).forEach((line, index) => {
    const match = ASSIGNMENT.exec(line);
    if (!match) return;
    const [, lead, key, rest] = match as unknown as [string, string, string, string];
    const at = { file, line: index + 1, column: lead.length + 1 };
    recordEnvAssignment(extracted, key, dotenvValue(rest), at, `env:${key}`);
  });
  return extracted;
}

/** The value as python-dotenv reads it: inside its quotes, or up to an inline ` #` comment. */
export function dotenvValue(rest: string): string {
  const quoted = /^(["'])(.*?)\1/.exec(rest);
  if (quoted) return quoted[2]!;
  return rest.replace(/\s+#.*$/, "").trim();
}
