import type { FindingCode } from "../types.js";
import cardMetadataInvalid from "./card-metadata-invalid.js";
import type { Check } from "./define-check.js";
import licenseFilesUnreadable from "./license-files-unreadable.js";
import licenseMissing from "./license-missing.js";
import licenseUnidentified from "./license-unidentified.js";

/** Every check, one per finding code; the compiler refuses a code without its check. */
export const checks: { [Code in FindingCode]: Check<Code> } = {
  "license-missing": licenseMissing,
  "license-unidentified": licenseUnidentified,
  "card-metadata-invalid": cardMetadataInvalid,
  "license-files-unreadable": licenseFilesUnreadable,
};
