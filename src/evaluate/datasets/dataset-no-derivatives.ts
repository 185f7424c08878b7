import { defineCheck } from "../checks/define-check.js";
import { ADVISORY, datasetAdaptations } from "./dataset-licenses.js";

/**
 * A dataset of the training data whose license is no-derivatives (CC BY-ND, BY-NC-ND): adaptations may not be
 * shared. If a model trained on it is an adaptation, publishing the model is outside the license.
 */
export default defineCheck({
  code: "dataset-no-derivatives",
  run: (context) =>
    datasetAdaptations(context, "no-derivatives").map(({ dataset, license, evidence, term }) => ({
      code: "dataset-no-derivatives" as const,
      args: { dataset, license },
      subject: null,
      evidence,
      term,
      ...ADVISORY,
    })),
});
