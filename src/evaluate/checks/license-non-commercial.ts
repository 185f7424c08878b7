import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/**
 * A license that forbids commercial use (non-commercial, research-only, non-production). An organization whose
 * context says it uses models for research is within such licenses, so they are not held against it.
 */
export default defineCheck({
  code: "license-non-commercial",
  run: (context) => {
    if (context.policy.context.use?.value === "research") return [];
    return licensesInScope(context).flatMap((license) => {
      const use = license.entry?.terms?.commercialUse;
      if (use?.kind !== "forbidden") return [];
      return [
        {
          code: "license-non-commercial" as const,
          args: { license: license.key, scope: use.scope },
          subject: { license: license.key },
          evidence: license.evidence,
          term: use.source,
        },
      ];
    });
  },
});
