import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/** A license not on OSI's approved list (an unknown one included); reported where the policy's `osiApproved` rule says so. */
export default defineCheck({
  code: "license-not-osi-approved",
  run: (context) => {
    return licensesInScope(context)
      .filter((license) => !license.entry?.osi.approved)
      .map((license) => {
        const stance = license.entry?.osi.stance;
        return {
          code: "license-not-osi-approved" as const,
          args: { license: license.key, stance: stance?.statement ?? null },
          subject: { license: license.key },
          evidence: license.evidence,
          ...(stance
            ? {
                term: { document: `Open Source Initiative (${stance.date})`, url: stance.url, quote: stance.statement },
              }
            : {}),
        };
      });
  },
});
