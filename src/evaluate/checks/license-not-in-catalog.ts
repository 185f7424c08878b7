import { defineCheck } from "./define-check.js";

/** A declared license lic does not know: named, but its terms are unknown to the policy. */
export default defineCheck({
  code: "license-not-in-catalog",
  run: ({ licenses }) =>
    licenses.licenses
      .filter((license) => !license.known)
      .map((license) => ({
        code: "license-not-in-catalog" as const,
        args: { id: license.id },
        subject: { license: license.id },
        evidence: license.evidence,
      })),
});
