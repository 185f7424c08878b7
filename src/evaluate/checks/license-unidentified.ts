import { defineCheck } from "./define-check.js";

/**
 * A declared value names no license: `other` without `license_name`, `unknown`, a non-string, a broken expression.
 * An error when nothing else identifies a license, a warning beside licenses that are identified.
 */
export default defineCheck({
  code: "license-unidentified",
  run: ({ licenses }) => {
    if (licenses.unidentified.length === 0) return [];
    return [
      {
        code: "license-unidentified",
        severity: licenses.licenses.length === 0 ? "error" : "warning",
        args: { declared: licenses.unidentified.map((entry) => entry.value) },
        evidence: licenses.unidentified.flatMap((entry) => entry.evidence),
      },
    ];
  },
});
