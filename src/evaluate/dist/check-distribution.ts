import type { Catalog } from "../../catalog/catalog.js";
import { parentModels } from "../../identify/lineage/parent-models.js";
import type { Policy } from "../../policy/policy.js";
import type { DistRead } from "../../types/dist-read.js";
import type { DistParent, DistReport, Duty } from "../../types/dist-report.js";
import type { CheckResult, PolicyUsed } from "../../types/result.js";
import { cardBaseModels, type DistContext } from "./dist-context.js";
import { dutyChecks } from "./duties/index.js";
import { rootSnapshot } from "./root-snapshot.js";

export interface DistributionOptions {
  policy: Policy;
  policyUsed: PolicyUsed;
  catalog: Catalog;
  /** The published name: `--name`, else the folder's or repo's. */
  name: { value: string; from: DistReport["name"]["from"] };
  tool: DistReport["tool"];
  generatedAt: string;
}

/**
 * The distributor's checklist, pure: from what was read and what `checkModel` made of it with the lineage, every
 * duty the distribution triggers, each with its clause and whether the model meets it, and the verdict.
 */
export function checkDistribution(read: DistRead, result: CheckResult, options: DistributionOptions): DistReport {
  const parents = parentsOf(read, result);
  const context: DistContext = {
    read,
    result,
    policy: options.policy,
    catalog: options.catalog,
    name: options.name.value,
    parents,
    isDerivative: parents.length > 0 || parentModels(rootSnapshot(read)).length > 0,
  };
  const duties = dutyChecks.flatMap((check) => check(context));
  return {
    tool: options.tool,
    generatedAt: options.generatedAt,
    policy: options.policyUsed,
    target: read.target,
    name: options.name,
    licenses: [...new Set(result.license.licenses.map((license) => license.id))],
    parents,
    verdict: verdictOf(duties, parents),
    duties,
    read: {
      files: read.snapshot.files.length,
      weights: read.weights.map((weight) => ({ path: weight.path, format: weight.format, problem: weight.problem })),
      refused: read.refused,
      bytesRead: read.bytesRead,
    },
  };
}

/** A missing duty stands whatever else is unknown; an ancestor that could not be read leaves the rest undecided. */
export function verdictOf(duties: Duty[], parents: DistParent[]): DistReport["verdict"] {
  if (duties.some((duty) => duty.status === "missing")) return "not-ready";
  if (duties.some((duty) => duty.status === "unknown") || parents.some((parent) => parent.unavailable))
    return "undecided";
  return "ready";
}

function parentsOf(read: DistRead, result: CheckResult): DistParent[] {
  const onCard = cardBaseModels(read.snapshot.cardData).map((id) => id.toLowerCase());
  return result.lineage.map((ancestor) => {
    const id = ancestor.id.toLowerCase();
    const from: DistParent["from"] =
      ancestor.depth > 1
        ? "lineage"
        : onCard.includes(id) || read.snapshot.tags.length > 0
          ? "card"
          : read.adapterBase?.toLowerCase() === id
            ? "adapter-config"
            : "weight-header";
    return {
      id: ancestor.id,
      sha: ancestor.sha,
      relation: ancestor.relation,
      depth: ancestor.depth,
      licenses: ancestor.licenses,
      from,
      unavailable: ancestor.unavailable,
    };
  });
}
