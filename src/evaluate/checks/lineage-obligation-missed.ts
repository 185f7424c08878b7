import { publishedByLicensor } from "../../catalog/licensor.js";
import type { Obligation } from "../../catalog/types.js";
import type { ModelSnapshot } from "../../types/snapshot.js";
import { defineCheck } from "./define-check.js";

/**
 * Duties an inherited license puts on a derivative that the repo visibly does not meet: a model name that does not
 * begin with the required prefix (Llama 3.1 and later: "Llama"), no copy of the license in the repo, use
 * restrictions not passed on (RAIL: no license text shipped), no notice file (Gemma). Only what the repo can show.
 * A repo under the licensor's own namespace (Meta's `meta-llama/*` carrying a Llama license) owes none of them.
 */
export default defineCheck({
  code: "lineage-obligation-missed",
  run: ({ snapshot, licenses, lineage, catalog }) =>
    licenses.licenses
      .filter((license) => license.sources.includes("inherited"))
      // The licensor publishing its own model owes itself nothing: the duties bind licensees and distributors.
      .filter((license) => !publishedByLicensor(snapshot.id, catalog.get(license.id)))
      .flatMap((license) => {
        const ancestor = lineage.find((candidate) => candidate.licenses.includes(license.id));
        const obligations = catalog.get(license.id)?.terms?.obligations ?? [];
        return obligations.flatMap((obligation) => {
          const detail = missed(
            obligation,
            snapshot,
            license.id,
            licenses.texts.flatMap((text) =>
              text.matches.filter((match) => match.kind === "exact").map((match) => match.id),
            ),
          );
          if (!detail) return [];
          return [
            {
              code: "lineage-obligation-missed" as const,
              args: { license: license.id, ancestor: ancestor?.id ?? "", obligation: obligation.kind, detail },
              subject: { license: license.id },
              evidence: license.evidence,
              term: obligation.source,
            },
          ];
        });
      }),
});

function missed(obligation: Obligation, snapshot: ModelSnapshot, license: string, shipped: string[]): string | null {
  const name = snapshot.id.split("/").pop() ?? snapshot.id;
  const licenseFiles = snapshot.texts.filter((file) => file.role === "license" || file.role === "license-link");
  const unread = snapshot.gaps.length > 0;
  switch (obligation.kind) {
    case "name-prefix":
      return obligation.text && !name.startsWith(obligation.text)
        ? `the model's name "${name}" does not begin with "${obligation.text}"`
        : null;
    case "include-license-copy":
      return !shipped.includes(license) && !unread
        ? `the repo ships no copy of the ${license} license${licenseFiles.length > 0 ? ` (its license files are other texts: ${licenseFiles.map((file) => file.path).join(", ")})` : ""}`
        : null;
    case "pass-on-use-restrictions":
      return !shipped.includes(license) && !unread
        ? `the repo ships no license text carrying the ${license} use restrictions`
        : null;
    case "notice-file":
      return !snapshot.files.some((file) => /(^|\/)notice([._-]|$)/i.test(file)) ? "the repo has no NOTICE file" : null;
    default:
      return null;
  }
}
