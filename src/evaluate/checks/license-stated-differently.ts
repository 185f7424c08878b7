import { defineCheck } from "./define-check.js";

/**
 * The README's license section puts the model under a license (in words: "the weights are released under CC BY-NC
 * 4.0") that the metadata does not declare. Both then apply (the stated license is one of the model's licenses,
 * source `card-text`), and the disagreement is worth a reviewer's look.
 */
export default defineCheck({
  code: "license-stated-differently",
  run: ({ licenses }) => {
    const declared = licenses.licenses.filter((license) => license.sources.includes("declared"));
    if (declared.length === 0) return [];
    const declaredEvidence = declared.flatMap((license) => license.evidence.filter((item) => item.source !== "file"));
    return licenses.licenses
      .filter((license) => license.sources.includes("card-text") && !license.sources.includes("declared"))
      .flatMap((license) => {
        const stated = license.evidence.find((item) => item.source === "file" && item.line !== undefined);
        if (stated?.source !== "file") return [];
        return [
          {
            code: "license-stated-differently" as const,
            args: {
              declared: declared.map((item) => item.id),
              stated: license.id,
              file: stated.file,
              line: stated.line ?? 0,
            },
            subject: null,
            evidence: [...declaredEvidence, stated],
          },
        ];
      });
  },
});
