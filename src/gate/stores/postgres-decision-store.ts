import type pg from "pg";
import { messageOf } from "../db/connection.js";
import type { Decision, DecisionOutcome } from "../decision.js";
import type { DecisionStore } from "./decision-store.js";
import { MemoryDecisionStore } from "./memory-decision-store.js";

export interface PostgresDecisionStoreOptions {
  pool: pg.Pool;
  /** The catalog's digest: a lic with other license data decides afresh rather than reuse another's decisions. */
  catalogDigest: string;
  onNotice: (message: string) => void;
}

/**
 * Decisions in PostgreSQL, shared by every replica: one replica's evaluation is the others' answer. Keyed by repo
 * type, catalog digest and the Decider's key (model id, commit, policy digest, day). Memory in front, for speed and
 * for single flight within this process. PostgreSQL failing is not the gate failing: a read that fails is a miss (the
 * model is evaluated here), a write that fails keeps the decision in memory only; both are reported.
 */
export class PostgresDecisionStore implements DecisionStore {
  private readonly local = new MemoryDecisionStore();

  constructor(private readonly options: PostgresDecisionStoreOptions) {}

  held(key: string): Decision | null {
    return this.local.held(key);
  }

  async get(key: string): Promise<Decision | null> {
    const known = await this.local.get(key);
    if (known) return known;
    try {
      const { rows } = await this.options.pool.query<{ decision: Decision }>(
        // A dataset's key has its own prefix (decider.ts), so the key alone names one repo type's row.
        "SELECT decision FROM lic_decisions WHERE catalog_digest = $1 AND decision_key = $2",
        [this.options.catalogDigest, key],
      );
      const shared = rows[0]?.decision ?? null;
      if (shared) await this.local.put(key, shared);
      return shared;
    } catch (error) {
      this.options.onNotice(`PostgreSQL did not answer for a decision (${messageOf(error)}); deciding here`);
      return null;
    }
  }

  async put(key: string, decision: Decision): Promise<void> {
    await this.local.put(key, decision);
    try {
      await this.options.pool.query(
        `INSERT INTO lic_decisions (repo_type, catalog_digest, decision_key, model, sha, verdict, decision)
         VALUES ($7, $1, $2, $3, $4, $5, $6)
         ON CONFLICT (repo_type, catalog_digest, decision_key) DO UPDATE SET decision = EXCLUDED.decision, verdict = EXCLUDED.verdict, decided_at = now()`,
        [
          this.options.catalogDigest,
          key,
          decision.model,
          decision.sha,
          decision.verdict,
          JSON.stringify(decision),
          decision.repoType ?? "model",
        ],
      );
    } catch (error) {
      this.options.onNotice(`PostgreSQL did not keep a decision (${messageOf(error)}); it is kept in memory only`);
    }
  }

  once(key: string, evaluate: () => Promise<DecisionOutcome>): Promise<DecisionOutcome> {
    return this.local.once(key, evaluate);
  }

  /** Decisions held in this process's memory. */
  get size(): number {
    return this.local.size;
  }
}
