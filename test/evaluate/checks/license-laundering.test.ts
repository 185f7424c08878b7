import { expect } from "vitest";
import { testCheck } from "../../support/check-table.js";
import { ancestorWith, snapshotWith } from "../../support/snapshots.js";

const base = ancestorWith("meta-llama/base", { license: "llama3.1" });
const other = ancestorWith("meta-llama/other", { license: "llama3.1" });

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
      name: "a relabelled merge of two Llama ancestors: one finding, both ancestors' evidence",
      snapshot: snapshotWith({ license: "apache-2.0" }),
      ancestors: [base, { ...other, relation: "merge" as const }],
      findings: [
        {
          args: { declared: ["apache-2.0"], inherited: "llama3.1", ancestor: "meta-llama/base" },
          evidence: [
            { source: "card" },
            { source: "api", field: "lineage", value: expect.stringMatching(/^meta-llama\/base@/) },
            { source: "api", field: "lineage", value: expect.stringMatching(/^meta-llama\/other@/) },
          ],
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
