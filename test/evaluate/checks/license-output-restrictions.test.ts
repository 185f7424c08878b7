import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

testCheck("license-output-restrictions", {
  valid: [
    { name: "Llama 3.1 lifts the restriction", snapshot: snapshotWith({ license: "llama3.1" }) },
    {
      name: "no outputTrainingRestrictions rule",
      snapshot: snapshotWith({ license: "llama3" }),
      policy: "name: bare\n",
    },
    {
      name: "outputTrainingRestrictions: allow",
      snapshot: snapshotWith({ license: "llama3" }),
      policy: "rules:\n  outputTrainingRestrictions: allow\n",
    },
  ],
  invalid: [
    {
      name: "Llama 3 under the default policy",
      snapshot: snapshotWith({ license: "llama3" }),
      findings: [
        {
          severity: "warning",
          args: { license: "llama3" },
          subject: { license: "llama3" },
          rule: { path: "rules.outputTrainingRestrictions" },
        },
      ],
    },
    {
      name: "outputTrainingRestrictions: block",
      snapshot: snapshotWith({ license: "llama2" }),
      policy: "rules:\n  outputTrainingRestrictions: block\n",
      findings: [{ severity: "error", args: { license: "llama2" } }],
    },
  ],
});
