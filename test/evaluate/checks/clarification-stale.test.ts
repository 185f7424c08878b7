import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { testCheck } from "../../support/check-table.js";
import { snapshotOf } from "../../support/snapshots.js";

const CLARIFY = readFileSync(fileURLToPath(new URL("../../fixtures/policies/clarify.yaml", import.meta.url)), "utf8");
/** The fixture policy, with its base resolved from policies/ (the table's policies are texts). */
const POLICY = CLARIFY;
const ACME =
  "ACME Weights License\n\nYou may use, copy and modify these weights for any purpose, provided this notice is kept.\n";
const ACME_SHA = "4e1be044c9eb2c8212f8d329442444a03ef7f88501ac4e41767c3a6ee5b821ab";

/** `license: other`, no name, a custom LICENSE: the shape lic cannot identify (license-unidentified under default). */
const custom = (id: string, sha: string, text = ACME) =>
  snapshotOf({ id, sha, tags: ["license:other"], cardData: { license: "other" } }, [
    { path: "LICENSE", role: "license", text },
  ]);

testCheck("clarification-stale", {
  valid: [
    {
      name: "applied: an unpinned entry, any commit",
      snapshot: custom("acme/unpinned", "d".repeat(40)),
      policy: POLICY,
    },
    { name: "applied: the pinned commit", snapshot: custom("acme/at-commit", "c".repeat(40)), policy: POLICY },
    { name: "applied: the pinned file's sha256", snapshot: custom("acme/by-hash", "e".repeat(40)), policy: POLICY },
    { name: "not this model: no entry names it", snapshot: custom("acme/other", "c".repeat(40)), policy: POLICY },
    {
      name: "not this model: an entry for another org's model of the same name",
      snapshot: custom("other/at-commit", "d".repeat(40)),
      policy: POLICY,
    },
  ],
  invalid: [
    {
      name: "stale: the model moved to another commit",
      snapshot: custom("acme/at-commit", "d".repeat(40)),
      policy: POLICY,
      findings: [
        {
          severity: "warning",
          args: { model: "acme/at-commit", pinned: "commit", expected: "c".repeat(40), found: "d".repeat(40) },
          subject: null,
          rule: { line: 12, path: "clarify[1]" },
        },
      ],
    },
    {
      name: "stale: the LICENSE changed",
      snapshot: custom("acme/by-hash", "e".repeat(40), `${ACME}\nNo commercial use.\n`),
      policy: POLICY,
      findings: [
        {
          severity: "warning",
          args: { model: "acme/by-hash", pinned: "file", file: "LICENSE", expected: ACME_SHA },
          evidence: [{ source: "file", file: "LICENSE" }],
          rule: { line: 18, path: "clarify[2]" },
        },
      ],
    },
    {
      name: "stale: the LICENSE is gone",
      snapshot: snapshotOf({ id: "acme/by-hash", sha: "e".repeat(40), cardData: { license: "other" } }),
      policy: POLICY,
      findings: [{ args: { pinned: "file", file: "LICENSE", expected: ACME_SHA, found: null }, evidence: [] }],
    },
    {
      name: "stale: the severity override still applies (error)",
      snapshot: custom("acme/at-commit", "d".repeat(40)),
      policy: `${POLICY}severity:\n  clarification-stale: error\n`,
      findings: [{ severity: "error", args: { pinned: "commit" } }],
    },
  ],
});
