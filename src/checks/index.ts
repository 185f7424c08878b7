import type { FindingCode } from "../types.js";
import cardMetadataInvalid from "./card-metadata-invalid.js";
import type { Check } from "./define-check.js";
import licenseFilesUnreadable from "./license-files-unreadable.js";
import licenseMismatch from "./license-mismatch.js";
import licenseMissing from "./license-missing.js";
import licenseNotInCatalog from "./license-not-in-catalog.js";
import licenseTextModified from "./license-text-modified.js";
import licenseTextUnrecognized from "./license-text-unrecognized.js";
import licenseUnidentified from "./license-unidentified.js";

/** Every check, one per finding code; the compiler refuses a code without its check. */
export const checks: { [Code in FindingCode]: Check<Code> } = {
  "license-missing": licenseMissing,
  "license-unidentified": licenseUnidentified,
  "license-not-in-catalog": licenseNotInCatalog,
  "license-mismatch": licenseMismatch,
  "license-text-modified": licenseTextModified,
  "license-text-unrecognized": licenseTextUnrecognized,
  "card-metadata-invalid": cardMetadataInvalid,
  "license-files-unreadable": licenseFilesUnreadable,
};
