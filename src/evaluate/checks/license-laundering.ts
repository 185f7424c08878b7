import type { Evidence } from "../../types/finding.js";
import { defineCheck } from "./define-check.js";

/**
 * The model declares licenses, and not the one an ancestor comes under: a Llama 4 quantization labelled apache-2.0.
 * Relabelling a derivative does not change the terms it comes under; the inherited license applies anyway.
 */
export default defineCheck({
  code: "license-laundering",
  run: ({ licenses, lineage }) => {
    const declared = licenses.licenses.filter((license) => license.sources.includes("declared"));
    if (declared.length === 0) return [];
    const declaredIds = declared.map((license) => license.id);
    const declaredEvidence = declared.flatMap((license) =>
      license.evidence.filter((item) => item.source === "card" || item.source === "tag"),
    );
    return lineage.flatMap((ancestor) =>
      ancestor.licenses
        .filter((id) => !declaredIds.includes(id))
        .map((id) => {
          const ancestorEvidence: Evidence = {
            source: "api",
            field: "lineage",
            value: `${ancestor.id}@${ancestor.sha ?? "?"} declares ${ancestor.licenses.join(", ")}`,
          };
          return {
            code: "license-laundering" as const,
            args: { declared: declaredIds, inherited: id, ancestor: ancestor.id },
            // The inherited license applies whichever branch the declared expression takes.
            subject: null,
            evidence: [...declaredEvidence, ancestorEvidence],
          };
        }),
    );
  },
});
