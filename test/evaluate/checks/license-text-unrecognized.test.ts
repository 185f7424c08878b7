import { testCheck } from "../../support/check-table.js";
import { fixtureText } from "../../support/fixtures.js";
import { snapshotOf } from "../../support/snapshots.js";

const shipping = (path: string, role: "license" | "notice", text: string) =>
  snapshotOf({ id: "org/model", sha: "a".repeat(40), cardData: { license: "mit" } }, [{ path, role, text }]);

testCheck("license-text-unrecognized", {
  valid: [
    { name: "a known license text", snapshot: shipping("LICENSE", "license", fixtureText("license-texts/mit.txt")) },
    { name: "a notice file", snapshot: shipping("NOTICE", "notice", "Copyright 2024 Acme.\n") },
    { name: "an empty file", snapshot: shipping("LICENSE", "license", "") },
  ],
  invalid: [
    {
      name: "a text that matches nothing",
      snapshot: shipping("LICENSE", "license", "You may use these weights on Tuesdays only.\n"),
      findings: [{ severity: "info", args: { text: "LICENSE" }, subject: null }],
    },
    {
      name: "a severity override",
      snapshot: shipping("LICENSE.md", "license", "Tuesdays only.\n"),
      policy: "severity:\n  license-text-unrecognized: warning\n",
      findings: [{ severity: "warning", args: { text: "LICENSE.md" } }],
    },
  ],
});
