import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/**
 * A license that binds you to a use policy: the `useRestrictions` rule decides it, and the `passOnRestrictions`
 * rule too when a redistributor must impose it on recipients, unless the policy's context says models stay inside
 * the organization (the duty binds only distribution). One finding; apply-policy takes the stricter rule.
 */
export default defineCheck({
  code: "license-use-restrictions",
  run: (context) => {
    const distributes = context.policy.context.distribution?.value !== "internal-only";
    return licensesInScope(context).flatMap((license) => {
      const restrictions = license.entry?.terms?.useRestrictions;
      if (!restrictions) return [];
      return [
        {
          code: "license-use-restrictions" as const,
          args: { license: license.key, document: restrictions.document, mustPassOn: restrictions.mustPassOn },
          subject: { license: license.key },
          evidence: license.evidence,
          term: restrictions.source,
          basis: { bindsRecipients: restrictions.mustPassOn && distributes },
        },
      ];
    });
  },
});
