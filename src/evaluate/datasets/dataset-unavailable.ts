import { defineCheck } from "../checks/define-check.js";
import { ADVISORY } from "./dataset-licenses.js";

/** A dataset named in the training data that could not be read (missing, private, gated, a cycle, a bound, the Hub failing). */
export default defineCheck({
  code: "dataset-unavailable",
  run: (context) =>
    context.training.datasets.flatMap(({ link }) =>
      link.unavailable === null
        ? []
        : [
            {
              code: "dataset-unavailable" as const,
              args: { dataset: link.id, reason: link.unavailable.reason, message: link.unavailable.message },
              subject: null,
              evidence: link.evidence,
              ...ADVISORY,
            },
          ],
    ),
});
