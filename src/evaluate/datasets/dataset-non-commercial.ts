import { defineCheck } from "../checks/define-check.js";
import { ADVISORY, datasetLicenses } from "./dataset-licenses.js";

/**
 * A dataset of the training data whose license forbids commercial use (CC BY-NC, non-production); research-only
 * licenses are dataset-research-only's. An organization whose context says it does research is within them.
 */
export default defineCheck({
  code: "dataset-non-commercial",
  run: (context) => {
    if (context.policy.context.use?.value === "research") return [];
    return datasetLicenses(context).flatMap(({ dataset, key, entry, evidence }) => {
      const use = entry?.terms?.commercialUse;
      if (use?.kind !== "forbidden" || use.scope === "research-only") return [];
      return [
        {
          code: "dataset-non-commercial" as const,
          args: { dataset: dataset.link.id, license: key, scope: use.scope },
          subject: null,
          evidence,
          term: use.source,
          ...ADVISORY,
        },
      ];
    });
  },
});
