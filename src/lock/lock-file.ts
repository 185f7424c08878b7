import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { stringify } from "yaml";
import * as z from "zod";
import type { RepoKind } from "../types/code-reference.js";
import type { Verdict } from "../types/verdict.js";
import { byCodePoint } from "../util/compare.js";
import { parseYaml } from "../util/parse-yaml.js";

/** The file name `lic lock` writes and `lic check --locked` reads, at the root of the scanned tree. */
export const LOCK_FILE = "lic.lock";
export const LOCK_VERSION = 1;

/** A license of a locked model and where lic found it. */
export interface LockedLicense {
  id: string;
  sources: string[];
}

/** One repo the code loads, at one requested revision: what lic concluded, and the evidence it concluded it on. */
export interface LockEntry {
  id: string;
  kind: RepoKind;
  /** What the code asks for: its revision, or `main` when it names none. */
  requested: string;
  /** The commit `requested` resolved to (40 hex); absent in a dataset entry of a lock from before datasets were checked. */
  revision?: string;
  /** The Hub's canonical id, when the code's id was renamed or is a legacy name (`gpt2`). */
  resolvedAs?: string;
  verdict?: Verdict;
  licenses?: LockedLicense[];
  /** Each license evidence file read at the commit, with the sha256 of its bytes (README, LICENSE, NOTICE…). */
  evidence?: { path: string; sha256: string }[];
  /** The ancestors along base_model, each `id@commit` (`id@unavailable` when it could not be read). */
  lineage?: string[];
  /** Where the code loads it, `file:line`. */
  uses: string[];
}

export interface LockFile {
  lockVersion: typeof LOCK_VERSION;
  generatedBy: string;
  policy: { name: string; digest: string };
  catalog: { version: string; digest: string };
  entries: LockEntry[];
}

/** A lock entry and the line it starts on, for findings that point into lic.lock. */
export interface LockedEntry {
  entry: LockEntry;
  line: number;
}

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/, "a sha256: 64 lowercase hex digits");
const DIGEST = z.string().regex(/^sha256:[0-9a-f]{64}$/, "sha256: and 64 hex digits");

const EntrySchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(["model", "dataset"]),
  requested: z.string().min(1),
  revision: z
    .string()
    .regex(/^[0-9a-f]{40}$/, "a 40-hex commit")
    .optional(),
  resolvedAs: z.string().min(1).optional(),
  verdict: z.enum(["allow", "warn", "block"]).optional(),
  licenses: z.array(z.strictObject({ id: z.string().min(1), sources: z.array(z.string()) })).optional(),
  evidence: z.array(z.strictObject({ path: z.string().min(1), sha256: SHA256 })).optional(),
  lineage: z.array(z.string()).optional(),
  uses: z.array(z.string()),
});

const LockSchema = z.strictObject({
  lockVersion: z.literal(LOCK_VERSION),
  generatedBy: z.string(),
  policy: z.strictObject({ name: z.string(), digest: DIGEST }),
  catalog: z.strictObject({ version: z.string(), digest: DIGEST }),
  entries: z.array(EntrySchema),
});

const HEADER = [
  "# lic.lock: the Hub repos this code loads, each pinned to the commit lic checked, with its verdict and the",
  "# evidence it rests on. Written by `lic lock`; review it in pull requests, and do not edit it by hand.",
  "",
].join("\n");

/**
 * The lock as text: canonical YAML, byte-identical for the same inputs (entries sorted by kind, id and requested
 * revision; keys in a fixed order; no timestamps), so a pull request's diff shows only what changed.
 */
export function formatLock(lock: LockFile): string {
  const entries = [...lock.entries].sort(compareEntries).map(canonicalEntry);
  const body = {
    lockVersion: lock.lockVersion,
    generatedBy: lock.generatedBy,
    policy: { name: lock.policy.name, digest: lock.policy.digest },
    catalog: { version: lock.catalog.version, digest: lock.catalog.digest },
    entries,
  };
  return `${HEADER}${stringify(body, { lineWidth: 0, indentSeq: true })}`;
}

