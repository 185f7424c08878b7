import type { DutyCheck } from "../dist-context.js";
import { dutiesOf, exactCopies } from "../dist-context.js";

/**
 * Give recipients a copy of the license (Llama §1.b.i, Apache-2.0 §4(a), RAIL §4.b): a shipped file that the
 * matcher finds to be that license, unchanged. A near match is an edited copy, which is not the license.
 */
export const licenseCopy: DutyCheck = (context) =>
  dutiesOf(context, "include-license-copy").map(({ license, obligation }) => {
    const copies = exactCopies(context, (id, document) => id === license && document === license);
    const near = context.result.license.texts.find(
      (text) =>
        text.origin.kind === "file" && text.matches.some((match) => match.id === license && match.kind === "near"),
    );
    const nearMatch = near?.matches.find((match) => match.id === license && match.kind === "near");
    const difference = nearMatch?.differences.added[0] ?? nearMatch?.differences.missing[0];
    return {
      kind: "license-copy" as const,
      status: copies.length > 0 ? ("met" as const) : ("missing" as const),
      license,
      clause: obligation.source,
      expected: `an unmodified copy of ${context.catalog.get(license)?.name ?? license}`,
      ...(copies.length > 0 ? { file: copies[0]! } : {}),
      ...(copies.length === 0 && near?.origin.kind === "file"
        ? {
            file: near.origin.path,
            found: "an edited copy",
            ...(difference ? { reason: `differs at "${difference}"` } : {}),
          }
        : {}),
      // An edited copy is replaced only with --force (apply-fixes); a license without an SPDX text cannot be written.
      fixable: copies.length === 0 && Boolean(context.catalog.get(license)?.spdx),
    };
  });
