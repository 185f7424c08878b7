import type { Catalog } from "../../catalog/catalog.js";
import type { FrontMatter } from "../../identify/card/parse-front-matter.js";
import type { Policy } from "../../policy/policy.js";
import type { Finding, FindingCode } from "../../types/finding.js";
import type { LicenseAnalysis } from "../../types/result.js";
import type { Ancestor, ModelSnapshot } from "../../types/snapshot.js";

/** What every check sees: the snapshot, what the core has derived from it, the policy and the catalog. */
export interface CheckContext {
  snapshot: ModelSnapshot;
  card: FrontMatter;
  licenses: LicenseAnalysis;
  policy: Policy;
  catalog: Catalog;
  /** The model's ancestors with their licenses; empty without lineage. */
  lineage: Ancestor[];
}

export type FindingOf<Code extends FindingCode> = Extract<Finding, { code: Code }>;

/** One finding code, one check: pure, synchronous, reading only its context. */
export interface Check<Code extends FindingCode> {
  code: Code;
  run(context: CheckContext): FindingOf<Code>[];
}

export function defineCheck<Code extends FindingCode>(check: Check<Code>): Check<Code> {
  return check;
}
