import { scanTree } from "../../scan/scan-tree.js";
import type { ScanResult } from "../../types/code-reference.js";
import type { CliIo } from "../cli-io.js";
import { ExitCode } from "../exit-code.js";
import { printNotes } from "../print-notes.js";
import { checkFolder } from "../project-root.js";
import { writeOutput } from "../write-output.js";

export interface ScanFlags {
  exclude?: string[];
  format: "text" | "json";
  output?: string;
}

export const SCAN_SCHEMA_VERSION = 1;

/** `lic scan`: the Hub repos the code under each PATH loads, and the loads lic cannot resolve. Exit 0, or 2. */
export async function runScan(paths: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  const roots = paths.length > 0 ? paths : ["."];
  for (const root of roots) checkFolder(root, "lic scan");
  const scans = await Promise.all(roots.map((root) => scanTree(root, { exclude: flags.exclude ?? [] })));
  // With several roots, each path is prefixed by its root, so that the places stay apart.
  const merged = roots.length === 1 ? scans[0]! : mergeScans(roots, scans);
  const output = flags.format === "json" ? formatScanJson(merged) : formatScanText(merged);
  if (flags.output) await writeOutput(flags.output, output);
  else io.stdout(output);
  printNotes(merged.notes, roots.length === 1 ? roots[0]! : ".", io.stderr);
  return ExitCode.ok;
}

function mergeScans(roots: string[], scans: ScanResult[]): ScanResult {
  const under = (index: number, path: string) => `${roots[index]!.replace(/\/+$/, "")}/${path}`;
  const prefixed = <T extends { file: string }>(index: number, items: T[]) =>
    items.map((item) => ({ ...item, file: under(index, item.file) }));
  return {
    references: scans.flatMap((scan, index) => prefixed(index, scan.references)),
    dynamic: scans.flatMap((scan, index) => prefixed(index, scan.dynamic)),
    confusions: scans.flatMap((scan, index) =>
      scan.confusions.map((confusion) => ({
        ...confusion,
        directory: under(index, confusion.directory),
        references: prefixed(index, confusion.references),
      })),
    ),
    notes: scans.flatMap((scan, index) => prefixed(index, scan.notes)),
    files: scans.reduce((total, scan) => total + scan.files, 0),
  };
}

/** The JSON documented in README.md (`lic scan --format json`); fields are only ever added within a schemaVersion. */
export function formatScanJson(scan: ScanResult): string {
  const document = {
    schemaVersion: SCAN_SCHEMA_VERSION,
    references: scan.references.map((reference) => ({
      id: reference.id,
      kind: reference.kind,
      revision: reference.revision,
      pinned: reference.pinned,
      file: reference.file,
      line: reference.line,
      column: reference.column,
      via: reference.via,
      ...(reference.env !== undefined ? { env: reference.env } : {}),
      ...(reference.adapter ? { adapter: true } : {}),
    })),
    dynamic: scan.dynamic,
    confusions: scan.confusions,
    notes: scan.notes,
    files: scan.files,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function formatScanText(scan: ScanResult): string {
  const lines: string[] = [];
  for (const reference of scan.references) {
    const revision = reference.revision === null ? "(no revision)" : `@${reference.revision}`;
    const pin = reference.pinned ? "pinned" : "unpinned";
    const extra = [reference.kind, pin, reference.via, ...(reference.env ? [`env ${reference.env}`] : [])];
    if (reference.adapter) extra.push("adapter");
    lines.push(
      `${reference.file}:${reference.line}:${reference.column}  ${reference.id} ${revision}  (${extra.join(", ")})`,
    );
  }
  for (const load of scan.dynamic)
    lines.push(`${load.file}:${load.line}:${load.column}  dynamic: ${load.expression}  (${load.via})`);
  for (const confusion of scan.confusions)
    lines.push(`${confusion.directory}/  model confusion: the folder shadows the Hub id ${confusion.id}`);
  const models = new Set(scan.references.filter((r) => r.kind === "model").map((r) => r.id)).size;
  const datasets = new Set(scan.references.filter((r) => r.kind === "dataset").map((r) => r.id)).size;
  const unpinned = scan.references.filter((reference) => !reference.pinned).length;
  lines.push(
    `${scan.files} files read: ${scan.references.length} references to ${models} models and ${datasets} datasets (${unpinned} unpinned), ${scan.dynamic.length} dynamic`,
  );
  return `${lines.join("\n")}\n`;
}
