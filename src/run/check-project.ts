import { posix, sep } from "node:path";
import { catalogDigest } from "../catalog/catalog-digest.js";
import { commitMissing, driftOf, planLocked } from "../lock/compare-lock.js";
import { repoEntry } from "../lock/lock-entry.js";
import { LOCK_VERSION, type LockEntry, type LockedEntry, type LockFile } from "../lock/lock-file.js";
import { type RepoUse, repoKey, repoUsesOf, scanFacts } from "../lock/repo-uses.js";
import { decideSeverities } from "../policy/apply-policy.js";
import { scanTree } from "../scan/scan-tree.js";
import type { ScanResult } from "../types/code-reference.js";
import type { Fact } from "../types/finding.js";
import type { ModelRef } from "../types/repo-ref.js";
import type { CheckResult, ModelError, ProjectReport } from "../types/result.js";
import { mapConcurrent } from "../util/map-concurrent.js";
import { type CheckRefOptions, checkRef, checkRefs, forOneRun, type RefOutcome } from "./check-refs.js";

export interface ProjectOptions extends CheckRefOptions {
  concurrency: number;
  /** gitignore-style patterns left out of the scan. */
  exclude: string[];
}

/** What a run over a project's code gives the report: the models' results and errors, and the project's own part. */
export interface ProjectRun {
  results: CheckResult[];
  errors: ModelError[];
  project: ProjectReport;
  scan: ScanResult;
}

/** `lic check --scan`: every model and dataset the code loads, each at the revision the code asks for. */
export async function checkScanned(root: string, options: ProjectOptions): Promise<ProjectRun> {
  const scan = await scanTree(root, { exclude: options.exclude });
  const repos = repoUsesOf(scan.references);
  const outcomes = await checkRepos(
    repos.map((repo) => ({ repo, ref: refOf(repo, repo.requested) })),
    options,
  );
  return finish(root, null, scan, repos, outcomes, [], options);
}

/**
 * `lic check --locked`: the code's loads against lic.lock. Each model the lock lists is checked at its locked commit
 * (from the cache when it has it, so an unchanged project costs no request); drift is reported as findings.
 */
export async function checkLocked(
  root: string,
  lock: { file: LockFile; entries: LockedEntry[] },
  options: ProjectOptions,
): Promise<ProjectRun> {
  const scan = await scanTree(root, { exclude: options.exclude });
  const repos = repoUsesOf(scan.references);
  const plan = planLocked(repos, lock.entries);
  const models = plan.locked;
  const outcomes = await checkRepos(
    models.map(({ repo, entry }) => ({ repo, ref: lockedRef(entry.entry) })),
    options,
  );
  const now = { policy: options.policy.digest, catalog: catalogDigest() };
  const drift: Fact[] = [...plan.facts];
  models.forEach(({ entry }, index) => {
    const outcome = outcomes[index]!.outcome;
    if (outcome.ok) drift.push(...driftOf(entry, outcome.result, outcome.snapshot, lock.file, now));
    else if (outcome.error.kind === "repo-not-found" || outcome.error.kind === "revision-not-found")
      drift.push(commitMissing(entry, outcome.error.message));
  });
  // A missing commit is the lock's finding; the model is not also "not checked".
  const missing = new Set(drift.flatMap((fact) => (fact.code === "lock-commit-missing" ? [fact.args.id] : [])));
  const kept = outcomes.filter(({ outcome }) => outcome.ok || !missing.has(outcome.error.model));
  return finish(root, "lic.lock", scan, repos, kept, drift, options);
}

/** Where a lock entry is checked: its locked commit, which the cache answers, so an unchanged lock costs no request. */
function lockedRef(entry: LockEntry): ModelRef {
  return refOf(entry, entry.revision ?? entry.requested);
}

/** `lic bom lic.lock`: every model and dataset the lock lists, each at its locked commit, with no scan of the code. */
export async function checkLockEntries(
  entries: LockedEntry[],
  options: CheckRefOptions & { concurrency: number },
): Promise<{ results: CheckResult[]; errors: ModelError[] }> {
  return checkRefs(
    entries.map(({ entry }) => lockedRef(entry)),
    options,
  );
}

