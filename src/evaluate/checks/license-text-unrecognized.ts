import { defineCheck } from "./define-check.js";

/** A license or use-policy file that matches no license lic knows, not even nearly: a reviewer must read it. */
export default defineCheck({
  code: "license-text-unrecognized",
  run: ({ snapshot, licenses }) =>
    licenses.texts
      .filter(
        (text) =>
          text.origin.kind === "file" &&
          text.origin.role !== "notice" &&
          text.matches.length === 0 &&
          text.sentences > 0,
      )
      .map((text) => ({
        code: "license-text-unrecognized" as const,
        args: { text: text.origin.kind === "file" ? text.origin.path : "" },
        subject: null,
        evidence: [
          {
            source: "file" as const,
            file: text.origin.kind === "file" ? text.origin.path : "",
            commit: snapshot.sha,
            sha256: text.sha256,
          },
        ],
      })),
});
