import type { AcquireOptions } from "../acquire/acquire-snapshot.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Policy } from "../policy/policy.js";
import { formatFindingMessage } from "../report/format-message.js";
import { checkRef } from "../run/check-refs.js";
import type { CheckResult } from "../types/result.js";
import { noSecrets, type Redactor } from "../util/redact.js";
import type { Decision, DecisionOutcome } from "./decision.js";
import type { DecisionStore } from "./stores/decision-store.js";
import { MemoryDecisionStore } from "./stores/memory-decision-store.js";

export interface DeciderOptions {
  policy: Policy;
  catalog: Catalog;
  /** The gate's own connection to the upstream: its token, never a client's. */
  acquire: AcquireOptions;
  /** null: judge each model on its own (--no-lineage). */
  lineage: { maxDepth: number; concurrency: number } | null;
  /** Today, for waiver expiry; part of the decision's key, so an expired waiver stops applying the next day. */
  today: () => string;
  /** Where decisions are kept; a MemoryDecisionStore of 10,000 when not given. */
  store?: DecisionStore;
  /**
   * Scrubs the gate's token from failure messages. The gate redacts again at its exits (headers, bodies, the audit
   * log), which also covers decisions whose findings quote an upstream.
   */
  redact?: Redactor;
}

/**
 * Decides per model and commit with the same pipeline as `lic check` (`checkRef`). Decisions are kept by model,
 * commit, policy digest and day in the store; concurrent asks for the same one share a single evaluation.
 * Failures are not kept: the next request tries again.
 */
export class Decider {
  private readonly store: DecisionStore;

  constructor(private readonly options: DeciderOptions) {
    this.store = options.store ?? new MemoryDecisionStore();
  }

  /**
   * `revision` should be a commit sha; a branch is evaluated again each time (it may have moved). A dataset is
   * checked on its own under the same policy (`repoType`), and kept apart from a model of the same id.
   */
  decide(repoId: string, revision: string, repoType?: "dataset"): Promise<DecisionOutcome> {
    const key = this.keyOf(repoId, revision, repoType);
    // A registry's hot path: a decision this process holds is answered without a round through the store's promises.
    const held = this.store.held(key);
    if (held) return Promise.resolve({ ok: true, decision: held, cached: true });
    return this.lookUp(key, repoId, revision, repoType);
  }

  private async lookUp(key: string, repoId: string, revision: string, repoType?: "dataset"): Promise<DecisionOutcome> {
    const known = await this.store.get(key);
    if (known) return { ok: true, decision: known, cached: true };
    return this.store.once(key, () => {
      // Looked for once more: an evaluation that ended while this ask read the store (a slow read, PostgreSQL's)
      // has kept its decision, and is no longer in flight to be joined.
      const held = this.store.held(key);
      if (held) return Promise.resolve({ ok: true as const, decision: held, cached: true });
      return this.evaluate(repoId, revision, repoType);
    });
  }

  get size(): number {
    return this.store.size;
  }

  get policy(): Policy {
    return this.options.policy;
  }

  /**
   * The same Decider under another policy, for a reload: it shares this one's store, whose keys hold the policy
   * digest, so neither takes the other's decisions and an evaluation in flight finishes under the policy it began.
   */
  withPolicy(policy: Policy): Decider {
    return new Decider({ ...this.options, policy, store: this.store });
  }

  /** A model's key is as before (stores shared with older replicas keep their decisions); a dataset's is prefixed. */
  private keyOf(repoId: string, sha: string, repoType?: "dataset"): string {
    const repo = repoType === "dataset" ? `dataset:${repoId.toLowerCase()}` : repoId.toLowerCase();
    return `${repo}@${sha}#${this.options.policy.digest}#${this.options.today()}`;
  }

  private async evaluate(repoId: string, revision: string, repoType?: "dataset"): Promise<DecisionOutcome> {
    const { policy, catalog, acquire, lineage } = this.options;
    const redact = this.options.redact ?? noSecrets;
    const today = this.options.today();
    const ref = repoType ? { id: repoId, revision, repoType } : { id: repoId, revision };
    const checked = await checkRef(ref, { policy, catalog, today, acquire, lineage, redact });
    if (!checked.ok) return { ok: false, kind: checked.error.kind, message: checked.error.message };
    const decision = toDecision(checked.result, policy.name, checked.snapshot.private);
    // Kept under the commit the revision resolved to: a branch moves, but what it pointed at does not, and the
    // file requests that follow name that commit (X-Repo-Commit).
    await this.store.put(this.keyOf(repoId, decision.sha, repoType), decision);
    return { ok: true, decision, cached: false };
  }
}

function toDecision(result: CheckResult, policyName: string, isPrivate: boolean): Decision {
  const counted = result.findings.filter((finding) => finding.severity !== "info");
  const deciding = result.verdict === "block" ? counted.filter((finding) => finding.severity === "error") : counted;
  const where = `${result.model}@${result.revision.slice(0, 12)}`;
  const verb =
    result.verdict === "block" ? "is blocked" : result.verdict === "warn" ? "is allowed with warnings" : "is allowed";
  const details = deciding.map((finding) => `${finding.code}: ${formatFindingMessage(finding)}`);
  return {
    ...(result.repoType ? { repoType: result.repoType } : {}),
    model: result.model,
    sha: result.revision,
    verdict: result.verdict,
    codes: [...new Set(counted.map((finding) => finding.code))],
    reason: `${where} ${verb} by policy "${policyName}"${details.length > 0 ? `: ${details.join("; ")}` : ""}`,
    isPrivate,
    result,
  };
}
