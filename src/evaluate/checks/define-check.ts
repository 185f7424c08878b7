import type { Catalog } from "../../catalog/catalog.js";
import type { Modality } from "../../identify/card/is-multimodal.js";
import type { FrontMatter } from "../../identify/card/parse-front-matter.js";
import type { Policy } from "../../policy/policy.js";
import type { FactOf, FindingCode } from "../../types/finding.js";
import type { LicenseAnalysis } from "../../types/result.js";
import type { Ancestor, ModelSnapshot } from "../../types/snapshot.js";
import type { IdentifiedTrainingData } from "../datasets/identify-datasets.js";

/** What every check sees: the snapshot, what the core has derived from it, the policy and the catalog. */
export interface CheckContext {
  snapshot: ModelSnapshot;
  card: FrontMatter;
  licenses: LicenseAnalysis;
  policy: Policy;
  catalog: Catalog;
  /** The model's ancestors with their licenses; empty without lineage. */
  lineage: Ancestor[];
  /** Whether the model is multimodal, from its config, files, ancestors (their own config), task and tags. */
  modality: Modality;
  /**
   * The training data: a model's datasets (its card's and its ancestors' `datasets:`), a dataset's sources
   * (`source_datasets`), each with its own licenses, which never enter `licenses`. Empty when none was acquired.
   */
  training: IdentifiedTrainingData;
}

/**
 * One finding code, one check: pure, synchronous, reading only its context. It reports facts (args, subject,
 * evidence, term, and the basis the policy decides on); the severity is decided once, after all checks, by
 * policy/apply-policy.ts. A check reads the policy's context and lists, never its rules, outcomes or severities.
 */
export interface Check<Code extends FindingCode> {
  code: Code;
  run(context: CheckContext): FactOf<Code>[];
}

export function defineCheck<Code extends FindingCode>(check: Check<Code>): Check<Code> {
  return check;
}
