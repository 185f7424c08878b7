import { defineCheck } from "./define-check.js";

/** The README's YAML front matter does not parse: the Hub's `cardData` may then be empty or stale. */
export default defineCheck({
  code: "card-metadata-invalid",
  run: ({ snapshot, card }) => {
    const readme = snapshot.texts.find((file) => file.role === "readme");
    if (!readme || !card.error) return [];
    return [
      {
        code: "card-metadata-invalid",
        args: { file: readme.path, reason: card.error.reason, line: card.error.line },
        subject: null,
        evidence: [
          {
            source: "file",
            file: readme.path,
            commit: snapshot.sha,
            sha256: readme.sha256,
            ...(card.error.line === null ? {} : { line: card.error.line }),
          },
        ],
      },
    ];
  },
});
