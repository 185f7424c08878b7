import { testCheck } from "../../support/check-table.js";
import { fixtureText } from "../../support/fixtures.js";
import { snapshotOf } from "../../support/snapshots.js";

const llama32With = (text: string) =>
  snapshotOf({ id: "org/model", sha: "a".repeat(40), cardData: { license: "llama3.2" } }, [
    { path: "LICENSE.txt", role: "license", text },
  ]);
const original = fixtureText("license-texts/llama3.2.txt");
const edited = original.replace(
  "greater than 700 million monthly active users",
  "greater than 7 billion monthly active users",
);

testCheck("license-text-modified", {
  valid: [
    { name: "the license as published", snapshot: llama32With(original) },
    {
      name: "a text that is no license at all",
      snapshot: llama32With("You may use these weights on Tuesdays only.\n"),
    },
  ],
  invalid: [
    {
      name: "a threshold changed",
      snapshot: llama32With(edited),
      findings: [
        {
          severity: "warning",
          args: { text: "LICENSE.txt", document: "llama3.2" },
          subject: null,
          rule: { path: "conflictingEvidence" },
        },
      ],
    },
    {
      name: "conflictingEvidence: block",
      snapshot: llama32With(edited),
      policy: "conflictingEvidence: block\n",
      findings: [{ severity: "error" }],
    },
  ],
});
