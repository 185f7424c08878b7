import type { EvidenceGap } from "../../../src/types/snapshot.js";
import { testCheck } from "../../support/check-table.js";
import { snapshotOf } from "../../support/snapshots.js";

const gap = (path: string, reason: EvidenceGap["reason"], status?: number): EvidenceGap => ({
  path,
  role: "license",
  reason,
  ...(status === undefined ? {} : { status }),
  detail: "x",
});
const withGaps = (...gaps: EvidenceGap[]) =>
  snapshotOf({ id: "org/model", sha: "a".repeat(40), gated: "manual", cardData: { license: "mit" } }, [], gaps);

testCheck("license-files-unreadable", {
  valid: [
    { name: "every file read", snapshot: withGaps() },
    {
      name: "unreadableEvidence: allow is information, not a warning",
      snapshot: withGaps(gap("LICENSE", "gated", 401)),
      policy: "unreadableEvidence: allow\nseverity:\n  license-files-unreadable: 'off'\n",
    },
  ],
  invalid: [
    {
      name: "a gated license file",
      snapshot: withGaps(gap("LICENSE", "gated", 401)),
      findings: [
        {
          severity: "warning",
          args: { files: ["LICENSE"], reason: "gated", status: 401 },
          subject: null,
          rule: { path: "unreadableEvidence" },
        },
      ],
    },
    {
      name: "one finding per reason",
      snapshot: withGaps(gap("LICENSE", "gated", 401), gap("USE_POLICY.md", "gated", 401), gap("NOTICE", "not-found")),
      findings: [{ args: { files: ["LICENSE", "USE_POLICY.md"] } }, { args: { files: ["NOTICE"], status: null } }],
    },
    {
      name: "unreadableEvidence: block",
      snapshot: withGaps(gap("LICENSE", "gated", 401)),
      policy: "unreadableEvidence: block\n",
      findings: [{ severity: "error" }],
    },
    {
      name: "unreadableEvidence: allow",
      snapshot: withGaps(gap("LICENSE", "gated", 401)),
      policy: "unreadableEvidence: allow\n",
      findings: [{ severity: "info" }],
    },
  ],
});
