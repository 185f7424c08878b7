import type { Duty } from "../../../types/dist-report.js";
import type { DistContext, DutyCheck } from "../dist-context.js";
import { cardBaseModels, hubCardDocs } from "../dist-context.js";

const BASE_MODEL_DOCS = hubCardDocs(
  "Specifying a base model",
  "base_model: single id or a list (for merges); the Hub infers base_model_relation (adapter, merge, quantized, finetune), which can be set explicitly",
);

/**
 * A derivative's card names its parents in `base_model` and says how it derives in `base_model_relation`, so the Hub
 * (and every lic check after it) finds the licenses it inherits. Parents lic found only in the adapter config or a
 * weights header are missing from the card.
 */
export const cardLineage: DutyCheck = (context) => {
  const parents = context.parents.filter((parent) => parent.depth === 1);
  if (parents.length === 0 || context.read.cardError) return [];
  const declared = cardBaseModels(context.read.snapshot.cardData);
  const base = { license: null, clause: BASE_MODEL_DOCS, file: "README.md" };
  const duties: Duty[] = [
    declared.length > 0
      ? { ...base, kind: "card-base-model", status: "met", found: declared.join(", "), fixable: false }
      : {
          ...base,
          kind: "card-base-model",
          status: "missing",
          expected: parents.map((parent) => parent.id).join(", "),
          reason: `the parent is named only in ${parents[0]!.from === "adapter-config" ? "adapter_config.json" : "a weights header"}`,
          fixable: true,
        },
  ];
  const relation = context.read.snapshot.cardData?.["base_model_relation"];
  duties.push(
    typeof relation === "string"
      ? { ...base, kind: "card-relation", status: "met", found: relation, fixable: false }
      : { ...base, kind: "card-relation", status: "missing", expected: inferredRelation(context), fixable: true },
  );
  return duties;
};

/** How the model derives, from its files: an adapter config, GGUF weights, several bases, else a fine-tune. */
export function inferredRelation(context: Pick<DistContext, "read" | "parents">): string {
  if (context.read.adapterBase !== null) return "adapter";
  if (context.read.weights.some((weight) => weight.format === "gguf")) return "quantized";
  const declared = cardBaseModels(context.read.snapshot.cardData);
  if (declared.length > 1) return "merge";
  return context.parents.find((parent) => parent.depth === 1)?.relation ?? "finetune";
}
