import type { FactOf, FindingCode, Severity } from "../types/finding.js";

export interface FindingInfo<Code extends FindingCode> {
  title: string;
  /** The page that explains the code, its evidence and the fix, relative to the repository root. */
  docs: string;
  /**
   * Its severity when no policy setting decides it: fixed, or read from the finding where a fact decides it. `off`:
   * not reported unless its policy rule is set.
   */
  defaultSeverity: Severity | "off" | ((fact: FactOf<Code>) => Severity);
  /**
   * The policy setting that decides its severity, by its path in a policy file (checked against the policy's schema
   * by the compiler, in policy/apply-policy.ts); null when only a `severity:` override can. A rule set to `allow`
   * reports nothing; an evidence outcome set to `allow` reports the finding as information.
   */
  policy: string | null;
}

const docs = (code: FindingCode) => `docs/findings/${code}.md`;

/**
 * One entry per finding code: the compiler refuses a code without its title, docs page, default severity and
 * governing policy setting. The denied and not-allowed findings are decided by the list entry that names the license
 * (the check states it); a commercial condition over a threshold the context states is an error whatever its rule
 * says, and the use-restrictions finding also follows `rules.passOnRestrictions` where it binds (policy/apply-policy.ts).
 */
export const findingInfo = {
  "license-missing": {
    title: "No license declared",
    docs: docs("license-missing"),
    defaultSeverity: "error",
    policy: "unknownLicense",
  },
  "license-unidentified": {
    title: "Declared license names no license",
    docs: docs("license-unidentified"),
    defaultSeverity: (fact) => (fact.basis.alone ? "error" : "warning"),
    policy: "unknownLicense",
  },
  "license-not-in-catalog": {
    title: "Declared license is not in the catalog",
    docs: docs("license-not-in-catalog"),
    defaultSeverity: "warning",
    policy: null,
  },
  "license-mismatch": {
    title: "Shipped license differs from the declared one",
    docs: docs("license-mismatch"),
    defaultSeverity: "warning",
    policy: "conflictingEvidence",
  },
  "license-stated-differently": {
    title: "The card's license section names a license the metadata does not declare",
    docs: docs("license-stated-differently"),
    defaultSeverity: "warning",
    policy: "conflictingEvidence",
  },
  "license-text-modified": {
    title: "License text is a modified copy of a known license",
    docs: docs("license-text-modified"),
    defaultSeverity: "warning",
    policy: "conflictingEvidence",
  },
  "license-text-unrecognized": {
    title: "License file matches no known license",
    docs: docs("license-text-unrecognized"),
    defaultSeverity: "info",
    policy: null,
  },
  "license-denied": {
    title: "License is on the policy's deny list",
    docs: docs("license-denied"),
    defaultSeverity: "error",
    policy: null,
  },
  "license-not-allowed": {
    title: "License is not on the policy's allow list",
    docs: docs("license-not-allowed"),
    defaultSeverity: "error",
    policy: null,
  },
  "license-not-osi-approved": {
    title: "License is not OSI-approved",
    docs: docs("license-not-osi-approved"),
    defaultSeverity: "off",
    policy: "rules.osiApproved",
  },
  "license-non-commercial": {
    title: "License forbids commercial use",
    docs: docs("license-non-commercial"),
    defaultSeverity: "off",
    policy: "rules.nonCommercial",
  },
  "license-commercial-conditions": {
    title: "Commercial use is conditional",
    docs: docs("license-commercial-conditions"),
    defaultSeverity: "off",
    policy: "rules.commercialConditions",
  },
  "license-use-restrictions": {
    title: "License binds you to a use policy",
    docs: docs("license-use-restrictions"),
    defaultSeverity: "off",
    policy: "rules.useRestrictions",
  },
  "license-output-restrictions": {
    title: "License restricts training on outputs",
    docs: docs("license-output-restrictions"),
    defaultSeverity: "off",
    policy: "rules.outputTrainingRestrictions",
  },
  "license-geographic-restriction": {
    title: "License withholds rights where you are",
    docs: docs("license-geographic-restriction"),
    // Information wherever the domicile is not inside the territory; apply-policy's `governed` decides the rest.
    defaultSeverity: "info",
    policy: "rules.geographicExclusions",
  },
  "license-laundering": {
    title: "Declared license differs from an ancestor's",
    docs: docs("license-laundering"),
    defaultSeverity: "warning",
    policy: "conflictingEvidence",
  },
  "lineage-obligation-missed": {
    title: "An inherited license's duty is visibly not met",
    docs: docs("lineage-obligation-missed"),
    defaultSeverity: "warning",
    policy: null,
  },
  "ancestor-unavailable": {
    title: "An ancestor could not be read",
    docs: docs("ancestor-unavailable"),
    defaultSeverity: (fact) => (fact.args.reason === "cycle" ? "info" : "warning"),
    policy: "unreadableEvidence",
  },
  "waiver-expired": {
    title: "Waiver has expired",
    docs: docs("waiver-expired"),
    defaultSeverity: "warning",
    policy: null,
  },
  "waiver-unused": {
    title: "Waiver matches no finding",
    docs: docs("waiver-unused"),
    defaultSeverity: "warning",
    policy: null,
  },
  "clarification-stale": {
    title: "Clarification no longer matches the model",
    docs: docs("clarification-stale"),
    defaultSeverity: "warning",
    policy: null,
  },
  "card-metadata-invalid": {
    title: "Model card metadata is not valid YAML",
    docs: docs("card-metadata-invalid"),
    defaultSeverity: "warning",
    policy: null,
  },
  "license-files-unreadable": {
    title: "License files could not be read",
    docs: docs("license-files-unreadable"),
    defaultSeverity: "warning",
    policy: "unreadableEvidence",
  },
  "reference-dynamic": {
    title: "A model is loaded by a name computed at run time",
    docs: docs("reference-dynamic"),
    defaultSeverity: "warning",
    policy: null,
  },
  "model-confusion": {
    title: "A Hub id the code loads is also a local folder",
    docs: docs("model-confusion"),
    defaultSeverity: "warning",
    policy: null,
  },
  "lock-entry-missing": {
    title: "The code loads a repo that lic.lock does not list",
    docs: docs("lock-entry-missing"),
    defaultSeverity: "error",
    policy: null,
  },
  "lock-entry-unused": {
    title: "A lic.lock entry is no longer used by the code",
    docs: docs("lock-entry-unused"),
    defaultSeverity: "warning",
    policy: null,
  },
  "lock-revision-mismatch": {
    title: "The code pins another revision than lic.lock",
    docs: docs("lock-revision-mismatch"),
    defaultSeverity: "error",
    policy: null,
  },
  "lock-verdict-changed": {
    title: "The verdict differs from the one lic.lock records",
    docs: docs("lock-verdict-changed"),
    defaultSeverity: "error",
    policy: null,
  },
  "lock-evidence-changed": {
    title: "License evidence at the locked commit no longer matches lic.lock",
    docs: docs("lock-evidence-changed"),
    defaultSeverity: "error",
    policy: null,
  },
  "lock-commit-missing": {
    title: "The Hub no longer has the locked commit",
    docs: docs("lock-commit-missing"),
    defaultSeverity: "error",
    policy: null,
  },
  // The training data's datasets: advisories warn and facts inform by default; the policy's `datasets:` decides.
  "dataset-non-commercial": {
    title: "A dataset it was trained on forbids commercial use",
    docs: docs("dataset-non-commercial"),
    defaultSeverity: "warning",
    policy: "datasets.nonCommercial",
  },
  "dataset-research-only": {
    title: "A dataset is for research only",
    docs: docs("dataset-research-only"),
    defaultSeverity: "warning",
    policy: "datasets.researchOnly",
  },
  "dataset-share-alike": {
    title: "A dataset it was trained on is share-alike",
    docs: docs("dataset-share-alike"),
    defaultSeverity: "info",
    policy: "datasets.shareAlike",
  },
  "dataset-no-derivatives": {
    title: "A dataset it was trained on forbids sharing adaptations",
    docs: docs("dataset-no-derivatives"),
    defaultSeverity: "warning",
    policy: "datasets.noDerivatives",
  },
  "dataset-unlicensed": {
    title: "A dataset it was trained on declares no license",
    docs: docs("dataset-unlicensed"),
    defaultSeverity: "warning",
    policy: "datasets.unlicensed",
  },
  "dataset-unavailable": {
    title: "A dataset could not be read",
    docs: docs("dataset-unavailable"),
    defaultSeverity: "info",
    policy: "datasets.unavailable",
  },
  "dataset-not-declared": {
    title: "The model names no training data",
    docs: docs("dataset-not-declared"),
    defaultSeverity: "off",
    policy: "datasets.notDeclared",
  },
  "dataset-from-restricted-model": {
    title: "A dataset was generated by a model whose outputs may not train other models",
    docs: docs("dataset-from-restricted-model"),
    defaultSeverity: "warning",
    policy: "datasets.fromRestrictedModel",
  },
} as const satisfies { [Code in FindingCode]: FindingInfo<Code> };

/** Every finding code, in the table's order. */
export const FINDING_CODES = Object.keys(findingInfo) as FindingCode[];
