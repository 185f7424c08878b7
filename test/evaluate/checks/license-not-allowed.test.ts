import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

testCheck("license-not-allowed", {
  valid: [
    { name: "an allowed license", snapshot: snapshotWith({ license: "mit" }), policy: "licenses:\n  allow: [mit]\n" },
    { name: "no allow list", snapshot: snapshotWith({ license: "apache-2.0" }) },
    {
      name: "an OR with one allowed branch",
      snapshot: snapshotWith({ license: "apache-2.0 OR cc-by-nc-4.0" }),
      policy: "licenses:\n  allow: [apache-2.0]\n",
    },
    {
      name: "WITH allowed with its exception",
      snapshot: snapshotWith({ license: "GPL-2.0-only WITH Classpath-exception-2.0" }),
      policy: "licenses:\n  allow: [GPL-2.0-only WITH Classpath-exception-2.0]\n",
    },
  ],
  invalid: [
    {
      name: "a license off the list",
      snapshot: snapshotWith({ license: "apache-2.0" }),
      policy: "licenses:\n  allow: [mit]\n",
      findings: [
        {
          severity: "error",
          args: { license: "apache-2.0" },
          subject: { license: "apache-2.0" },
          rule: { path: "licenses.allow", line: 2 },
        },
      ],
    },
    {
      name: "an OR with no allowed branch",
      snapshot: snapshotWith({ license: "apache-2.0 OR cc-by-nc-4.0" }),
      policy: "licenses:\n  allow: [mit]\n",
      findings: [{ args: { license: "apache-2.0" } }, { args: { license: "cc-by-nc-4.0" } }],
    },
    {
      name: "WITH needs the exception allowed",
      snapshot: snapshotWith({ license: "GPL-2.0-only WITH Classpath-exception-2.0" }),
      policy: "licenses:\n  allow: [GPL-2.0-only]\n",
      findings: [{ severity: "error" }],
    },
    {
      name: "a list of licenses is an AND",
      snapshot: snapshotWith({ license: ["mit", "llama3.2"] }),
      policy: "licenses:\n  allow: [mit]\n",
      findings: [{ args: { license: "llama3.2" } }],
    },
  ],
});
