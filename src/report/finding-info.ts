import type { Finding, FindingCode } from "../types/finding.js";
import type { GapReason } from "../types/snapshot.js";

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
  "license-text-modified": { title: "License text is a modified copy of a known license", docs: docs("license-text-modified") },
  "license-text-unrecognized": { title: "License file matches no known license", docs: docs("license-text-unrecognized") },
  "license-denied": { title: "License is on the policy's deny list", docs: docs("license-denied") },
  "license-not-allowed": { title: "License is not on the policy's allow list", docs: docs("license-not-allowed") },
  "license-not-osi-approved": { title: "License is not OSI-approved", docs: docs("license-not-osi-approved") },
  "license-non-commercial": { title: "License forbids commercial use", docs: docs("license-non-commercial") },
  "license-commercial-conditions": { title: "Commercial use is conditional", docs: docs("license-commercial-conditions") },
  "license-use-restrictions": { title: "License binds you to a use policy", docs: docs("license-use-restrictions") },
  "license-output-restrictions": { title: "License restricts training on outputs", docs: docs("license-output-restrictions") },
  "license-geographic-restriction": { title: "License withholds rights where you are", docs: docs("license-geographic-restriction") },
  "license-laundering": { title: "Declared license differs from an ancestor's", docs: docs("license-laundering") },
  "lineage-obligation-missed": { title: "An inherited license's duty is visibly not met", docs: docs("lineage-obligation-missed") },
  "ancestor-unavailable": { title: "An ancestor could not be read", docs: docs("ancestor-unavailable") },
  "waiver-expired": { title: "Waiver has expired", docs: docs("waiver-expired") },
  "waiver-unused": { title: "Waiver matches no finding", docs: docs("waiver-unused") },
  "card-metadata-invalid": { title: "Model card metadata is not valid YAML", docs: docs("card-metadata-invalid") },
  "license-files-unreadable": { title: "License files could not be read", docs: docs("license-files-unreadable") },
} satisfies Record<FindingCode, FindingInfo>;

const GAP_WORDING: Record<GapReason, string> = {
  gated: "the repo is gated and access has not been granted to this token (or no token was given)",
  unauthorized: "the Hub refused the token",
  "not-found": "the repo lists them but the Hub did not find them",
  "not-text": "they are binary, not text",
  error: "the Hub failed while serving them",
};

/** The one sentence a person reads for a finding. All wording lives here, none in the checks. */
export function formatFindingMessage(finding: Finding): string {
  switch (finding.code) {
    case "license-missing":
      return (
        "No license is declared: the model card has no `license` and the Hub shows no `license:` tag" +
        (finding.args.texts > 0 ? `; ${plural(finding.args.texts, "shipped license text")} to review by hand` : "")
      );
    case "license-unidentified":
      return `The declared license ${finding.args.declared.map((value) => `\`${value}\``).join(", ")} names no license: \`other\` needs a \`license_name\`, and \`unknown\` identifies nothing`;
    case "license-not-in-catalog":
      return `The declared license \`${finding.args.id}\` is not in lic's catalog: its terms are unknown; read the shipped license text`;
    case "license-mismatch":
      return `${finding.args.text} is the ${finding.args.detected} license, which the metadata does not declare (it declares ${finding.args.declared.join(", ")}); both apply until a reviewer decides`;
    case "license-text-modified": {
      const changes = [
        ...finding.args.missing.map((sentence) => `missing "${sentence}"`),
        ...finding.args.added.map((sentence) => `added "${sentence}"`),
      ];
      return `${finding.args.text} is a modified copy of ${finding.args.document} (${Math.round(finding.args.score * 100)}% of its wording), so it is not taken as that license: ${changes.slice(0, 4).join("; ")}${changes.length > 4 ? `; and ${changes.length - 4} more` : ""}`;
    }
    case "license-text-unrecognized":
      return `${finding.args.text} matches no license lic knows; a reviewer must read it`;
    case "license-denied":
      return `${finding.args.license} is denied by the policy (deny: ${finding.args.entry})`;
    case "license-not-allowed":
      return `${finding.args.license} is not on the policy's allow list`;
    case "license-not-osi-approved":
      return `${finding.args.license} is not an OSI-approved license${finding.args.stance ? `; OSI: "${finding.args.stance}"` : ""}`;
    case "license-non-commercial":
      return `${finding.args.license} forbids commercial use (${finding.args.scope})`;
    case "license-commercial-conditions":
      return finding.args.exceeded
        ? `${finding.args.license} grants no rights here: ${finding.args.exceeded} (${finding.args.conditions.join("; ")})`
        : `${finding.args.license} allows commercial use only on conditions: ${finding.args.conditions.join("; ")}`;
    case "license-use-restrictions":
      return `${finding.args.license} binds you to ${finding.args.document}${finding.args.mustPassOn ? ", and you must pass its restrictions on to anyone you distribute to" : ""}`;
    case "license-output-restrictions":
      return `${finding.args.license} restricts using outputs to train other models: ${finding.args.detail}`;
    case "license-geographic-restriction":
      return `${finding.args.license} withholds its rights for ${finding.args.multimodal ? "multimodal models" : "this model"} from organizations domiciled in the ${finding.args.region}, and the policy's domicile is ${finding.args.domicile}`;
    case "license-laundering":
      return `The model declares ${finding.args.declared.join(", ")}, but it derives from ${finding.args.ancestor}, which comes under ${finding.args.inherited}: a derivative's label does not change its terms, so ${finding.args.inherited} applies too`;
    case "lineage-obligation-missed":
      return `${finding.args.license}, inherited from ${finding.args.ancestor}, requires ${finding.args.obligation}, and ${finding.args.detail}`;
    case "ancestor-unavailable":
      return `The ancestor ${finding.args.ancestor} could not be read (${finding.args.reason}): ${finding.args.message}; its license terms are unknown`;
    case "waiver-expired":
      return `The waiver for ${finding.args.finding} expired on ${finding.args.expired}: the finding stands again; renew or remove the waiver`;
    case "waiver-unused":
      return `The waiver for ${finding.args.finding} matches no finding for this model: remove it, or fix its model, revision or finding code`;
    case "card-metadata-invalid":
      return `${finding.args.file} front matter is not valid YAML${finding.args.line === null ? "" : ` (line ${finding.args.line})`}: ${finding.args.reason}`;
    case "license-files-unreadable": {
      const status = finding.args.status === null ? "" : ` (HTTP ${finding.args.status})`;
      const advice = finding.args.reason === "gated" ? "; request access on the Hub and pass a token to read them" : "";
      return `${plural(finding.args.files.length, "license evidence file")} could not be read: ${GAP_WORDING[finding.args.reason]}${status}: ${finding.args.files.join(", ")}; the decision rests on the Hub's metadata${advice}`;
    }
    default:
      return assertNever(finding);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function assertNever(value: never): never {
  throw new Error(`unhandled finding ${JSON.stringify(value)}`);
}
