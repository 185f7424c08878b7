import type { Catalog } from "../../catalog/catalog.js";
import { publishedByLicensor } from "../../catalog/licensor.js";
import type { Obligation } from "../../catalog/types.js";
import type { Policy } from "../../policy/policy.js";
import type { DistRead } from "../../types/dist-read.js";
import type { DistParent, Duty } from "../../types/dist-report.js";
import type { TermReference } from "../../types/finding.js";
import type { CheckResult } from "../../types/result.js";
import type { JsonObject } from "../../types/snapshot.js";

/** What every duty check reads: the files, what `lic check` made of them with the lineage, and the policy. */
export interface DistContext {
  read: DistRead;
  /** `checkModel` on the model as read, with its lineage: licenses in force, texts matched, findings. */
  result: CheckResult;
  policy: Policy;
  catalog: Catalog;
  /** The name the derivative is published under. */
  name: string;
  parents: DistParent[];
  /** The model names a parent (card, adapter config, weights header), read or not: the duties of derivatives bind it. */
  isDerivative: boolean;
}

export type DutyCheck = (context: DistContext) => Duty[];

/** The moments `lic dist` stands at: the model leaves the organization, and as a derivative where it has parents. */
const DISTRIBUTING: ReadonlySet<Obligation["when"]> = new Set([
  "distributing",
  "distributing-derivatives",
  "publishing",
]);

/**
 * Every duty the licenses in force put on distributing this model, with the license that puts it. Duties of
 * derivatives bind only a model with parents; a license whose licensor publishes its own model binds it to nothing.
 */
export function dutiesOf(
  context: DistContext,
  kind: Obligation["kind"],
): { license: string; obligation: Obligation }[] {
  const { isDerivative } = context;
  return licensesInForce(context).flatMap((license) => {
    const entry = context.catalog.get(license);
    if (publishedByLicensor(context.read.snapshot.id, entry)) return [];
    return (entry?.terms?.obligations ?? [])
      .filter((obligation) => obligation.kind === kind && DISTRIBUTING.has(obligation.when))
      .filter((obligation) => obligation.when !== "distributing-derivatives" || isDerivative)
      .map((obligation) => ({ license, obligation }));
  });
}

/** The licenses the distribution comes under: the model's own and every ancestor's, as `lic check` identified them. */
export function licensesInForce(context: DistContext): string[] {
  return [...new Set(context.result.license.licenses.map((license) => license.id))];
}

/** Shipped files whose text matches `document` exactly, as the matcher decides (no sentence changed or added). */
export function exactCopies(context: DistContext, document: (id: string, matched: string) => boolean): string[] {
  return context.result.license.texts.flatMap((text) =>
    text.origin.kind === "file" &&
    text.matches.some((match) => match.kind === "exact" && document(match.id, match.document))
      ? [text.origin.path]
      : [],
  );
}

/** The README's text without its front matter, or "" when there is none. */
export function readmeBody(context: DistContext): string {
  const readme = context.read.snapshot.texts.find((file) => file.role === "readme")?.text ?? "";
  return readme.replace(/^\s*---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, "");
}

/** Words compared as a reader would: case, runs of white space and typographic quotes aside. */
export function normalizeWords(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Where the Hub documents the card's metadata: the clause of the card duties. */
export function hubCardDocs(section: string, quote?: string): TermReference {
  return {
    document: "Hugging Face Hub documentation, Model Cards (huggingface/hub-docs docs/hub/model-cards.md)",
    section,
    url: "https://huggingface.co/docs/hub/model-cards",
    ...(quote ? { quote } : {}),
  };
}

/** The card's `base_model`, as a list of the ids it names. */
export function cardBaseModels(cardData: JsonObject | null): string[] {
  const value = cardData?.["base_model"];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((id): id is string => typeof id === "string");
}
