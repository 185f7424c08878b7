import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

testCheck("license-unidentified", {
  valid: [
    { name: "a declared license", snapshot: snapshotWith({ license: "mit" }) },
    { name: "other with a name", snapshot: snapshotWith({ license: "other", license_name: "acme-weights-license" }) },
    { name: "nothing declared (license-missing's)", snapshot: snapshotWith(null) },
  ],
  invalid: [
    {
      name: "other without a name",
      snapshot: snapshotWith({ license: "other" }),
      findings: [{ severity: "error", args: { declared: ["other"] }, subject: null, rule: { path: "unknownLicense" } }],
    },
    {
      name: "beside an identified license, under the default policy",
      snapshot: snapshotWith({ license: ["mit", "other"] }),
      findings: [{ severity: "error" }],
    },
    {
      name: "alone, without an outcome: an error",
      snapshot: snapshotWith({ license: "unknown" }),
      policy: "name: bare\n",
      findings: [{ severity: "error", args: { declared: ["unknown"] } }],
    },
    {
      name: "beside an identified license, without an outcome: a warning",
      snapshot: snapshotWith({ license: ["mit", "other"] }),
      policy: "name: bare\n",
      findings: [{ severity: "warning" }],
    },
    {
      name: "unknownLicense: warn",
      snapshot: snapshotWith({ license: "other" }),
      policy: "unknownLicense: warn\n",
      findings: [{ severity: "warning" }],
    },
  ],
});
