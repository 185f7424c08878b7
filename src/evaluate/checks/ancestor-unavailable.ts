import { defineCheck } from "./define-check.js";

/** An ancestor that could not be read (missing, private, gated, a cycle, beyond --max-depth, the Hub failing): its terms are unknown. */
export default defineCheck({
  code: "ancestor-unavailable",
  run: ({ lineage }) =>
    lineage
      .filter((ancestor) => ancestor.unavailable !== null)
      .map((ancestor) => ({
        code: "ancestor-unavailable" as const,
        args: { ancestor: ancestor.id, reason: ancestor.unavailable!.reason, message: ancestor.unavailable!.message },
        subject: null,
        evidence: [
          {
            source: "api" as const,
            field: "base_model",
            value: `${ancestor.parent} → ${ancestor.id} (${ancestor.relation})`,
          },
        ],
      })),
});
