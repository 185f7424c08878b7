import { defineCheck } from "./define-check.js";
import { licensesInScope } from "./licenses-in-scope.js";

/** A license that forbids using the model's outputs to train or improve other models (Llama 2 and 3, Tongyi Qianwen). */
export default defineCheck({
  code: "license-output-restrictions",
  run: (context) => {
    return licensesInScope(context).flatMap((license) => {
      const outputs = license.entry?.terms?.outputs;
      if (outputs?.training !== "forbidden") return [];
      return [
        {
          code: "license-output-restrictions" as const,
          args: { license: license.key, detail: outputs.detail },
          subject: { license: license.key },
          evidence: license.evidence,
          term: outputs.source,
        },
      ];
    });
  },
});
