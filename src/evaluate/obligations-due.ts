import type { Catalog } from "../catalog/catalog.js";
import type { Policy } from "../policy/policy.js";
import type { ObligationDue } from "../types/result.js";

/**
 * The obligations of the licenses in force that apply to what the organization does: all of them unless its
 * context says models stay internal, in which case only the duties of use (RAIL's "use the latest version").
 */
export function obligationsDue(licenses: string[], policy: Policy, catalog: Catalog): ObligationDue[] {
  const internalOnly = policy.context.distribution?.value === "internal-only";
  return licenses.flatMap((license) =>
    (catalog.get(license)?.terms?.obligations ?? [])
      .filter((obligation) => !internalOnly || obligation.when === "using")
      .map((obligation) => ({
        license,
        kind: obligation.kind,
        ...(obligation.text ? { text: obligation.text } : {}),
        when: obligation.when,
        source: obligation.source,
      })),
  );
}
