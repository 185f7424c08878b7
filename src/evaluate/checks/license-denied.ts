import { keysOf } from "../../identify/parse-expression.js";
import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/** A license the policy's deny list names: blocked, whatever else allows it. */
export default defineCheck({
  code: "license-denied",
  run: (context) =>
    licensesInScope(context).flatMap((license) => {
      const entry = context.policy.deny.find((denied) => keysOf(denied.expression).includes(license.key));
      if (!entry) return [];
      return [
        {
          code: "license-denied" as const,
          args: { license: license.key, entry: entry.raw },
          subject: { license: license.key },
          evidence: license.evidence,
          basis: { entry: entry.at },
        },
      ];
    }),
});
