import type { Evidence } from "../types/finding.js";
import type { LicenseText } from "../types/result.js";

/** How findings name a text: its file, the README section, or the card key. */
export function describeText(text: LicenseText): string {
  switch (text.origin.kind) {
    case "file":
      return text.origin.path;
    case "readme-section":
      return `${text.origin.path}:${text.origin.line} (license section)`;
    case "card":
      return `card ${text.origin.path.join(".")}`;
  }
}

/** The evidence that points at a text: the card key of the gate prompt, or the file with its sha256 at the commit. */
export function textEvidence(text: LicenseText, commit: string): Evidence {
  return text.origin.kind === "card"
    ? { source: "card", path: text.origin.path, commit }
    : { source: "file", file: text.origin.path, commit, sha256: text.sha256 };
}
