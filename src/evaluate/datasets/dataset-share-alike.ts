import { defineCheck } from "../checks/define-check.js";
import { ADVISORY, datasetAdaptations } from "./dataset-licenses.js";

/**
 * A dataset of the training data whose license is share-alike (CC BY-SA, ODbL, CDLA-Sharing): adaptations shared
 * must carry the same license. A fact to know; whether a trained model is an adaptation is unsettled.
 */
export default defineCheck({
  code: "dataset-share-alike",
  run: (context) =>
    datasetAdaptations(context, "share-alike").map(({ dataset, license, evidence, term }) => ({
      code: "dataset-share-alike" as const,
      args: { dataset, license },
      subject: null,
      evidence,
      term,
      ...ADVISORY,
    })),
});
