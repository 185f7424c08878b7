import type { DutyCheck } from "../dist-context.js";
import { dutiesOf } from "../dist-context.js";

/**
 * Keep the copyright, patent, trademark and attribution notices the parent's files carry (Apache-2.0 §4(c), MIT,
 * RAIL §4.d). lic reads the parents' metadata, not their files, so it cannot compare them: for review.
 */
export const retainNotices: DutyCheck = (context) =>
  dutiesOf(context, "retain-notices").map(({ license, obligation }) => ({
    kind: "retain-notices" as const,
    status: "review" as const,
    license,
    clause: obligation.source,
    reason: "keep the notices in the parent's files",
    fixable: false,
  }));
