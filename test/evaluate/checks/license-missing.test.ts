import { testCheck } from "../../support/check-table.js";
import { fixtureText } from "../../support/fixtures.js";
import { cardWithLicenseSection, snapshotOf, snapshotWith } from "../../support/snapshots.js";

const shipped = (text: string) =>
  snapshotOf({ id: "org/model", sha: "a".repeat(40) }, [{ path: "LICENSE", role: "license", text }]);

testCheck("license-missing", {
  valid: [
    { name: "a declared license", snapshot: snapshotWith({ license: "mit" }) },
    { name: "a license tag only", snapshot: snapshotWith(null, ["license:apache-2.0"]) },
    { name: "a shipped text that is a known license", snapshot: shipped(fixtureText("license-texts/mit.txt")) },
    {
      name: "a declared value that names no license (license-unidentified's)",
      snapshot: snapshotWith({ license: "other" }),
    },
    {
      name: "no license: key, but the license section says licensed under the llama3.1 license",
      snapshot: cardWithLicenseSection(
        "TheBloke__Yarn-Mistral-7B-128k-quant",
        null,
        "This model is derived from Llama3.1-8B-Base and is originally licensed under llama3.1 license.",
      ),
    },
    { name: "turned off", snapshot: snapshotWith(null), policy: "severity:\n  license-missing: 'off'\n" },
  ],
  invalid: [
    {
      name: "nothing declared",
      snapshot: snapshotWith(null),
      findings: [{ severity: "error", args: { texts: 0 }, subject: null, rule: { path: "unknownLicense" } }],
    },
    {
      name: "an unrecognized text",
      snapshot: shipped("Tuesdays only.\n"),
      findings: [{ severity: "error", args: { texts: 1 } }],
    },
    {
      name: "its default, without an outcome",
      snapshot: snapshotWith(null),
      policy: "name: bare\n",
      findings: [{ severity: "error" }],
    },
    {
      name: "unknownLicense: warn",
      snapshot: snapshotWith(null),
      policy: "unknownLicense: warn\n",
      findings: [{ severity: "warning" }],
    },
    {
      name: "unknownLicense: allow makes it information",
      snapshot: snapshotWith(null),
      policy: "unknownLicense: allow\n",
      findings: [{ severity: "info" }],
    },
  ],
});
