import type { DutyCheck } from "../dist-context.js";
import { dutiesOf, normalizeWords, readmeBody } from "../dist-context.js";

/**
 * Display the license's phrase ("Built with Llama", Llama 3.1+ §1.b.i(B)) "on a related website, user interface,
 * blogpost, about page, or product documentation": the model card is the page a published model has, so lic looks
 * there. A credit without fixed words (CC BY §3(a)) is for review.
 */
export const attribution: DutyCheck = (context) => {
  const body = normalizeWords(readmeBody(context));
  const phrased = dutiesOf(context, "display-attribution").map(({ license, obligation }) => {
    // Falcon's phrase leaves a slot for the derivative's name ("[name of relevant Derivative Work] is built using
    // Falcon LLM technology …", Falcon 2 11B TII License §6 Publication): it is the published name.
    const phrase = (obligation.text ?? "").replace(/\[name of [^\]]*\]/i, context.name);
    const shown = phrase !== "" && body.includes(normalizeWords(phrase));
    return {
      kind: "attribution" as const,
      status: shown ? ("met" as const) : ("missing" as const),
      license,
      clause: obligation.source,
      expected: phrase,
      file: "README.md",
      fixable: !shown && phrase !== "",
    };
  });
  const credits = dutiesOf(context, "attribution").map(({ license, obligation }) => ({
    kind: "attribution" as const,
    status: "review" as const,
    license,
    clause: obligation.source,
    ...(obligation.text ? { expected: obligation.text } : {}),
    reason: "credit the licensor as the license asks",
    fixable: false,
  }));
  return [...phrased, ...credits];
};
