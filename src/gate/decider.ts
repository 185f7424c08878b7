import { acquireLineage } from "../acquire/acquire-lineage.js";
import { type AcquireOptions, acquireSnapshot } from "../acquire/acquire-snapshot.js";
import { HubError } from "../acquire/hub/hub-error.js";
import { shippedReferences } from "../acquire/reference-data.js";
import type { Catalog } from "../catalog/catalog.js";
import { checkModel } from "../evaluate/check-model.js";
import type { Policy } from "../policy/policy.js";
import { formatFindingMessage } from "../report/format-message.js";
import type { CheckResult, Verdict } from "../types/result.js";
import { noSecrets, type Redactor } from "../util/redact.js";

/** A policy's verdict on one model at one commit, as `lic check` would give it. */
export interface Decision {
  model: string;
  sha: string;
  verdict: Verdict;
  /** Codes of the findings that count (severity above info), in the result's order. */
  codes: string[];
  /** One line for people: why a blocked model is blocked, or what a warning is about. */
  reason: string;
  /** Read with the gate's token only: a client the upstream refuses must not learn of it from the gate. */
  isPrivate: boolean;
  result: CheckResult;
}

export type DecisionOutcome =
  | { ok: true; decision: Decision; cached: boolean }
  | { ok: false; kind: string; message: string };

export interface DeciderOptions {
  policy: Policy;
  catalog: Catalog;
  /** The gate's own connection to the upstream: its token, never a client's. */
  acquire: AcquireOptions;
  /** null: judge each model on its own (--no-lineage). */
  lineage: { maxDepth: number; concurrency: number } | null;
  /** Today, for waiver expiry; part of the cache key, so an expired waiver stops applying the next day. */
  today: () => string;
  /** Decisions kept in memory; the oldest go first. */
  maxEntries?: number;
  /**
   * Scrubs the gate's token from failure messages. The gate redacts again at its exits (headers, bodies, the audit
   * log), which also covers decisions whose findings quote an upstream.
   */
  redact?: Redactor;
}

/**
 * Decides per model and commit with the same engine as `lic check`: snapshot, lineage, checkModel. Decisions are
 * kept by model, commit, policy digest and day; concurrent asks for the same one share a single evaluation.
 * Failures are not kept: the next request tries again.
 */
export class Decider {
  private readonly decided = new Map<string, Decision>();
  private readonly pending = new Map<string, Promise<DecisionOutcome>>();
  private readonly maxEntries: number;

  constructor(private readonly options: DeciderOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** `revision` should be a commit sha; a branch is evaluated again each time (it may have moved). */
  async decide(repoId: string, revision: string): Promise<DecisionOutcome> {
    const key = this.keyOf(repoId, revision);
    const known = this.decided.get(key);
    if (known) {
      this.decided.delete(key);
      this.decided.set(key, known);
      return { ok: true, decision: known, cached: true };
    }
    const running = this.pending.get(key);
    if (running) return running;
    const evaluation = this.evaluate(repoId, revision).finally(() => this.pending.delete(key));
    this.pending.set(key, evaluation);
    return evaluation;
  }

  get size(): number {
    return this.decided.size;
  }

  private keyOf(repoId: string, sha: string): string {
    return `${repoId.toLowerCase()}@${sha}#${this.options.policy.digest}#${this.options.today()}`;
  }

  private async evaluate(repoId: string, revision: string): Promise<DecisionOutcome> {
    const { policy, catalog } = this.options;
    try {
      const snapshot = await acquireSnapshot({ id: repoId, revision }, this.options.acquire);
      const lineage = this.options.lineage
        ? await acquireLineage(snapshot, { ...this.options.acquire, ...this.options.lineage })
        : undefined;
      const result = checkModel(snapshot, policy, {
        today: this.options.today(),
        catalog,
        references: shippedReferences,
        ...(lineage ? { lineage } : {}),
      });
      const decision = toDecision(result, policy.name, snapshot.private);
      // Kept under the commit the revision resolved to: a branch moves, but what it pointed at does not, and the
      // file requests that follow name that commit (X-Repo-Commit).
      this.keep(this.keyOf(repoId, decision.sha), decision);
      return { ok: true, decision, cached: false };
    } catch (error) {
      const redact = this.options.redact ?? noSecrets;
      if (error instanceof HubError) return { ok: false, kind: error.kind, message: redact(error.message) };
      return {
        ok: false,
        kind: "internal",
        message: redact(`${repoId}: internal error: ${error instanceof Error ? error.message : String(error)}`),
      };
    }
  }

  private keep(key: string, decision: Decision): void {
    this.decided.set(key, decision);
    if (this.decided.size > this.maxEntries) this.decided.delete(this.decided.keys().next().value!);
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
    model: result.model,
    sha: result.revision,
    verdict: result.verdict,
    codes: [...new Set(counted.map((finding) => finding.code))],
    reason: `${where} ${verb} by policy "${policyName}"${details.length > 0 ? `: ${details.join("; ")}` : ""}`,
    isPrivate,
    result,
  };
}
