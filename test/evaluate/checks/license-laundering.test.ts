import { testCheck } from "../../support/check-table.js";
import { ancestorWith, snapshotWith } from "../../support/snapshots.js";

const base = ancestorWith("meta-llama/base", { license: "llama3.1" });

testCheck("license-laundering", {
  valid: [
    { name: "the ancestor's license declared", snapshot: snapshotWith({ license: "llama3.1" }), ancestors: [base] },
    { name: "nothing declared: the inherited license applies", snapshot: snapshotWith(null), ancestors: [base] },
    { name: "no lineage", snapshot: snapshotWith({ license: "apache-2.0" }) },
  ],
  invalid: [
    {
      name: "a Llama derivative labelled apache-2.0",
      snapshot: snapshotWith({ license: "apache-2.0" }),
      ancestors: [base],
      findings: [
        {
          severity: "warning",
          args: { declared: ["apache-2.0"], inherited: "llama3.1", ancestor: "meta-llama/base" },
          subject: null,
          rule: { path: "conflictingEvidence" },
        },
      ],
    },
    {
      name: "conflictingEvidence: block",
      snapshot: snapshotWith({ license: "mit" }),
      ancestors: [base],
      policy: "conflictingEvidence: block\n",
      findings: [{ severity: "error" }],
    },
  ],
});
