import type { Evidence, Fact } from "../types/finding.js";
import type { CheckResult } from "../types/result.js";
import type { ModelSnapshot } from "../types/snapshot.js";
import { LOCK_FILE, type LockedEntry, type LockFile } from "./lock-file.js";
import { type RepoUse, repoKey } from "./repo-uses.js";

/** What `lic check --locked` does with each repo the code loads: check it at its locked commit, or report it. */
export interface LockedPlan {
  /** Repos the code loads that the lock lists: each is checked at the entry's commit. */
  locked: { repo: RepoUse; entry: LockedEntry }[];
  /** Drift found from the code and the lock alone: repos missing from the lock, stale entries, other pins. */
  facts: Fact[];
}

/**
 * Compares the code's loads with lic.lock, as `npm ci` compares package.json with its lock: a repo the code loads
 * that the lock lacks fails (`lock-entry-missing`, or `lock-revision-mismatch` when the code pins a revision the
 * lock does not have for it); a lock entry no code loads is stale (`lock-entry-unused`).
 */
export function planLocked(repos: RepoUse[], entries: LockedEntry[]): LockedPlan {
  const key = (locked: LockedEntry) => repoKey(locked.entry.kind, locked.entry.id, locked.entry.requested);
  const byKey = new Map(entries.map((locked) => [key(locked), locked]));
  const used = new Set<string>();
  const locked: LockedPlan["locked"] = [];
  const facts: Fact[] = [];
  for (const repo of repos) {
    const entry = byKey.get(repoKey(repo.kind, repo.id, repo.requested));
    if (entry) {
      used.add(key(entry));
      locked.push({ repo, entry });
      continue;
    }
    const other = entries.find((candidate) => candidate.entry.kind === repo.kind && candidate.entry.id === repo.id);
    const evidence = codeEvidence(repo);
    if (other && repo.pinned) {
      used.add(key(other));
      facts.push({
        code: "lock-revision-mismatch",
        args: {
          id: repo.id,
          kind: repo.kind,
          inCode: repo.requested,
          locked: other.entry.revision ?? other.entry.requested,
        },
        subject: null,
        evidence: [...evidence, lockEvidence(other)],
      });
    } else {
      facts.push({
        code: "lock-entry-missing",
        args: { id: repo.id, kind: repo.kind, requested: repo.requested },
        subject: null,
        evidence,
      });
    }
  }
  for (const entry of entries) {
    // An entry for a repo the code now pins elsewhere was reported as that pin's mismatch already.
    if (used.has(key(entry))) continue;
    facts.push({
      code: "lock-entry-unused",
      args: { id: entry.entry.id, kind: entry.entry.kind, requested: entry.entry.requested },
      subject: null,
      evidence: [lockEvidence(entry)],
    });
  }
  return { locked, facts };
}

/** The digests a verdict rests on besides the model: the policy's and the catalog's. */
export interface DecisionDigests {
  policy: string;
  catalog: string;
}

/**
 * Drift of one locked model checked again at its commit: a verdict that is not the locked one (with the digest that
 * changed, when one did), and evidence files whose bytes differ from the locked sha256 (the files of a commit never
 * change, so this is a tamper signal). A file that could not be read this time (gated, the Hub failing) is not
 * counted as changed: its gap is reported as a finding of the model.
 */
export function driftOf(
  locked: LockedEntry,
  result: CheckResult,
  snapshot: ModelSnapshot,
  lock: LockFile,
  now: DecisionDigests,
): Fact[] {
  const { entry } = locked;
  const facts: Fact[] = [];
  const at = lockEvidence(locked);
  for (const file of entry.evidence ?? []) {
    if (snapshot.gaps.some((gap) => gap.path === file.path)) continue;
    const found = snapshot.texts.find((text) => text.path === file.path)?.sha256 ?? null;
    if (found === file.sha256) continue;
    facts.push({
      code: "lock-evidence-changed",
      args: { id: entry.id, revision: result.revision, path: file.path, locked: file.sha256, found },
      subject: null,
      evidence: [at],
    });
  }
  if (entry.verdict !== undefined && entry.verdict !== result.verdict) {
    const changed: ("policy" | "catalog")[] = [];
    if (lock.policy.digest !== now.policy) changed.push("policy");
    if (lock.catalog.digest !== now.catalog) changed.push("catalog");
    facts.push({
      code: "lock-verdict-changed",
      args: { id: entry.id, revision: result.revision, locked: entry.verdict, now: result.verdict, changed },
      subject: null,
      evidence: [at],
    });
  }
  return facts;
}

/** The Hub answered that the locked commit (or the repo) does not exist. */
export function commitMissing(locked: LockedEntry, message: string): Fact {
  return {
    code: "lock-commit-missing",
    args: { id: locked.entry.id, revision: locked.entry.revision ?? locked.entry.requested, message },
    subject: null,
    evidence: [lockEvidence(locked)],
  };
}

function codeEvidence(repo: RepoUse): Evidence[] {
  return repo.uses.map((use) => ({ source: "code", ...use }));
}

function lockEvidence({ entry, line }: LockedEntry): Evidence {
  return { source: "lock", file: LOCK_FILE, line, entry: `${entry.kind} ${entry.id}@${entry.requested}` };
}
