import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { RefusedPath } from "../types/dist-read.js";

/** Entries listed at most, and folders walked deep: a model folder has a few dozen files, not a file system. */
export const MAX_FOLDER_ENTRIES = 10_000;
const MAX_DEPTH = 4;
/** Folders a model repo keeps beside its files that are never part of what is published. */
const SKIPPED = new Set([".git", ".cache", "node_modules", ".huggingface"]);

/** A model folder read through bounds: every byte counted, nothing read through a symlink that leaves it. */
export interface ModelFolder {
  root: string;
  /** Files inside the folder, `/`-separated and relative to it; symlinks resolving inside it count as files. */
  files: string[];
  refused: RefusedPath[];
  /** At most `maxBytes` of the file from its start; null when it is not there. */
  readHead(path: string, maxBytes: number): Promise<{ bytes: Buffer; size: number } | null>;
  /** `length` bytes at `offset`, fewer at the end of the file. */
  readAt(path: string, offset: number, length: number): Promise<Buffer>;
  bytesRead(): number;
}

/**
 * Lists a model folder for `lic dist`: files inside it, and the symlinks that lead out of it refused (publishing the
 * folder would upload what they point to). Nothing is read here; reads are bounded and counted.
 */
export async function openModelFolder(root: string): Promise<ModelFolder> {
  const realRoot = await realpath(root);
  const files: string[] = [];
  const refused: RefusedPath[] = [];
  let count = 0;
  const inside = (path: string) => path === realRoot || path.startsWith(realRoot + sep);

  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (++count > MAX_FOLDER_ENTRIES) return;
      const path = join(dir, entry.name);
      const name = relative(realRoot, path).split(sep).join("/");
      if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => null);
        if (target === null) refused.push({ path: name, reason: "a symlink to nothing (broken)" });
        else if (!inside(target)) refused.push({ path: name, reason: `a symlink out of the folder (to ${target})` });
        else if ((await stat(target)).isFile()) files.push(name);
        continue;
      }
      if (entry.isDirectory()) {
        if (SKIPPED.has(entry.name)) continue;
        if (depth < MAX_DEPTH) await walk(path, depth + 1);
        continue;
      }
      if (entry.isFile()) files.push(name);
      else refused.push({ path: name, reason: "not a regular file (a device, socket or pipe)" });
    }
  };
  await walk(realRoot, 1);

  let bytesRead = 0;
  const resolve = (path: string) => join(realRoot, ...path.split("/"));
  const readAt = async (path: string, offset: number, length: number): Promise<Buffer> => {
    const handle = await open(resolve(path), "r");
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead: got } = await handle.read(buffer, 0, length, offset);
      bytesRead += got;
      return buffer.subarray(0, got);
    } finally {
      await handle.close();
    }
  };
  return {
    root: realRoot,
    files,
    refused,
    bytesRead: () => bytesRead,
    readAt,
    readHead: async (path, maxBytes) => {
      if (!files.includes(path)) return null;
      const info = await lstat(resolve(path)).then((link) => (link.isSymbolicLink() ? stat(resolve(path)) : link));
      return { bytes: await readAt(path, 0, Math.min(maxBytes, info.size)), size: info.size };
    },
  };
}
