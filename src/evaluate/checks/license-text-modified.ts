import { describeText, textEvidence } from "../../identify/describe-text.js";
import { defineCheck } from "./define-check.js";

/** A shipped text is a known license with sentences changed, added or missing: not that license, and not known. */
export default defineCheck({
  code: "license-text-modified",
  run: ({ snapshot, licenses }) =>
    licenses.texts.flatMap((text) =>
      text.matches
        .filter((match) => match.kind === "near")
        .map((match) => {
          return {
            code: "license-text-modified" as const,
            args: {
              text: describeText(text),
              document: match.document,
              score: match.score,
              missing: match.differences.missing,
              added: match.differences.added,
            },
            subject: null,
            evidence: [textEvidence(text, snapshot.sha)],
          };
        }),
    ),
});
