import { defineCheck } from "../checks/define-check.js";

/**
 * A model that names no training data: neither its card's `datasets:` nor, where the training data was acquired,
 * any ancestor's. Fewer than half of Hub models name any (wave2-research §6.3), so it is off by default. Not
 * reported for a dataset, whose card has `source_datasets` for its sources, if it has any.
 */
export default defineCheck({
  code: "dataset-not-declared",
  run: ({ snapshot, training }) => {
    if (snapshot.repoType === "dataset") return [];
    const declared = snapshot.cardData?.["datasets"];
    const named = training.given
      ? training.datasets.length > 0
      : typeof declared === "string" || (Array.isArray(declared) && declared.length > 0);
    if (named) return [];
    return [
      {
        code: "dataset-not-declared" as const,
        args: { model: snapshot.id },
        subject: null,
        evidence: [{ source: "card" as const, path: ["datasets"], commit: snapshot.sha }],
      },
    ];
  },
});
