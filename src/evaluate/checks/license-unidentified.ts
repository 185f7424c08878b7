import { defineCheck } from "./define-check.js";

/**
 * A declared value names no license: `other` without `license_name`, `unknown`, a non-string, a broken expression.
 * Whether anything else identifies a license is the basis of its severity (an error alone, a warning beside others).
 */
export default defineCheck({
  code: "license-unidentified",
  run: ({ licenses }) => {
    if (licenses.unidentified.length === 0) return [];
    return [
      {
        code: "license-unidentified",
        args: { declared: licenses.unidentified.map((entry) => entry.value) },
        subject: null,
        evidence: licenses.unidentified.flatMap((entry) => entry.evidence),
        basis: { alone: licenses.licenses.length === 0 },
      },
    ];
  },
});
