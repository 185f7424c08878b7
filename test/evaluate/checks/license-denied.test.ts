import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

testCheck("license-denied", {
  valid: [
    {
      name: "a license the deny list does not name",
      snapshot: snapshotWith({ license: "mit" }),
      policy: "licenses:\n  deny: [cc-by-nc-4.0]\n",
    },
    {
      name: "an OR whose denied branch is passed over",
      snapshot: snapshotWith({ license: "cc-by-nc-4.0 OR apache-2.0" }),
      policy: "licenses:\n  deny: [cc-by-nc-4.0]\n",
    },
    { name: "no deny list", snapshot: snapshotWith({ license: "cc-by-nc-4.0" }) },
  ],
  invalid: [
    {
      name: "a denied license, naming its entry",
      snapshot: snapshotWith({ license: "mit" }),
      policy: "licenses:\n  deny:\n    - apache-2.0\n    - mit\n",
      findings: [
        {
          severity: "error",
          args: { license: "mit", entry: "mit" },
          subject: { license: "mit" },
          rule: { path: "licenses.deny[1]", line: 4 },
        },
      ],
    },
    {
      name: "deny wins over allow",
      snapshot: snapshotWith({ license: "mit" }),
      policy: "licenses:\n  allow: [mit]\n  deny: [mit]\n",
      findings: [{ severity: "error" }],
    },
    {
      name: "an entry that is an expression",
      snapshot: snapshotWith({ license: "apache-2.0" }),
      policy: "licenses:\n  deny: [MIT OR Apache-2.0]\n",
      findings: [{ args: { license: "apache-2.0", entry: "MIT OR Apache-2.0" } }],
    },
    {
      name: "a severity override",
      snapshot: snapshotWith({ license: "mit" }),
      policy: "licenses:\n  deny: [mit]\nseverity:\n  license-denied: warning\n",
      findings: [{ severity: "warning", rule: { path: "severity.license-denied" } }],
    },
  ],
});
