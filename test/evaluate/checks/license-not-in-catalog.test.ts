import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

const acme = { license: "other", license_name: "acme-weights-license" };

testCheck("license-not-in-catalog", {
  valid: [
    { name: "a catalogued license", snapshot: snapshotWith({ license: "mit" }) },
    {
      name: "an OR that takes the catalogued branch",
      snapshot: snapshotWith({ license: "mit OR acme-weights-license" }),
    },
    { name: "turned off", snapshot: snapshotWith(acme), policy: "severity:\n  license-not-in-catalog: 'off'\n" },
  ],
  invalid: [
    {
      name: "other with an unknown name",
      snapshot: snapshotWith(acme),
      findings: [
        { severity: "warning", args: { id: "acme-weights-license" }, subject: { license: "acme-weights-license" } },
      ],
    },
    {
      name: "beside a known license (AND)",
      snapshot: snapshotWith({ license: ["mit", "acme-weights-license"] }),
      findings: [{ args: { id: "acme-weights-license" } }],
    },
    {
      name: "a severity override",
      snapshot: snapshotWith(acme),
      policy: "severity:\n  license-not-in-catalog: error\n",
      findings: [{ severity: "error", rule: { path: "severity.license-not-in-catalog" } }],
    },
  ],
});
