import type { LicenseText } from "../types.js";

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
