import { testCheck } from "../../support/check-table.js";
import { fixtureText } from "../../support/fixtures.js";
import { snapshotOf } from "../../support/snapshots.js";

const declaredWith = (license: string | null, text: string) =>
  snapshotOf({ id: "org/model", sha: "a".repeat(40), ...(license ? { cardData: { license } } : {}) }, [
    { path: "LICENSE", role: "license", text: fixtureText(`license-texts/${text}.txt`) },
  ]);

testCheck("license-mismatch", {
  valid: [
    { name: "the shipped text is the declared license", snapshot: declaredWith("mit", "mit") },
    { name: "nothing declared: the text identifies the license", snapshot: declaredWith(null, "apache-2.0") },
  ],
  invalid: [
    {
      name: "an Apache text under an MIT card",
      snapshot: declaredWith("mit", "apache-2.0"),
      findings: [
        {
          severity: "warning",
          args: { declared: ["mit"], detected: "apache-2.0", text: "LICENSE" },
          subject: null,
          rule: { path: "conflictingEvidence" },
        },
      ],
    },
    {
      name: "a Llama 4 text under apache-2.0",
      snapshot: declaredWith("apache-2.0", "llama4"),
      findings: [{ args: { detected: "llama4" } }],
    },
    {
      name: "conflictingEvidence: block",
      snapshot: declaredWith("mit", "apache-2.0"),
      policy: "conflictingEvidence: block\n",
      findings: [{ severity: "error" }],
    },
    {
      name: "its default, without an outcome",
      snapshot: declaredWith("mit", "apache-2.0"),
      policy: "name: bare\n",
      findings: [{ severity: "warning" }],
    },
  ],
});
