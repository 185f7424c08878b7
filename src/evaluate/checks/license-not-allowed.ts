import { type LicenseLeaf, leavesOf } from "../../identify/parse-expression.js";
import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/**
 * With an allow list, a license it does not name. A license with an exception (`GPL-2.0-only WITH
 * Classpath-exception-2.0`) is allowed only by an entry with that exception.
 */
export default defineCheck({
  code: "license-not-allowed",
  run: (context) => {
    const { allow } = context.policy;
    if (allow === null) return [];
    const allowed = new Set(allow.flatMap((entry) => leavesOf(entry.expression).map(leafKey)));
    const allowList = {
      ...(allow[0]?.at ?? { file: context.policy.files.at(-1) ?? "", line: null }),
      path: "licenses.allow",
    };
    return licensesInScope(context)
      .filter((license) => !allowed.has(`${license.key}|${license.exception ?? ""}`))
      .map((license) => ({
        code: "license-not-allowed" as const,
        args: { license: license.key },
        subject: { license: license.key },
        evidence: license.evidence,
        basis: { allowList },
      }));
  },
});

/** A license and its exception as one value: a WITH entry allows only that pairing. */
function leafKey(leaf: LicenseLeaf): string {
  return `${leaf.key}|${leaf.kind === "with" ? leaf.exception : ""}`;
}
