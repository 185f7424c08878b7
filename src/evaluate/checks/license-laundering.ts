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
    // One finding per inherited license, with the evidence of every ancestor that carries it (a merge of two
    // Llama models relabelled is one laundering of one license, not two).
    const inherited = [...new Set(lineage.flatMap((ancestor) => ancestor.licenses))].filter(
      (id) => !declaredIds.includes(id),
    );
    return inherited.map((id) => {
      const carriers = lineage.filter((ancestor) => ancestor.licenses.includes(id));
      const ancestorEvidence = carriers.map(
        (ancestor): Evidence => ({
          source: "api",
          field: "lineage",
          value: `${ancestor.id}@${ancestor.sha ?? "?"} declares ${ancestor.licenses.join(", ")}`,
        }),
      );
      return {
        code: "license-laundering" as const,
        // `ancestor` names the nearest carrier; the evidence names them all.
        args: { declared: declaredIds, inherited: id, ancestor: carriers[0]?.id ?? "" },
        // The inherited license applies whichever branch the declared expression takes.
        subject: null,
        evidence: [...declaredEvidence, ...ancestorEvidence],
      };
    });
  },
});
