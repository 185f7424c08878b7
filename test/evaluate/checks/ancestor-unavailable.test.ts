import { testCheck } from "../../support/check-table.js";
import { ancestorWith, snapshotWith } from "../../support/snapshots.js";

const model = snapshotWith({ license: "apache-2.0" });
const missing = ancestorWith("org/gone", null, { reason: "not-found", message: "org/gone: no such model" });
const cycle = ancestorWith("org/model", null, { reason: "cycle", message: "org/model is its own ancestor" });

testCheck("ancestor-unavailable", {
  valid: [
    {
      name: "an ancestor that was read",
      snapshot: model,
      ancestors: [ancestorWith("org/base", { license: "apache-2.0" })],
    },
    { name: "no lineage", snapshot: model },
  ],
  invalid: [
    {
      name: "a missing ancestor",
      snapshot: model,
      ancestors: [missing],
      findings: [
        {
          severity: "warning",
          args: { ancestor: "org/gone", reason: "not-found" },
          subject: null,
          rule: { path: "unreadableEvidence" },
        },
      ],
    },
    {
      name: "a cycle is information by default",
      snapshot: model,
      ancestors: [cycle],
      policy: "name: bare\n",
      findings: [{ severity: "info", args: { reason: "cycle" } }],
    },
    {
      name: "a cycle under unreadableEvidence: warn",
      snapshot: model,
      ancestors: [cycle],
      findings: [{ severity: "warning" }],
    },
    {
      name: "unreadableEvidence: block",
      snapshot: model,
      ancestors: [missing],
      policy: "unreadableEvidence: block\n",
      findings: [{ severity: "error" }],
    },
  ],
});
