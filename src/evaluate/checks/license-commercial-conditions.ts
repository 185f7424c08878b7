import type { CommercialCondition } from "../../catalog/types.js";
import type { PolicyContext } from "../../policy/policy.js";
import type { RuleReference } from "../../types/finding.js";
import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/**
 * A license whose commercial use is conditional (a user or revenue threshold, registration). Where the policy's
 * context is over a threshold, the license grants no rights at all: the finding names the setting that is over it,
 * and apply-policy blocks, whatever the rule says.
 */
export default defineCheck({
  code: "license-commercial-conditions",
  run: (context) =>
    licensesInScope(context).flatMap((license) => {
      const use = license.entry?.terms?.commercialUse;
      if (use?.kind !== "conditional") return [];
      const exceeded =
        use.conditions
          .map((condition) => exceededBy(condition, context.policy.context))
          .find((over) => over !== null) ?? null;
      return [
        {
          code: "license-commercial-conditions" as const,
          args: {
            license: license.key,
            conditions: use.conditions.map(describeCondition),
            exceeded: exceeded?.text ?? null,
          },
          subject: { license: license.key },
          evidence: license.evidence,
          term: use.source,
          basis: { overThreshold: exceeded?.at ?? null },
        },
      ];
    }),
});

function exceededBy(
  condition: CommercialCondition,
  context: PolicyContext,
): { text: string; at: RuleReference } | null {
  if (
    condition.kind === "monthly-active-users" &&
    context.monthlyActiveUsers &&
    context.monthlyActiveUsers.value > condition.threshold
  ) {
    return {
      text: `${context.monthlyActiveUsers.value.toLocaleString("en-US")} monthly active users is over ${condition.threshold.toLocaleString("en-US")}`,
      at: context.monthlyActiveUsers.at,
    };
  }
  if (
    condition.kind === "annual-revenue" &&
    context.annualRevenueUsd &&
    context.annualRevenueUsd.value > condition.thresholdUsd
  ) {
    return {
      text: `US$${context.annualRevenueUsd.value.toLocaleString("en-US")} annual revenue is over US$${condition.thresholdUsd.toLocaleString("en-US")}`,
      at: context.annualRevenueUsd.at,
    };
  }
  return null;
}

function describeCondition(condition: CommercialCondition): string {
  switch (condition.kind) {
    case "monthly-active-users":
      return `over ${condition.threshold.toLocaleString("en-US")} monthly active users: ${condition.consequence}`;
    case "annual-revenue":
      return `over US$${condition.thresholdUsd.toLocaleString("en-US")} annual revenue: ${condition.consequence}`;
    case "registration":
      return `registration: ${condition.consequence}`;
  }
}
