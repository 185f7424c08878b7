import type { CodeReference, RepoKind, ScanResult } from "../types/code-reference.js";
import type { Fact } from "../types/finding.js";
import type { CodeUse } from "../types/result.js";
import { byCodePoint } from "../util/compare.js";

/** The revision the Hub clients read when the code names none. */
export const DEFAULT_REQUESTED = "main";

/** One repo at one requested revision, with every place the code loads it: the unit lic checks and locks. */
export interface RepoUse {
  kind: RepoKind;
  id: string;
  /** The revision the code asks for, `main` when it names none. */
  requested: string;
  pinned: boolean;
  uses: CodeUse[];
}

/** The scan's references grouped by (kind, id, requested revision), in that order; uses in file order. */
export function repoUsesOf(references: CodeReference[]): RepoUse[] {
  const groups = new Map<string, RepoUse>();
  for (const reference of references) {
    const requested = reference.revision ?? DEFAULT_REQUESTED;
    const key = repoKey(reference.kind, reference.id, requested);
    const group = groups.get(key) ?? {
      kind: reference.kind,
      id: reference.id,
      requested,
      pinned: reference.pinned,
      uses: [],
    };
    group.uses.push({ file: reference.file, line: reference.line, column: reference.column, via: reference.via });
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => byCodePoint(a, b)).map(([, group]) => group);
}

export function repoKey(kind: RepoKind, id: string, requested: string): string {
  return `${kind}\0${id}\0${requested}`;
}

/** `file:line`, as lic.lock and the reports name a place. */
export function useLabel(use: CodeUse): string {
  return `${use.file}:${use.line}`;
}

/** What the scan itself says about the code: loads lic cannot resolve, and ids a local folder would shadow. */
export function scanFacts(scan: ScanResult): Fact[] {
  const dynamic = scan.dynamic.map(
    (load): Fact => ({
      code: "reference-dynamic",
      args: { via: load.via, expression: load.expression },
      subject: null,
      evidence: [{ source: "code", file: load.file, line: load.line, column: load.column, via: load.via }],
    }),
  );
  const confusions = scan.confusions.map(
    (confusion): Fact => ({
      code: "model-confusion",
      args: { id: confusion.id, directory: confusion.directory },
      subject: null,
      evidence: confusion.references.map((place) => ({ source: "code", ...place })),
    }),
  );
  return [...dynamic, ...confusions];
}
