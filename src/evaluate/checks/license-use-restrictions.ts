import { OUTCOME_SEVERITY } from "../../policy/policy.js";
import type { Severity } from "../../types/finding.js";
import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./policy-rules.js";

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * A license that binds you to a use policy: the `useRestrictions` rule, and the `passOnRestrictions` rule when a
 * redistributor must impose it on recipients, unless the policy's context says models stay inside the
 * organization (the duty binds only distribution). One finding, at the stricter of the two.
 */
export default defineCheck({
  code: "license-use-restrictions",
  run: (context) => {
    const { rules } = context.policy;
    const distributes = context.policy.context.distribution?.value !== "internal-only";
    return licensesInScope(context).flatMap((license) => {
      const restrictions = license.entry?.terms?.useRestrictions;
      if (!restrictions) return [];
      const applicable = [
        rules.useRestrictions,
        restrictions.mustPassOn && distributes ? rules.passOnRestrictions : undefined,
      ]
        .filter((setting) => setting !== undefined && setting.value !== "allow")
        .map((setting) => ({ severity: OUTCOME_SEVERITY[setting!.value], rule: setting!.at }))
        .sort((a, b) => RANK[b.severity] - RANK[a.severity]);
      const decided = applicable[0];
      if (!decided) return [];
      return [
        {
          code: "license-use-restrictions" as const,
          ...decided,
          args: { license: license.key, document: restrictions.document, mustPassOn: restrictions.mustPassOn },
          evidence: license.evidence,
          term: restrictions.source,
        },
      ];
    });
  },
});
