import type { Dirent } from "node:fs";
import { readdir, readFile, realpath } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { ScanNote } from "../types/code-reference.js";
import { byCodePoint } from "../util/compare.js";

/** Folders no codebase's own code lives in: tools' state, installed packages, caches. */
const SKIPPED_FOLDERS = new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "__pycache__",
  ".ipynb_checkpoints",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  ".tox",
  ".nox",
  "site-packages",
  ".venv",
  "venv",
]);

export interface WalkOptions {
  /** gitignore-style patterns, relative to the root (`--exclude`). */
  exclude: string[];
  /** Whether a file (by its name) is one some extractor reads; others are never opened. */
  wanted: (name: string) => boolean;
}

export interface Walked {
  /** Relative to the root, `/`-separated, sorted. */
  files: string[];
  notes: ScanNote[];
}

/**
 * The files under `root` that an extractor reads, the way git would list them: `.gitignore` files apply in their
 * own folder and below, `--exclude` patterns from the root; tools' folders and Python virtual environments (a
 * folder with `pyvenv.cfg`) are skipped. Symbolic links are not followed: one into the tree names a file the walk
 * reaches anyway, and one out of it is noted, never read.
 */
export async function walkTree(root: string, options: WalkOptions): Promise<Walked> {
  const rootReal = await realpath(root);
  const files: string[] = [];
  const notes: ScanNote[] = [];
  const excluded = ignore().add(options.exclude);

  async function visit(folder: string, rules: { base: string; rules: Ignore }[]): Promise<void> {
    const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => null);
    if (!entries) {
      notes.push({ file: folder || ".", reason: "unreadable", message: "the folder could not be listed" });
      return;
    }
    if (folder !== "" && entries.some((entry) => entry.name === "pyvenv.cfg")) return;
    const own = await gitignoreOf(root, folder, entries);
    const inForce = own ? [...rules, { base: folder, rules: own }] : rules;
    for (const entry of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      const isFolder = entry.isDirectory();
      if (isFolder && SKIPPED_FOLDERS.has(entry.name)) continue;
      if (isIgnored(path, isFolder, excluded, inForce)) continue;
      if (isFolder) await visit(path, inForce);
      else if (entry.isSymbolicLink()) await noteOutsideLink(path);
      else if (entry.isFile() && options.wanted(entry.name)) files.push(path);
    }
  }

  async function noteOutsideLink(path: string): Promise<void> {
    const target = await realpath(join(root, path)).catch(() => null);
    if (target !== null && !isInside(rootReal, target))
      notes.push({ file: path, reason: "symlink-outside", message: "a symbolic link out of the tree: not followed" });
  }

  await visit("", []);
  return { files, notes };
}

async function gitignoreOf(root: string, folder: string, entries: Dirent[]): Promise<Ignore | null> {
  if (!entries.some((entry) => entry.name === ".gitignore" && entry.isFile())) return null;
  const text = await readFile(join(root, folder, ".gitignore"), "utf8").catch(() => null);
  return text === null ? null : ignore().add(text);
}

function isIgnored(path: string, isFolder: boolean, excluded: Ignore, rules: { base: string; rules: Ignore }[]) {
  const asTested = isFolder ? `${path}/` : path;
  if (excluded.ignores(asTested)) return true;
  return rules.some(({ base, rules }) => rules.ignores(base === "" ? asTested : asTested.slice(base.length + 1)));
}

function isInside(root: string, target: string): boolean {
  const path = relative(root, target);
  return path === "" || (!path.startsWith(`..${sep}`) && path !== ".." && !path.startsWith(sep));
}
