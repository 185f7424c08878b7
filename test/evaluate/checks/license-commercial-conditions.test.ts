import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

const llama = snapshotWith({ license: "llama3.1" });

testCheck("license-commercial-conditions", {
  valid: [
    { name: "an unconditional license", snapshot: snapshotWith({ license: "mit" }) },
    { name: "commercialConditions: allow", snapshot: llama, policy: "rules:\n  commercialConditions: allow\n" },
    { name: "no rule, under the threshold", snapshot: llama, policy: "context:\n  monthlyActiveUsers: 1000\n" },
  ],
  invalid: [
    {
      name: "Llama under the default policy",
      snapshot: llama,
      findings: [
        {
          severity: "warning",
          args: { license: "llama3.1", exceeded: null },
          subject: { license: "llama3.1" },
          rule: { path: "rules.commercialConditions" },
        },
      ],
    },
    {
      name: "commercialConditions: block",
      snapshot: llama,
      policy: "rules:\n  commercialConditions: block\n",
      findings: [{ severity: "error" }],
    },
    {
      name: "over the user threshold, whatever the rule says",
      snapshot: llama,
      policy: "context:\n  monthlyActiveUsers: 800000000\nrules:\n  commercialConditions: allow\n",
      findings: [
        {
          severity: "error",
          args: { exceeded: "800,000,000 monthly active users is over 700,000,000" },
          rule: { path: "context.monthlyActiveUsers", line: 2 },
        },
      ],
    },
    {
      name: "over the revenue threshold, with no rule",
      snapshot: snapshotWith({ license: "other", license_name: "stabilityai-ai-community" }),
      policy: "context:\n  annualRevenueUsd: 2000000\n",
      findings: [{ severity: "error", rule: { path: "context.annualRevenueUsd" } }],
    },
  ],
});
