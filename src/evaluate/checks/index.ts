import type { FindingCode } from "../../types/finding.js";
import datasetFromRestrictedModel from "../datasets/dataset-from-restricted-model.js";
import datasetNoDerivatives from "../datasets/dataset-no-derivatives.js";
import datasetNonCommercial from "../datasets/dataset-non-commercial.js";
import datasetNotDeclared from "../datasets/dataset-not-declared.js";
import datasetResearchOnly from "../datasets/dataset-research-only.js";
import datasetShareAlike from "../datasets/dataset-share-alike.js";
import datasetUnavailable from "../datasets/dataset-unavailable.js";
import datasetUnlicensed from "../datasets/dataset-unlicensed.js";
import ancestorUnavailable from "./ancestor-unavailable.js";
import cardMetadataInvalid from "./card-metadata-invalid.js";
import clarificationStale from "./clarification-stale.js";
import type { Check } from "./define-check.js";
import licenseCommercialConditions from "./license-commercial-conditions.js";
import licenseDenied from "./license-denied.js";
import licenseFilesUnreadable from "./license-files-unreadable.js";
import licenseGeographicRestriction from "./license-geographic-restriction.js";
import licenseLaundering from "./license-laundering.js";
import licenseMismatch from "./license-mismatch.js";
import licenseMissing from "./license-missing.js";
import licenseNonCommercial from "./license-non-commercial.js";
import licenseNotAllowed from "./license-not-allowed.js";
import licenseNotInCatalog from "./license-not-in-catalog.js";
import licenseNotOsiApproved from "./license-not-osi-approved.js";
import licenseOutputRestrictions from "./license-output-restrictions.js";
import licenseStatedDifferently from "./license-stated-differently.js";
import licenseTextModified from "./license-text-modified.js";
import licenseTextUnrecognized from "./license-text-unrecognized.js";
import licenseUnidentified from "./license-unidentified.js";
import licenseUseRestrictions from "./license-use-restrictions.js";
import lineageObligationMissed from "./lineage-obligation-missed.js";

/** Codes about the policy's waivers themselves, decided in policy/apply-policy.ts after every check has run. */
export type WaiverCode = "waiver-expired" | "waiver-unused";
/** Codes about the project's code and its lic.lock rather than one model's evidence, found in lock/ and scan/. */
export type ProjectCode =
  | "reference-dynamic"
  | "model-confusion"
  | "lock-entry-missing"
  | "lock-entry-unused"
  | "lock-revision-mismatch"
  | "lock-verdict-changed"
  | "lock-evidence-changed"
  | "lock-commit-missing";
export type CheckCode = Exclude<FindingCode, WaiverCode | ProjectCode>;

/** Every check, one per finding code; the compiler refuses a code without its check. */
export const checks: { [Code in CheckCode]: Check<Code> } = {
  "license-missing": licenseMissing,
  "license-unidentified": licenseUnidentified,
  "license-not-in-catalog": licenseNotInCatalog,
  "clarification-stale": clarificationStale,
  "license-mismatch": licenseMismatch,
  "license-stated-differently": licenseStatedDifferently,
  "license-text-modified": licenseTextModified,
  "license-text-unrecognized": licenseTextUnrecognized,
  "card-metadata-invalid": cardMetadataInvalid,
  "license-files-unreadable": licenseFilesUnreadable,
  "license-denied": licenseDenied,
  "license-not-allowed": licenseNotAllowed,
  "license-not-osi-approved": licenseNotOsiApproved,
  "license-non-commercial": licenseNonCommercial,
  "license-commercial-conditions": licenseCommercialConditions,
  "license-use-restrictions": licenseUseRestrictions,
  "license-output-restrictions": licenseOutputRestrictions,
  "license-geographic-restriction": licenseGeographicRestriction,
  "license-laundering": licenseLaundering,
  "lineage-obligation-missed": lineageObligationMissed,
  "ancestor-unavailable": ancestorUnavailable,
  // The training data's datasets (evaluate/datasets/): advisories and facts, never the model's license.
  "dataset-non-commercial": datasetNonCommercial,
  "dataset-research-only": datasetResearchOnly,
  "dataset-share-alike": datasetShareAlike,
  "dataset-no-derivatives": datasetNoDerivatives,
  "dataset-unlicensed": datasetUnlicensed,
  "dataset-unavailable": datasetUnavailable,
  "dataset-not-declared": datasetNotDeclared,
  "dataset-from-restricted-model": datasetFromRestrictedModel,
};
