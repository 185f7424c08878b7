import type { Evidence } from "../../types/finding.js";
import type { GapReason } from "../../types/snapshot.js";
import { defineCheck } from "./define-check.js";

/** License evidence the repo lists could not be read (gated, unauthorized, failing): the decision rests on metadata. */
export default defineCheck({
  code: "license-files-unreadable",
  run: ({ snapshot }) => {
    const byReason = new Map<GapReason, typeof snapshot.gaps>();
    for (const gap of snapshot.gaps) byReason.set(gap.reason, [...(byReason.get(gap.reason) ?? []), gap]);
    return [...byReason].map(([reason, gaps]) => {
      const evidence: Evidence[] = gaps.map((gap) => ({ source: "api", field: "siblings", value: gap.path }));
      if (reason === "gated") evidence.unshift({ source: "api", field: "gated", value: snapshot.gated });
      const status = gaps.find((gap) => gap.status !== undefined)?.status ?? null;
      return {
        code: "license-files-unreadable" as const,
        args: { files: gaps.map((gap) => gap.path), reason, status },
        subject: null,
        evidence,
      };
    });
  },
});
