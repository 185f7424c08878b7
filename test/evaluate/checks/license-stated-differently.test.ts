import { testCheck } from "../../support/check-table.js";
import { cardWithLicenseSection } from "../../support/snapshots.js";

// Front matter of TheBloke/Yarn-Mistral-7B-128k-quant (`license: apache-2.0`); the license sections are the shapes
// issue 13 found on real cards.
const CARD = "TheBloke__Yarn-Mistral-7B-128k-quant";
const NC = "The weights are released under CC BY-NC 4.0.";
const LLAMA = "This model is derived from Llama3.1-8B-Base and is originally licensed under llama3.1 license.";

testCheck("license-stated-differently", {
  valid: [
    { name: "the section states the declared license", snapshot: cardWithLicenseSection(CARD, "cc-by-nc-4.0", NC) },
    {
      name: "nothing declared: the stated license is the license",
      snapshot: cardWithLicenseSection(CARD, null, LLAMA),
    },
    {
      name: "a dataset's license is not the model's",
      snapshot: cardWithLicenseSection(CARD, "apache-2.0", "The training dataset is released under CC BY-NC 4.0."),
    },
    {
      name: "code, not the model",
      snapshot: cardWithLicenseSection(CARD, "apache-2.0", "The training code is licensed under the MIT license."),
    },
    {
      name: "'Apache' alone names no license",
      snapshot: cardWithLicenseSection(CARD, "mit", "This model is licensed under the Apache license."),
    },
    {
      name: "'the license' names no license",
      snapshot: cardWithLicenseSection(CARD, "mit", "This model is released under the license in the LICENSE file."),
    },
  ],
  invalid: [
    {
      name: "released under CC BY-NC 4.0 with license: apache-2.0",
      snapshot: cardWithLicenseSection(CARD, "apache-2.0", NC),
      findings: [
        {
          severity: "warning",
          args: { declared: ["apache-2.0"], stated: "cc-by-nc-4.0", file: "README.md", line: 27 },
          subject: null,
          rule: { path: "conflictingEvidence" },
          evidence: [{ source: "card" }, { source: "file", file: "README.md", line: 27, quote: NC }],
        },
      ],
    },
    {
      name: "originally licensed under llama3.1 license with license: mit",
      snapshot: cardWithLicenseSection(CARD, "mit", LLAMA),
      findings: [{ args: { declared: ["mit"], stated: "llama3.1" } }],
    },
    {
      name: "conflictingEvidence: block",
      snapshot: cardWithLicenseSection(CARD, "apache-2.0", NC),
      policy: "conflictingEvidence: block\n",
      findings: [{ severity: "error" }],
    },
  ],
});