/** `lic lock`: checks every repo the code loads and returns the lock to write, with the run's report. */
export async function lockProject(
  root: string,
  previous: LockedEntry[],
  options: ProjectOptions & { update: boolean; version: string },
): Promise<ProjectRun & { lock: LockFile | null }> {
  const scan = await scanTree(root, { exclude: options.exclude });
  const repos = repoUsesOf(scan.references);
  const kept = new Map(previous.map(({ entry }) => [repoKey(entry.kind, entry.id, entry.requested), entry]));
  const outcomes = await checkRepos(
    repos.map((repo) => {
      // Without --update an entry keeps its commit: a branch that moved is re-resolved only when asked.
      const locked = options.update ? undefined : kept.get(repoKey(repo.kind, repo.id, repo.requested));
      return { repo, ref: refOf(repo, locked?.revision ?? repo.requested) };
    }),
    options,
  );
  const run = finish(root, null, scan, repos, outcomes, [], options);
  if (run.errors.length > 0) return { ...run, lock: null };
  const entries: LockEntry[] = outcomes.flatMap(({ repo, outcome }) =>
    outcome.ok ? [repoEntry(repo, outcome.result, outcome.snapshot)] : [],
  );
  const lock: LockFile = {
    lockVersion: LOCK_VERSION,
    generatedBy: `lic ${options.version}`,
    policy: { name: options.policy.name, digest: options.policy.digest },
    catalog: { version: options.version, digest: catalogDigest() },
    entries,
  };
  return { ...run, lock };
}

type RepoOutcome = { repo: RepoUse; outcome: RefOutcome };

/** The ref a use (or a lock entry) is checked by: a dataset is checked as a dataset, at `revision`. */
function refOf(repo: Pick<RepoUse, "kind" | "id">, revision: string): ModelRef {
  return repo.kind === "dataset" ? { id: repo.id, revision, repoType: "dataset" } : { id: repo.id, revision };
}

async function checkRepos(planned: { repo: RepoUse; ref: ModelRef }[], options: ProjectOptions) {
  options.onProgress?.({ event: "planned", total: planned.length });
  const run = forOneRun(options);
  return mapConcurrent(
    planned,
    options.concurrency,
    async ({ repo, ref }): Promise<RepoOutcome> => ({ repo, outcome: await checkRef(ref, run) }),
  );
}

function finish(
  root: string,
  lock: string | null,
  scan: ScanResult,
  repos: RepoUse[],
  outcomes: RepoOutcome[],
  drift: Fact[],
  options: ProjectOptions,
): ProjectRun {
  const place = placeFrom(root);
  const usesOf = (repo: RepoUse) => repo.uses.map((use) => ({ ...use, file: place(use.file) }));
  const results = outcomes.flatMap(({ repo, outcome }) =>
    outcome.ok ? [{ ...outcome.result, uses: usesOf(repo) }] : [],
  );
  const errors = outcomes.flatMap(({ repo, outcome }) =>
    outcome.ok ? [] : [{ ...outcome.error, uses: usesOf(repo) }],
  );
  const findings = decideSeverities([...scanFacts(scan), ...drift], options.policy).map((finding) => ({
    ...finding,
    evidence: finding.evidence.map((evidence) =>
      evidence.source === "code" || evidence.source === "lock" ? { ...evidence, file: place(evidence.file) } : evidence,
    ),
  }));
  const datasets = repos
    .filter((repo) => repo.kind === "dataset")
    .map((repo) => ({ id: repo.id, requested: repo.requested, uses: usesOf(repo) }));
  return { results, errors, project: { root, lock: lock === null ? null : place(lock), findings, datasets }, scan };
}

/**
 * Reports name places from where lic runs, not from the scanned root: `lic check --locked services/api`, run at the
 * repository's root as CI does, reports `services/api/app.py`, the path GitHub code scanning and annotations resolve.
 * The lock keeps paths from its own folder, so it does not depend on where it is checked from.
 */
function placeFrom(root: string): (file: string) => string {
  const base = posix.normalize(root.split(sep).join("/"));
  return base === "." ? (file) => file : (file) => posix.join(base, file);
}
