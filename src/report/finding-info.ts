import type { Finding, FindingCode, GapReason } from "../types.js";

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
