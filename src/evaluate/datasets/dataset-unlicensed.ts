import { CUSTOM_LICENSE } from "../../identify/hf-license-ids.js";
import { defineCheck } from "../checks/define-check.js";
import { ADVISORY } from "./dataset-licenses.js";
import { inRepo } from "./identify-datasets.js";

/**
 * A dataset of the training data whose card declares no license, or only `unknown`: by default all rights are
 * reserved (wave2-research §6.2). A bare `other` is not this: on the Hub it names a custom license, in the repo's
 * LICENSE, at `license_link` or in the gate's terms (ImageNet's), which a metadata-only read does not identify.
 */
export default defineCheck({
  code: "dataset-unlicensed",
  run: (context) =>
    context.training.datasets.flatMap(({ link, licenses }) => {
      if (licenses === null || licenses.licenses.length > 0) return [];
      if (licenses.unidentified.some((value) => value.value === CUSTOM_LICENSE)) return [];
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
