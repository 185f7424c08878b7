import type { FrontMatter } from "../card/parse-front-matter.js";
import type { Finding, FindingCode, LicenseAnalysis, ModelSnapshot } from "../types.js";

/** What every check sees: the snapshot and what the core has already derived from it. */
export interface CheckContext {
  snapshot: ModelSnapshot;
  card: FrontMatter;
  licenses: LicenseAnalysis;
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
