import { type ResearchOnlyMark, researchOnlySignals } from "../../identify/dataset/research-only-signals.js";
import type { Evidence, FactOf } from "../../types/finding.js";
import { defineCheck } from "../checks/define-check.js";
import { ADVISORY, datasetLicenses } from "./dataset-licenses.js";
import { inRepo } from "./identify-datasets.js";

type ResearchOnlyFact = FactOf<"dataset-research-only">;

/**
 * A dataset for research only: its license's terms say so (the catalog's commercialUse scope `research-only`), or
 * its card does (the gate's terms, the card's words: identify/dataset/research-only-signals.ts). One finding per
 * dataset, on its strongest signal (license, then gate, then card text), with the evidence of each. Reported for
 * the datasets of the training data and, for a dataset checked on its own, for its card (its license is then the
 * license checks'). An organization whose context says it does research is within such terms.
 */
export default defineCheck({
  code: "dataset-research-only",
  run: (context) => {
    if (context.policy.context.use?.value === "research") return [];
    const byLicense = datasetLicenses(context);
    const training = context.training.datasets.flatMap(({ link }): ResearchOnlyFact[] => {
      const license = byLicense.find(
        (item) =>
          item.dataset.link === link &&
          item.entry?.terms?.commercialUse.kind === "forbidden" &&
          item.entry.terms.commercialUse.scope === "research-only",
      );
      const marks = link.snapshot && link.unavailable === null ? researchOnlySignals(link.snapshot) : [];
      if (license) {
        const use = license.entry!.terms!.commercialUse;
        return [
          {
            code: "dataset-research-only",
            args: { dataset: link.id, signal: "license", detail: license.key },
            subject: null,
            evidence: [...license.evidence, ...marks.map((mark) => inRepo(mark.evidence, link.snapshot!))],
            ...(use.kind === "forbidden" ? { term: use.source } : {}),
            ...ADVISORY,
          },
        ];
      }
      const evidence = marks.map((mark) => inRepo(mark.evidence, link.snapshot!));
      return marks[0] ? [fact(link.id, marks[0], [...link.evidence, ...evidence], true)] : [];
    });
    if (context.snapshot.repoType !== "dataset") return training;
    const own = researchOnlySignals(context.snapshot);
    return own[0]
      ? [
          fact(
            context.snapshot.id,
            own[0],
            own.map((mark) => mark.evidence),
            false,
          ),
          ...training,
        ]
      : training;
  },
});

function fact(
  dataset: string,
  mark: ResearchOnlyMark,
  evidence: Evidence[],
  isTrainingData: boolean,
): ResearchOnlyFact {
  return {
    code: "dataset-research-only",
    args: { dataset, signal: mark.signal, detail: mark.detail },
    subject: null,
    evidence,
    ...(isTrainingData ? ADVISORY : {}),
  };
}
