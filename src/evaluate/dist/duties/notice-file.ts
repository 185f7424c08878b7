import type { DutyCheck } from "../dist-context.js";
import { dutiesOf, normalizeWords } from "../dist-context.js";

/**
 * Keep a NOTICE file with the license's own words (Llama §1.b.iii: "… is licensed under the Llama 4 Community
 * License, Copyright © Meta Platforms, Inc. All Rights Reserved."). Where the license gives no words (Apache-2.0
 * §4(d): the Work's own NOTICE travels on), lic cannot know them: a NOTICE present is met, none is for review.
 */
export const noticeFile: DutyCheck = (context) => {
  const notices = context.read.snapshot.texts.filter((file) => file.role === "notice");
  return dutiesOf(context, "notice-file").map(({ license, obligation }) => {
    const base = { kind: "notice-file" as const, license, clause: obligation.source };
    if (!obligation.text)
      return {
        ...base,
        status: notices.length > 0 ? ("met" as const) : ("review" as const),
        ...(notices[0] ? { file: notices[0].path } : { reason: "keep the parent's NOTICE, where it has one" }),
        fixable: false,
      };
    const wanted = normalizeWords(obligation.text);
    const holding = notices.find((file) => normalizeWords(file.text).includes(wanted));
    return {
      ...base,
      status: holding ? ("met" as const) : ("missing" as const),
      expected: obligation.text,
      ...(holding ? { file: holding.path } : notices[0] ? { file: notices[0].path, found: "a NOTICE without it" } : {}),
      fixable: !holding,
    };
  });
};
