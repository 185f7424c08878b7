import type { Evidence } from "../../types/finding.js";
import { parseModelRef } from "../../types/repo-ref.js";
import type { JsonValue, ModelSnapshot } from "../../types/snapshot.js";

/** How a model derives from its parent, in the Hub's words (hub-docs model-cards.md, `base_model_relation`). */
export type Relation = "finetune" | "quantized" | "adapter" | "merge";

export interface ParentModel {
  id: string;
  relation: Relation;
  evidence: Evidence[];
}

const RELATIONS: ReadonlySet<string> = new Set(["finetune", "quantized", "adapter", "merge"]);
const TAG_PREFIX = "base_model:";

/**
 * A model's parents, from every source the Hub gives: its computed `base_model:<relation>:<id>` and
 * `base_model:<id>` tags, the `baseModels` expand field, and the card's `base_model` (a string or a list) with
 * `base_model_relation`. The Hub's ids are canonical where the card's may be stale (a renamed repo), so the card is
 * read only when the Hub gives nothing. Ids that are not model ids are left out.
 */
export function parentModels(snapshot: ModelSnapshot): ParentModel[] {
  const parents = new Map<string, ParentModel>();
  const add = (id: string, relation: Relation | null, evidence: Evidence) => {
    const parsed = parseModelRef(id.trim());
    if (!parsed.ok || parsed.ref.revision !== null) return;
    const key = parsed.ref.id.toLowerCase();
    const current = parents.get(key);
    if (current) {
      if (relation && current.relation === "finetune" && relation !== "finetune") current.relation = relation;
      current.evidence.push(evidence);
    } else {
      parents.set(key, { id: parsed.ref.id, relation: relation ?? "finetune", evidence: [evidence] });
    }
  };

  for (const tag of snapshot.tags) {
    if (!tag.startsWith(TAG_PREFIX)) continue;
    const rest = tag.slice(TAG_PREFIX.length);
    const colon = rest.indexOf(":");
    const relation = colon > 0 ? rest.slice(0, colon) : null;
    if (relation !== null && RELATIONS.has(relation))
      add(rest.slice(colon + 1), relation as Relation, { source: "tag", tag });
    else if (relation === null) add(rest, null, { source: "tag", tag });
  }
  for (const { id, relation } of baseModelsField(snapshot.baseModels)) {
    add(id, relation, { source: "api", field: "baseModels", value: id });
  }
  if (parents.size > 0) return [...parents.values()];

  const card = snapshot.cardData ?? {};
  const declared = card["base_model"];
  const relation =
    typeof card["base_model_relation"] === "string" && RELATIONS.has(card["base_model_relation"])
      ? (card["base_model_relation"] as Relation)
      : null;
  const ids = Array.isArray(declared) ? declared : declared === undefined || declared === null ? [] : [declared];
  ids.forEach((id, index) => {
    if (typeof id !== "string") return;
    const path = Array.isArray(declared) ? ["base_model", index] : ["base_model"];
    // A card listing several bases is a merge unless it says otherwise (hub-docs: "Can also be a list (for merges)").
    add(id, relation ?? (ids.length > 1 ? "merge" : null), { source: "card", path, commit: snapshot.sha });
  });
  return [...parents.values()];
}

/** `baseModels` is undocumented: `{ relation, models: [{ id }] }` in recorded answers, a list of ids in the Python client's docstring. */
function baseModelsField(value: JsonValue | null): { id: string; relation: Relation | null }[] {
  if (!value || typeof value !== "object") return [];
  if (Array.isArray(value))
    return value.filter((id): id is string => typeof id === "string").map((id) => ({ id, relation: null }));
  const relation =
    typeof value["relation"] === "string" && RELATIONS.has(value["relation"]) ? (value["relation"] as Relation) : null;
  const models = Array.isArray(value["models"]) ? value["models"] : [];
  return models.flatMap((model) => {
    const id = model && typeof model === "object" && !Array.isArray(model) ? model["id"] : model;
    return typeof id === "string" ? [{ id, relation }] : [];
  });
}
