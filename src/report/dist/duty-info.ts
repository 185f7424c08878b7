import type { DutyKind, DutyStatus } from "../../types/dist-report.js";

/** Each duty's title, one table the compiler keeps whole: the words every dist format uses. */
export const dutyInfo = {
  "distribution-allowed": { title: "Distribution allowed" },
  "license-copy": { title: "License copy shipped, unmodified" },
  "notice-file": { title: "NOTICE text shipped" },
  attribution: { title: "Attribution displayed" },
  "name-prefix": { title: "Name begins with the required prefix" },
  "use-policy": { title: "Use restrictions passed on" },
  "modification-notice": { title: "Modifications stated" },
  "retain-notices": { title: "Parent's notices retained" },
  "card-license": { title: "Card declares the license" },
  "card-base-model": { title: "Card names base_model" },
  "card-relation": { title: "Card states base_model_relation" },
  "no-relabelling": { title: "Card does not relabel the license" },
  "weight-metadata": { title: "Weights header agrees with the card" },
  "folder-contents": { title: "Folder is self-contained" },
} satisfies Record<DutyKind, { title: string }>;

export const statusLabel = {
  met: "MET",
  missing: "MISSING",
  review: "REVIEW",
  unknown: "UNKNOWN",
} satisfies Record<DutyStatus, string>;

export const verdictLabel = { ready: "READY", "not-ready": "NOT READY", undecided: "UNDECIDED" } as const;
