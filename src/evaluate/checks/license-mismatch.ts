import { describeText, textEvidence } from "../../identify/describe-text.js";
import { defineCheck } from "./define-check.js";

/**
 * A shipped text is, unchanged, a license the metadata does not declare: the tag says apache-2.0 and LICENSE is
 * Llama 4. Both then apply (the stricter terms govern), and the relabelling is worth a reviewer's look.
 */
export default defineCheck({
  code: "license-mismatch",
  run: ({ snapshot, licenses }) => {
    const declared = licenses.licenses
      .filter((license) => license.sources.includes("declared"))
      .map((license) => license.id);
    if (declared.length === 0) return [];
    return licenses.texts.flatMap((text) =>
      text.matches
        .filter((match) => match.kind === "exact" && !declared.includes(match.id))
        .map((match) => {
          const declaredEvidence = licenses.licenses
            .filter((license) => declared.includes(license.id))
            .flatMap((license) => license.evidence.filter((item) => item.source !== "file"));
          return {
            code: "license-mismatch" as const,
            args: { declared, detected: match.id, text: describeText(text) },
            subject: null,
            evidence: [...declaredEvidence, textEvidence(text, snapshot.sha)],
          };
        }),
    );
  },
});
