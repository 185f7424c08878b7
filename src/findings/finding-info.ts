import type { FindingCode } from "../types/finding.js";

export interface FindingInfo {
  title: string;
  /** The page that explains the code, its evidence and the fix, relative to the repository root. */
  docs: string;
}

const docs = (code: FindingCode) => `docs/findings/${code}.md`;

/** One entry per finding code: the compiler refuses a code without its title and docs page. */
export const findingInfo = {
  "license-missing": { title: "No license declared", docs: docs("license-missing") },
  "license-unidentified": { title: "Declared license names no license", docs: docs("license-unidentified") },
  "license-not-in-catalog": { title: "Declared license is not in the catalog", docs: docs("license-not-in-catalog") },
  "license-mismatch": { title: "Shipped license differs from the declared one", docs: docs("license-mismatch") },
  "license-text-modified": {
    title: "License text is a modified copy of a known license",
    docs: docs("license-text-modified"),
  },
  "license-text-unrecognized": {
    title: "License file matches no known license",
    docs: docs("license-text-unrecognized"),
  },
  "license-denied": { title: "License is on the policy's deny list", docs: docs("license-denied") },
  "license-not-allowed": { title: "License is not on the policy's allow list", docs: docs("license-not-allowed") },
  "license-not-osi-approved": { title: "License is not OSI-approved", docs: docs("license-not-osi-approved") },
  "license-non-commercial": { title: "License forbids commercial use", docs: docs("license-non-commercial") },
  "license-commercial-conditions": {
    title: "Commercial use is conditional",
    docs: docs("license-commercial-conditions"),
  },
  "license-use-restrictions": { title: "License binds you to a use policy", docs: docs("license-use-restrictions") },
  "license-output-restrictions": {
    title: "License restricts training on outputs",
    docs: docs("license-output-restrictions"),
  },
  "license-geographic-restriction": {
    title: "License withholds rights where you are",
    docs: docs("license-geographic-restriction"),
  },
  "license-laundering": { title: "Declared license differs from an ancestor's", docs: docs("license-laundering") },
  "lineage-obligation-missed": {
    title: "An inherited license's duty is visibly not met",
    docs: docs("lineage-obligation-missed"),
  },
  "ancestor-unavailable": { title: "An ancestor could not be read", docs: docs("ancestor-unavailable") },
  "waiver-expired": { title: "Waiver has expired", docs: docs("waiver-expired") },
  "waiver-unused": { title: "Waiver matches no finding", docs: docs("waiver-unused") },
  "card-metadata-invalid": { title: "Model card metadata is not valid YAML", docs: docs("card-metadata-invalid") },
  "license-files-unreadable": { title: "License files could not be read", docs: docs("license-files-unreadable") },
} satisfies Record<FindingCode, FindingInfo>;

/** Every finding code, in the table's order. */
export const FINDING_CODES = Object.keys(findingInfo) as FindingCode[];
