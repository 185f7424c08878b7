import { testCheck } from "../../support/check-table.js";
import { cardWithLicenseSection, snapshotWith } from "../../support/snapshots.js";

testCheck("license-non-commercial", {
  valid: [
    {
      name: "a license that allows commercial use",
      snapshot: snapshotWith({ license: "mit" }),
      policy: "rules:\n  nonCommercial: block\n",
    },
    { name: "no nonCommercial rule", snapshot: snapshotWith({ license: "cc-by-nc-4.0" }), policy: "name: bare\n" },
    {
      name: "nonCommercial: allow",
      snapshot: snapshotWith({ license: "cc-by-nc-4.0" }),
      policy: "rules:\n  nonCommercial: allow\n",
    },
    {
      name: "a research organization is within it",
      snapshot: snapshotWith({ license: "cc-by-nc-4.0" }),
      policy: "extends: commercial\ncontext:\n  use: research\n",
    },
  ],
  invalid: [
    {
      name: "license: apache-2.0, but the license section says released under CC BY-NC 4.0, under commercial",
      snapshot: cardWithLicenseSection(
        "TheBloke__Yarn-Mistral-7B-128k-quant",
        "apache-2.0",
        "The weights are released under CC BY-NC 4.0.",
      ),
      policy: "extends: commercial\n",
      findings: [{ severity: "error", args: { license: "cc-by-nc-4.0" } }],
    },
    {
      name: "CC BY-NC under the default policy",
      snapshot: snapshotWith({ license: "cc-by-nc-4.0" }),
      findings: [
        {
          severity: "warning",
          args: { license: "cc-by-nc-4.0", scope: "non-commercial" },
          subject: { license: "cc-by-nc-4.0" },
          rule: { path: "rules.nonCommercial" },
        },
      ],
    },
    {
      name: "a research-only license under commercial",
      snapshot: snapshotWith({ license: "fair-noncommercial-research-license" }),
      policy: "extends: commercial\n",
      findings: [{ severity: "error" }],
    },
    {
      name: "a severity override wins over the rule",
      snapshot: snapshotWith({ license: "cc-by-nc-4.0" }),
      policy: "rules:\n  nonCommercial: block\nseverity:\n  license-non-commercial: info\n",
      findings: [{ severity: "info", rule: { path: "severity.license-non-commercial" } }],
    },
  ],
});
