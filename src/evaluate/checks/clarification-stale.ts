import { clarificationsFor } from "../clarify-licenses.js";
import { defineCheck } from "./define-check.js";

/**
 * A clarify entry names this model, but the commit or license file's sha256 it pins no longer matches: it is not
 * applied (check-model applies only a matching one), and the license may have changed under it.
 */
export default defineCheck({
  code: "clarification-stale",
  run: ({ snapshot, policy }) =>
    clarificationsFor(snapshot, policy).stale.map(({ entry, pinned, expected, found }) => {
      const shipped = entry.file ? snapshot.texts.find((text) => text.path === entry.file?.path) : undefined;
      return {
        code: "clarification-stale" as const,
        args: {
          model: entry.model,
          pinned,
          ...(pinned === "file" && entry.file ? { file: entry.file.path } : {}),
          expected,
          found,
        },
        subject: null,
        evidence: shipped
          ? [{ source: "file" as const, file: shipped.path, commit: snapshot.sha, sha256: shipped.sha256 }]
          : [],
        basis: { entry: entry.at },
      };
    }),
});