function canonicalEntry(entry: LockEntry): LockEntry {
  const { revision, resolvedAs, verdict, licenses, evidence, lineage } = entry;
  return {
    id: entry.id,
    kind: entry.kind,
    requested: entry.requested,
    ...(revision !== undefined ? { revision } : {}),
    ...(resolvedAs !== undefined ? { resolvedAs } : {}),
    ...(verdict !== undefined ? { verdict } : {}),
    ...(licenses !== undefined ? { licenses: licenses.map(({ id, sources }) => ({ id, sources: [...sources] })) } : {}),
    ...(evidence !== undefined
      ? {
          evidence: [...evidence]
            .sort((a, b) => byCodePoint(a.path, b.path))
            .map(({ path, sha256 }) => ({ path, sha256 })),
        }
      : {}),
    ...(lineage !== undefined ? { lineage: [...lineage] } : {}),
    // Last: the part that changes with every refactoring of the code reads best after the verdict and evidence.
    uses: [...new Set(entry.uses)].sort(compareUses),
  };
}

export function compareEntries(a: LockEntry, b: LockEntry): number {
  return byCodePoint(a.kind, b.kind) || byCodePoint(a.id, b.id) || byCodePoint(a.requested, b.requested);
}

/** `file:line` in file order, then by line as a number (app.py:9 before app.py:10). */
function compareUses(a: string, b: string): number {
  const [fileA, lineA] = splitUse(a);
  const [fileB, lineB] = splitUse(b);
  return byCodePoint(fileA, fileB) || lineA - lineB;
}

function splitUse(use: string): [string, number] {
  const colon = use.lastIndexOf(":");
  return colon === -1 ? [use, 0] : [use.slice(0, colon), Number(use.slice(colon + 1)) || 0];
}

export type ParsedLock = { ok: true; lock: LockFile; entries: LockedEntry[] } | { ok: false; problems: string[] };

/**
 * Reads lic.lock strictly: a hand-edited or merged-by-hand lock that is not exactly what `lic lock` writes is
 * refused with the line of each problem, never half-used. Two entries for the same repo and requested revision (a
 * bad merge) are refused too.
 *
 * js-yaml reads it (YAML 1.2 core schema, as `yaml` writes it): a lock of 100 models is 2,000 lines, which js-yaml
 * reads in a quarter of the time, and `lic check --locked` runs on every CI build. The `yaml` document, with its
 * node positions, is built only to place a problem, or an entry not laid out as `lic lock` lays it out.
 */
export function parseLock(text: string): ParsedLock {
  let loaded: unknown;
  try {
    loaded = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    const line = error instanceof YAMLException && error.mark ? error.mark.line + 1 : 1;
    return { ok: false, problems: [`line ${line}: ${error instanceof YAMLException ? error.reason : String(error)}`] };
  }
  const parsed = LockSchema.safeParse(loaded);
  if (!parsed.success) {
    const place = parseYaml(text).lineNear;
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const where = issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
        return `line ${place(issue.path as (string | number)[])}${where}: ${issue.message}`;
      }),
    };
  }
  const lock = parsed.data as LockFile;
  const lines = entryLines(text, lock.entries.length);
  const entries = lock.entries.map((entry, index) => ({ entry, line: lines[index]! }));
  const problems = duplicatesIn(entries);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lock, entries };
}

/** Where each entry starts: found by its layout when the lock is laid out as `lic lock` writes it, else by the YAML nodes. */
function entryLines(text: string, count: number): number[] {
  const lines: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.startsWith("  - id: ")) lines.push(index + 1);
  });
  if (lines.length === count) return lines;
  const place = parseYaml(text).lineNear;
  return Array.from({ length: count }, (_, index) => place(["entries", index]));
}

function duplicatesIn(entries: LockedEntry[]): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const { entry, line } of entries) {
    const key = `${entry.kind}\0${entry.id}\0${entry.requested}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(
        `line ${line}: a second entry for the ${entry.kind} ${entry.id}@${entry.requested} (the first is on line ${first})`,
      );
    else seen.set(key, line);
  }
  return problems;
}
