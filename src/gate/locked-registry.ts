import { hash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { LockEntry } from "../lock/lock-file.js";
import { parseLock } from "../lock/lock-file.js";
import type { Decider } from "./decider.js";
import type { Decision, DecisionOutcome } from "./decision.js";

/** Datasets and models are indexed apart: a dataset and a model may share an id. */
const indexKey = (kind: "model" | "dataset", id: string) =>
  kind === "dataset" ? `dataset:${id.toLowerCase()}` : id.toLowerCase();

/**
 * `lic gate --lock lic.lock`: the (model, commit) and (dataset, commit) pairs a reviewed lock approves, and nothing else. Read once per
 * start and per reload; a request is matched by the id the code uses and by the Hub's canonical id (`resolvedAs`),
 * so a renamed repo or a legacy name (`gpt2`) finds its entry either way.
 */
export class LockedRegistry {
  private constructor(
    /** Where the lock was read from, as given: refusals name it, so the fix names the right file. */
    readonly file: string,
    /** sha256 of the lock's bytes, for /metrics and the reload line: which lock a replica runs by. */
    readonly digest: string,
    private readonly byModel: ReadonlyMap<string, LockEntry[]>,
  ) {}

  /** Reads and validates a lock file; throws with every problem, line by line, so a reload can log them all. */
  static async read(file: string): Promise<LockedRegistry> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new Error(`--lock ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    return LockedRegistry.fromText(file, text);
  }

  static fromText(file: string, text: string): LockedRegistry {
    const parsed = parseLock(text);
    if (!parsed.ok) throw new Error(`--lock ${file} is not a lock lic can use:\n${parsed.problems.join("\n")}`);
    const byModel = new Map<string, LockEntry[]>();
    for (const entry of parsed.lock.entries) {
      if (entry.revision === undefined) continue;
      for (const key of new Set([entry.id, entry.resolvedAs ?? entry.id].map((name) => indexKey(entry.kind, name))))
        byModel.set(key, [...(byModel.get(key) ?? []), entry]);
    }
    const digest = `sha256:${hash("sha256", text, "hex")}`;
    return new LockedRegistry(file, digest, byModel);
  }

  /** Locked repos (each entry once, though it is found under two ids when renamed). */
  get size(): number {
    return new Set([...this.byModel.values()].flat()).size;
  }

  /** Why a decided (model, commit) may not be served, or null when the lock approves it. */
  refusalFor(requestedId: string, decision: Decision): string | null {
    const kind = decision.repoType ?? "model";
    const entries = this.entriesFor(requestedId, decision.model, kind);
    const fix = `run lic lock where the code loads it and commit ${this.file}, then reload the gate`;
    const at = `${decision.model}@${decision.sha}`;
    if (entries.length === 0)
      return `${at} is refused: ${this.file} has no entry for the ${kind} ${decision.model}; ${fix}`;
    const entry = entries.find((candidate) => candidate.revision === decision.sha);
    if (!entry) {
      const locked = entries.map((candidate) => candidate.revision!.slice(0, 12)).join(", ");
      return `${at} is refused: ${this.file} locks ${decision.model} at ${locked}, not at this commit; ${fix}`;
    }
    if (entry.verdict === "block")
      return `${at} is refused: ${this.file} records it as blocked (the entry ${entry.id}@${entry.requested})`;
    return null;
  }

  private entriesFor(requestedId: string, model: string, kind: "model" | "dataset"): LockEntry[] {
    const found = new Set([
      ...(this.byModel.get(indexKey(kind, requestedId)) ?? []),
      ...(this.byModel.get(indexKey(kind, model)) ?? []),
    ]);
    return [...found];
  }
}

/**
 * A Decider that also asks the lock: the policy decides first (it resolves a branch to its commit, and a model it
 * blocks stays refused as the policy words it); a decision the lock does not approve becomes a block whose reason
 * names the missing entry, so the gate refuses it (403) and audits it as it does any block. Metadata still passes,
 * annotated, as for any blocked model.
 */
export function lockedDecider(
  decider: Pick<Decider, "decide" | "size">,
  lock: LockedRegistry,
): Pick<Decider, "decide" | "size"> {
  return {
    get size() {
      return decider.size;
    },
    async decide(repoId: string, revision: string, repoType?: "dataset"): Promise<DecisionOutcome> {
      const outcome = await decider.decide(repoId, revision, repoType);
      if (!outcome.ok || outcome.decision.verdict === "block") return outcome;
      const refusal = lock.refusalFor(repoId, outcome.decision);
      if (refusal === null) return outcome;
      return { ...outcome, decision: { ...outcome.decision, verdict: "block", reason: refusal } };
    },
  };
}
