import type { DutyCheck } from "../dist-context.js";
import { cardBaseModels, dutiesOf, readmeBody } from "../dist-context.js";

const CHANGED =
  /\b(modif(y|ied|ications?)|fine-?tun(e|ed|ing)|quanti[sz](e|ed|ation)|merg(e|ed)|chang(e|ed|es)|adapt(ed|er)|derived|trained|distill(ed|ation))\b/i;

/**
 * Modified files carry a prominent notice that they were changed (Apache-2.0 §4(b); RAIL §4.c; Falcon §4): for a
 * model, the card says what was done to which parent. Met when one line of the README names a parent and a change.
 */
export const modificationNotice: DutyCheck = (context) => {
  const lines = readmeBody(context).split(/\r?\n/);
  const parents = context.parents.filter((parent) => parent.depth === 1);
  const ids = [
    ...parents.map((parent) => parent.id),
    ...cardBaseModels(context.read.snapshot.cardData),
    ...(context.read.adapterBase ? [context.read.adapterBase] : []),
  ];
  const names = ids.flatMap((id) => [id.toLowerCase(), (id.split("/").pop() ?? "").toLowerCase()]);
  const notice = lines.find(
    (line) => CHANGED.test(line) && names.some((name) => name !== "" && line.toLowerCase().includes(name)),
  );
  return dutiesOf(context, "mark-modifications").map(({ license, obligation }) => ({
    kind: "modification-notice" as const,
    status: notice ? ("met" as const) : ("missing" as const),
    license,
    clause: obligation.source,
    expected: `a statement in the card of how the model changes ${parents.map((parent) => parent.id).join(", ") || "its parent"}`,
    ...(notice ? { found: notice.trim().slice(0, 200) } : {}),
    file: "README.md",
    fixable: !notice && parents.length > 0,
  }));
};
