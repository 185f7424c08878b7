import { defineCheck } from "../checks/define-check.js";
import { ADVISORY } from "./dataset-licenses.js";
import { inRepo } from "./identify-datasets.js";

/**
 * A dataset of the training data whose card declares no license, or only a value that names none (`unknown`,
 * `other` without a `license_name`): by default all rights are reserved (wave2-research §6.2).
 */
export default defineCheck({
  code: "dataset-unlicensed",
  run: (context) =>
    context.training.datasets.flatMap(({ link, licenses }) => {
      if (licenses === null || licenses.licenses.length > 0) return [];
      return [
        {
          code: "dataset-unlicensed" as const,
          args: { dataset: link.id, declared: licenses.unidentified.map((value) => value.value) },
          subject: null,
          evidence: [
            ...link.evidence,
            ...licenses.unidentified.flatMap((value) => value.evidence.map((item) => inRepo(item, link.snapshot!))),
          ],
          ...ADVISORY,
        },
      ];
    }),
});
