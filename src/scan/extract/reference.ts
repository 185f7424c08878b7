import type { CodeLocation, CodeReference, DynamicReference, RepoKind } from "../../types/code-reference.js";
import { type Extracted, expressionText } from "./extracted.js";
import { hubIdOf, isPinned } from "./hub-id.js";

/**
 * What a config value, env value or command argument in an id position means: a Hub id (maybe the default of an
 * environment variable), a value computed at run time, or nothing that loads from the Hub.
 */
export type ValueMeaning = { id: string; env?: string } | { expression: string } | null;

/**
 * `${VAR:-default}` / `${VAR-default}` / `${VAR:=default}` (shell, docker-compose) and `${oc.env:VAR,default}` /
 * `${env:VAR,default}` (OmegaConf, Hydra): the whole value is one variable with a default.
 */
const WITH_DEFAULT = [
  /^\$\{([A-Za-z_][A-Za-z0-9_]*):?[-=](.*)\}$/,
  /^\$\{(?:oc\.)?env:([A-Za-z_][A-Za-z0-9_]*),\s*(.*)\}$/,
] as const;

/** `$VAR`, `${VAR}`, `${oc.env:VAR}`, `$(cmd)` or a backtick anywhere: the value is only known at run time. */
const RUN_TIME = /\$[A-Za-z_{(]|`/;

/**
 * Reads one value. `idOf` lets a command drop what follows the id before it is checked (llama.cpp's `:Q4_K_M`); only
 * `org/name` and Hub URLs count, never a bare name (`hubIdOf(…, "value")`).
 */
export function meaningOf(raw: string, idOf: (text: string) => string | null = valueId): ValueMeaning {
  for (const pattern of WITH_DEFAULT) {
    const match = pattern.exec(raw);
    if (match) {
      const id = idOf(match[2]!.trim());
      return id === null ? null : { id, env: match[1]! };
    }
  }
  if (RUN_TIME.test(raw)) return { expression: expressionText(raw) };
  const id = idOf(raw);
  return id === null ? null : { id };
}

function valueId(text: string): string | null {
  return hubIdOf(text, "value");
}

/** How one reference was found, beside its meaning: where, through what, and what of. */
export interface Found {
  at: CodeLocation;
  via: string;
  kind: RepoKind;
  revision?: string | null;
  adapter?: boolean;
}

/** Adds what a value means to `into`: a reference, a dynamic reference, or nothing. */
export function record(into: Extracted, meaning: ValueMeaning, found: Found): void {
  if (meaning === null) return;
  if ("expression" in meaning) {
    into.dynamic.push({ ...found.at, via: found.via, expression: meaning.expression });
    return;
  }
  const revision = found.revision ?? null;
  const reference: CodeReference = {
    ...found.at,
    id: meaning.id,
    kind: found.kind,
    revision,
    pinned: isPinned(revision),
    via: found.via,
  };
  if (meaning.env !== undefined) reference.env = meaning.env;
  if (found.adapter) reference.adapter = true;
  into.references.push(reference);
}

export function emptyExtracted(): Extracted {
  return { references: [], dynamic: [] };
}

/** Adds every reference of `part` to `into`, in order. */
export function append(into: Extracted, part: Extracted): void {
  into.references.push(...part.references);
  into.dynamic.push(...part.dynamic);
}

/** The same load found twice (a Dockerfile's ENTRYPOINT read alone and with its CMD) is reported once. */
export function withoutRepeats(extracted: Extracted): Extracted {
  const seen = new Set<string>();
  const once = <T extends CodeLocation & { via: string }>(entry: T, what: string) => {
    const key = `${entry.line}:${entry.column}:${entry.via}:${what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  return {
    references: extracted.references.filter((entry: CodeReference) => once(entry, entry.id)),
    dynamic: extracted.dynamic.filter((entry: DynamicReference) => once(entry, `$${entry.expression}`)),
  };
}
