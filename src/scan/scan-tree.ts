import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join, posix } from "node:path";
import type {
  CodeLocation,
  CodeReference,
  DynamicReference,
  LocalConfusion,
  ScanNote,
  ScanResult,
} from "../types/code-reference.js";
import { byCodePoint } from "../util/compare.js";
import { mapConcurrent } from "../util/map-concurrent.js";
import { NOTHING, SourceParseError } from "./extract/extracted.js";
import { extractorFor, type FileExtractor } from "./extractors.js";
import { parserFor } from "./parsers.js";
import { walkTree } from "./walk-tree.js";

export interface ScanOptions {
  exclude: string[];
}

/** Files read at once: enough to keep the disk busy while one file parses. */
const READ_CONCURRENCY = 16;
/** A file with a NUL in its head is binary, whatever its name says. */
const SNIFF_BYTES = 8192;

/**
 * Every Hub repo the code and configs under `root` load, with where; what could not be resolved; what could not be
 * read. Paths are relative to `root`. Never throws for a file: a file that cannot be read or parsed is a note.
 */
export async function scanTree(root: string, options: ScanOptions): Promise<ScanResult> {
  const walked = await walkTree(root, { exclude: options.exclude, wanted: (name) => extractorFor(name) !== null });
  const notes: ScanNote[] = [...walked.notes];
  const references: CodeReference[] = [];
  const dynamic: DynamicReference[] = [];
  await mapConcurrent(walked.files, READ_CONCURRENCY, async (file) => {
    const name = posix.basename(file);
    const extractor = extractorFor(name)!;
    const read = readSource(join(root, file), extractor.maxBytes);
    if (!read.ok) {
      notes.push({ file, ...read.note });
      return;
    }
    try {
      const found = await extractFrom(extractor, read.text, file);
      references.push(...found.references);
      dynamic.push(...found.dynamic);
    } catch (error) {
      notes.push({ file, reason: "unparsable", message: `${parseProblem(error)}: skipped` });
    }
  });
  references.sort(byPlace);
  dynamic.sort(byPlace);
  notes.sort((a, b) => byCodePoint(a.file, b.file));
  return { references, dynamic, confusions: await confusionsIn(root, references), notes, files: walked.files.length };
}

async function extractFrom(extractor: FileExtractor, text: string, file: string) {
  if (!extractor.mayLoad(text)) return NOTHING;
  if (extractor.grammar === null) return extractor.extract(text, file);
  return extractor.extract(text, file, await parserFor(extractor.grammar));
}

type SourceRead = { ok: true; text: string } | { ok: false; note: Omit<ScanNote, "file"> };

/**
 * Reads a file whole, or says why not. Synchronous on purpose: a scan reads thousands of small files, and the
 * promise API's open, stat, read and close each cost a round trip to the thread pool (most of the scan's time).
 * The size is checked on the open descriptor, and no more than the cap is ever read, whatever the file grows to.
 */
function readSource(path: string, maxBytes: number): SourceRead {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    return { ok: false, note: { reason: "unreadable", message: `could not be read (${codeOf(error)})` } };
  }
  try {
    const { size } = fstatSync(fd);
    const tooLarge = {
      ok: false,
      note: { reason: "too-large", message: `over the ${maxBytes}-byte limit for a source file: skipped` },
    } as const;
    if (size > maxBytes) return tooLarge;
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return tooLarge;
    const bytes = buffer.subarray(0, length);
    if (bytes.subarray(0, SNIFF_BYTES).includes(0))
      return { ok: false, note: { reason: "binary", message: "binary content: skipped" } };
    return { ok: true, text: bytes.toString("utf8") };
  } catch (error) {
    return { ok: false, note: { reason: "unreadable", message: `could not be read (${codeOf(error)})` } };
  } finally {
    closeSync(fd);
  }
}

/**
 * Ids that are also a folder in the tree: `from_pretrained("org/name")` takes a local folder of that name over the
 * Hub (transformers tries `os.path.isdir` first), so a folder planted in the repo replaces the model. The folder is
 * looked for beside the root (where a process usually starts) and beside the file that loads it.
 * OWASP AISVS "model confusion": https://github.com/OWASP/AISVS/issues/451
 */
async function confusionsIn(root: string, references: CodeReference[]): Promise<LocalConfusion[]> {
  const found = new Map<string, LocalConfusion>();
  for (const reference of references) {
    for (const folder of [reference.id, posix.join(posix.dirname(reference.file), reference.id)]) {
      if (!(await isFolder(join(root, folder)))) continue;
      const key = `${reference.id}\0${folder}`;
      const entry = found.get(key) ?? { id: reference.id, directory: folder, references: [] };
      entry.references.push(locationOf(reference));
      found.set(key, entry);
      break;
    }
  }
  return [...found.values()].sort((a, b) => byCodePoint(a.directory, b.directory));
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

function locationOf({ file, line, column, via }: CodeReference): CodeLocation & { via: string } {
  return { file, line, column, via };
}

function byPlace(a: CodeLocation, b: CodeLocation): number {
  return byCodePoint(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** A parser's complaint on one line, with its line once (YAML's own message names it already, with a code excerpt). */
function parseProblem(error: unknown): string {
  const first = messageOf(error).split("\n")[0]!.replace(/:\s*$/, "");
  const line = error instanceof SourceParseError ? error.line : null;
  return line === null || /\bline \d+/.test(first) ? first : `${first} (line ${line})`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? messageOf(error);
}
