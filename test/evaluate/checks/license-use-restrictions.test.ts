import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

const llama = snapshotWith({ license: "llama3.1" });
const rail = snapshotWith({ license: "creativeml-openrail-m" });

testCheck("license-use-restrictions", {
  valid: [
    { name: "a license with no use policy", snapshot: snapshotWith({ license: "mit" }) },
    { name: "useRestrictions: allow", snapshot: llama, policy: "rules:\n  useRestrictions: allow\n" },
    {
      name: "passOnRestrictions spares Llama (nothing to pass on)",
      snapshot: llama,
      policy: "rules:\n  passOnRestrictions: block\n",
    },
    {
      name: "pass-through binds only distribution",
      snapshot: rail,
      policy: "context:\n  distribution: internal-only\nrules:\n  passOnRestrictions: block\n",
    },
  ],
  invalid: [
    {
      name: "Llama under the default policy",
      snapshot: llama,
      findings: [
        {
          severity: "warning",
          args: { license: "llama3.1", mustPassOn: false },
          subject: { license: "llama3.1" },
          rule: { path: "rules.useRestrictions" },
        },
      ],
    },
    {
      name: "RAIL to customers: passOnRestrictions",
      snapshot: rail,
      policy: "context:\n  distribution: customers\nrules:\n  passOnRestrictions: block\n",
      findings: [{ severity: "error", args: { mustPassOn: true }, rule: { path: "rules.passOnRestrictions" } }],
    },
    {
      name: "the stricter of the two rules",
      snapshot: rail,
      policy: "rules:\n  useRestrictions: warn\n  passOnRestrictions: block\n",
      findings: [{ severity: "error", rule: { path: "rules.passOnRestrictions" } }],
    },
    {
      name: "a tie goes to useRestrictions",
      snapshot: rail,
      policy: "rules:\n  useRestrictions: block\n  passOnRestrictions: block\n",
      findings: [{ severity: "error", rule: { path: "rules.useRestrictions" } }],
    },
    {
      name: "internal-only still has useRestrictions",
      snapshot: rail,
      policy: "context:\n  distribution: internal-only\nrules:\n  useRestrictions: warn\n  passOnRestrictions: block\n",
      findings: [{ severity: "warning", rule: { path: "rules.useRestrictions" } }],
    },
  ],
});
