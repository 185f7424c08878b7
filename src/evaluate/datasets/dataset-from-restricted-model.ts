import type { Evidence, FactOf } from "../../types/finding.js";
import { defineCheck } from "../checks/define-check.js";
import { ADVISORY } from "./dataset-licenses.js";
import type { IdentifiedGenerator } from "./identify-datasets.js";

/**
 * A dataset whose card names a generator model whose license forbids using its outputs to train other models (the
 * catalog's `outputs.training: forbidden`: Llama 2 and 3 §1.b.v, Tongyi Qianwen §5.b, Stability AI Community
 * §IV.b), cited by that clause. For the datasets of the training data, and for a dataset checked on its own, its
 * own generators.
 */
export default defineCheck({
  code: "dataset-from-restricted-model",
  run: (context) => {
    const restricted = (dataset: string, generators: IdentifiedGenerator[], named: Evidence[] | null) =>
      generators.flatMap(({ model, licenses }) =>
        licenses.flatMap(({ key, evidence }): FactOf<"dataset-from-restricted-model">[] => {
          const outputs = context.catalog.get(key)?.terms?.outputs;
          if (outputs?.training !== "forbidden") return [];
          return [
            {
              code: "dataset-from-restricted-model",
              args: { dataset, generator: model.id, license: key, detail: outputs.detail },
              subject: null,
              evidence: [...(named ?? []), ...model.evidence, ...evidence],
              term: outputs.source,
              // A dataset's own generators are about using it, not about training data named by another card.
              ...(named ? ADVISORY : {}),
            },
          ];
        }),
      );
    const own =
      context.snapshot.repoType === "dataset"
        ? restricted(context.snapshot.id, context.training.ownGenerators, null)
        : [];
    return [
      ...own,
      ...context.training.datasets.flatMap(({ link, generators }) => restricted(link.id, generators, link.evidence)),
    ];
  },
});
