import type { GeographicRestriction } from "../../catalog/types.js";
import { isEuDomicile } from "../../policy/eu-members.js";
import type { RuleReference } from "../../types/finding.js";
import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/** Hub docs on `extra_gated_eu_disallowed`: the repo refuses EU users (hub-docs docs/hub/models-gated.md). */
const EU_DISALLOWED_DOCS = "https://huggingface.co/docs/hub/models-gated";

/**
 * A license whose rights exclude some territories for this model, reported as a fact for any policy: the Llama
 * 3.2/3.3/4 use-policy clause (the EU, multimodal models only), Tencent Hunyuan (the EU, the UK and South Korea,
 * every model), and a card's `extra_gated_eu_disallowed: true` (the repo's own EU restriction). The basis says
 * whether `context.domicile` is inside the territory; apply-policy decides the severity from it (information
 * otherwise).
 */
export default defineCheck({
  code: "license-geographic-restriction",
  run: (context) => {
    const domicile = context.policy.context.domicile;
    const modality = context.modality;
    const shown = domicile ? domicile.value.toUpperCase() : "not set";
    const inside = (territories: string[]): RuleReference | null =>
      domicile && territories.some((territory) => inTerritory(domicile.value, territory)) ? domicile.at : null;
    const covers = (restriction: GeographicRestriction) =>
      restriction.appliesTo === "all-models" || modality.multimodal;

    const byLicense = licensesInScope(context).flatMap((license) =>
      (license.entry?.terms?.geographic ?? []).filter(covers).map((restriction) => ({
        code: "license-geographic-restriction" as const,
        args: {
          license: license.key,
          region: restriction.territories.join(", "),
          domicile: shown,
          multimodal: modality.multimodal,
        },
        subject: { license: license.key },
        evidence: [...license.evidence, modality.evidence],
        term: restriction.source,
        basis: { domicileInside: inside(restriction.territories) },
      })),
    );
    if (context.snapshot.cardData?.["extra_gated_eu_disallowed"] !== true) return byLicense;
    return [
      ...byLicense,
      {
        code: "license-geographic-restriction" as const,
        args: { license: context.snapshot.id, region: "EU", domicile: shown, multimodal: modality.multimodal },
        subject: null,
        evidence: [{ source: "card" as const, path: ["extra_gated_eu_disallowed"], commit: context.snapshot.sha }],
        term: {
          document: "Hugging Face Hub: gated models",
          section: "extra_gated_eu_disallowed",
          url: EU_DISALLOWED_DOCS,
        },
        basis: { domicileInside: inside(["EU"]) },
      },
    ];
  },
});

/** A domicile (an ISO 3166-1 code, or `EU`) inside a territory (an ISO code, or `EU` for the member states). */
function inTerritory(domicile: string, territory: string): boolean {
  return territory === "EU" ? isEuDomicile(domicile) : domicile.toUpperCase() === territory;
}
