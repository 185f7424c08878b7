import type { DistRead } from "../../types/dist-read.js";
import type { ModelSnapshot } from "../../types/snapshot.js";

/**
 * The snapshot whose lineage `lic dist` walks: the card's `base_model` where it has one, else the adapter config's
 * `base_model_name_or_path`, else the base models a weights header names. The fallbacks go in `baseModels`, the
 * field the lineage walk reads before the card (identify/lineage/parent-models.ts), with their relation.
 */
export function rootSnapshot(read: DistRead): ModelSnapshot {
  const { snapshot } = read;
  const card = snapshot.cardData?.["base_model"];
  const hasCardParents = typeof card === "string" || (Array.isArray(card) && card.length > 0);
  if (hasCardParents || snapshot.tags.some((tag) => tag.startsWith("base_model:"))) return snapshot;
  if (read.adapterBase !== null)
    return { ...snapshot, baseModels: { relation: "adapter", models: [{ id: read.adapterBase }] } };
  const fromHeaders = [...new Set(read.weights.flatMap((weight) => weight.baseModels))];
  if (fromHeaders.length > 0)
    return { ...snapshot, baseModels: { relation: "quantized", models: fromHeaders.map((id) => ({ id })) } };
  return snapshot;
}
