import type { Evidence } from "../../types/finding.js";
import { defineCheck } from "./define-check.js";

/** Nothing declares a license (no card `license`, no `license:*` tag) and no shipped text is a known license. */
export default defineCheck({
  code: "license-missing",
  run: ({ snapshot, licenses }) => {
    if (licenses.licenses.length > 0 || licenses.unidentified.length > 0) return [];
    const evidence: Evidence[] = [
      { source: "api", field: "cardData.license", value: snapshot.cardData?.["license"] ?? null },
    ];
    for (const file of snapshot.texts) {
      if (file.role !== "readme")
        evidence.push({ source: "file", file: file.path, commit: snapshot.sha, sha256: file.sha256 });
    }
    return [{ code: "license-missing", args: { texts: licenses.texts.length }, subject: null, evidence }];
  },
});
