import { isMultimodal } from "../../identify/card/is-multimodal.js";
import { isEuDomicile } from "../../policy/eu-members.js";
import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/**
 * A license whose rights exclude the policy's domicile for this model: the Llama 3.2/3.3/4 use-policy clause
 * withholds the rights of Section 1(a) for multimodal models from individuals domiciled in, and companies with
 * their principal place of business in, the EU. Needs `context.domicile`; text-only models are not hit.
 */
export default defineCheck({
  code: "license-geographic-restriction",
  run: (context) => {
    const domicile = context.policy.context.domicile;
    if (!domicile || !isEuDomicile(domicile.value)) return [];
    const modality = isMultimodal(context.snapshot);
    return licensesInScope(context).flatMap((license) =>
      (license.entry?.terms?.geographic ?? [])
        .filter(
          (restriction) =>
            restriction.region === "EU" && (restriction.appliesTo === "all-models" || modality.multimodal),
        )
        .map((restriction) => ({
          code: "license-geographic-restriction" as const,
          args: {
            license: license.key,
            region: restriction.region,
            domicile: domicile.value.toUpperCase(),
            multimodal: modality.multimodal,
          },
          subject: { license: license.key },
          evidence: [...license.evidence, modality.evidence],
          term: restriction.source,
        })),
    );
  },
});
