import type { Duty } from "../../../types/dist-report.js";
import type { DutyCheck } from "../dist-context.js";
import { cardBaseModels, normalizeWords } from "../dist-context.js";

const GGUF_DOCS = {
  document: "GGUF specification (ggml/docs/gguf.md), General metadata",
  section: "general.license, general.base_model.*",
  url: "https://github.com/ggml-org/ggml/blob/master/docs/gguf.md",
};

/**
 * The license and base models a weights header names agree with the card's: a GGUF saying `apache-2.0` under a card
 * saying `llama4` tells every tool that reads the file (llama.cpp, Ollama) the wrong terms. A header that cannot be
 * read is a broken or hostile file, not one to publish.
 */
export const weightMetadata: DutyCheck = (context) => {
  const { catalog } = context;
  const card = context.read.snapshot.cardData;
  const cardLicenses = (Array.isArray(card?.["license"]) ? card["license"] : [card?.["license"]])
    .filter((value): value is string => typeof value === "string")
    .map((value) => canonical(value));
  const canonicalBases = cardBaseModels(context.read.snapshot.cardData).map((id) => id.toLowerCase());
  function canonical(value: string): string {
    return catalog.byName(value)?.key ?? normalizeWords(value);
  }
  return context.read.weights.flatMap((weight): Duty[] => {
    const base = {
      kind: "weight-metadata" as const,
      license: null,
      clause: GGUF_DOCS,
      file: weight.path,
      fixable: false,
    };
    if (weight.problem) return [{ ...base, status: "missing", reason: `the header cannot be read: ${weight.problem}` }];
    const duties: Duty[] = [];
    if (weight.license !== null) {
      const agrees = cardLicenses.length === 0 || cardLicenses.includes(canonical(weight.license));
      duties.push({
        ...base,
        status: agrees ? "met" : "missing",
        found: `license ${weight.license}`,
        ...(agrees ? {} : { expected: `license ${String(card?.["license"])}, as the card says` }),
      });
    }
    const strays = weight.baseModels.filter((id) => !canonicalBases.includes(id.toLowerCase()));
    if (weight.baseModels.length > 0 && canonicalBases.length > 0)
      duties.push({
        ...base,
        status: strays.length === 0 ? "met" : "missing",
        found: `base model ${weight.baseModels.join(", ")}`,
        ...(strays.length === 0 ? {} : { expected: `base model ${canonicalBases.join(", ")}, as the card says` }),
      });
    return duties;
  });
};
