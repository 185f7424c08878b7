import type { DutyCheck } from "../dist-context.js";
import { dutiesOf } from "../dist-context.js";

/**
 * A derivative's name begins with the license's prefix (Llama 3.1+ §1.b.i, last sentence: "include 'Llama' at the
 * beginning of any such AI model name"). Renaming is the publisher's choice, so `--fix` never does it.
 */
export const namePrefix: DutyCheck = (context) =>
  dutiesOf(context, "name-prefix").map(({ license, obligation }) => {
    const prefix = obligation.text ?? "";
    return {
      kind: "name-prefix" as const,
      status: context.name.startsWith(prefix) ? ("met" as const) : ("missing" as const),
      license,
      clause: obligation.source,
      expected: prefix,
      found: context.name,
      fixable: false,
    };
  });
