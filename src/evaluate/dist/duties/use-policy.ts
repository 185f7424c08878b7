import type { DutyCheck } from "../dist-context.js";
import { dutiesOf, exactCopies } from "../dist-context.js";

/**
 * Pass the use restrictions on to recipients (RAIL §4.a and Attachment A, Gemma §3.1 and its Prohibited Use Policy,
 * DeepSeek §4): a shipped file that carries them unchanged, the license itself (a RAIL license holds its Attachment
 * A) or the use policy the license incorporates. Making them enforceable in the publisher's own terms is for review.
 */
export const usePolicy: DutyCheck = (context) =>
  dutiesOf(context, "pass-on-use-restrictions").map(({ license, obligation }) => {
    const policy = context.catalog.get(license)?.terms?.useRestrictions;
    const carriers = exactCopies(
      context,
      (id, document) => id === license && (document === license || document === policy?.catalogKey),
    );
    return {
      kind: "use-policy" as const,
      status: carriers.length > 0 ? ("met" as const) : ("missing" as const),
      license,
      clause: obligation.source,
      expected: policy?.document ?? `the use restrictions of ${license}`,
      ...(carriers[0] ? { file: carriers[0] } : {}),
      fixable: false,
    };
  });
