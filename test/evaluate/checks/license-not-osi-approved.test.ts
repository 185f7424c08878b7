import { expect } from "vitest";
import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

const osi = "rules:\n  osiApproved: block\n";

testCheck("license-not-osi-approved", {
  valid: [
    { name: "an approved license", snapshot: snapshotWith({ license: "mit" }), policy: osi },
    { name: "no osiApproved rule", snapshot: snapshotWith({ license: "cc-by-4.0" }) },
    {
      name: "osiApproved: allow",
      snapshot: snapshotWith({ license: "cc-by-4.0" }),
      policy: "rules:\n  osiApproved: allow\n",
    },
    { name: "an OR with an approved branch", snapshot: snapshotWith({ license: "cc-by-4.0 OR mit" }), policy: osi },
  ],
  invalid: [
    {
      name: "a CC license",
      snapshot: snapshotWith({ license: "cc-by-4.0" }),
      policy: osi,
      findings: [
        {
          severity: "error",
          args: { license: "cc-by-4.0" },
          subject: { license: "cc-by-4.0" },
          rule: { path: "rules.osiApproved" },
        },
      ],
    },
    {
      name: "Llama, quoting OSI's stance",
      snapshot: snapshotWith({ license: "llama3.1" }),
      policy: osi,
      findings: [{ args: { license: "llama3.1" }, term: { url: expect.stringContaining("opensource.org") } }],
    },
    {
      name: "an unknown license",
      snapshot: snapshotWith({ license: "other", license_name: "acme-weights" }),
      policy: osi,
      findings: [{ args: { license: "acme-weights", stance: null } }],
    },
    {
      name: "osiApproved: warn",
      snapshot: snapshotWith({ license: "cc-by-4.0" }),
      policy: "rules:\n  osiApproved: warn\n",
      findings: [{ severity: "warning" }],
    },
  ],
});
