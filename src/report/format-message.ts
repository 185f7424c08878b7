import type { Finding, ResearchOnlySignal } from "../types/finding.js";
import type { GapReason } from "../types/snapshot.js";

const GAP_WORDING: Record<GapReason, string> = {
  gated: "the repo is gated and access has not been granted to this token (or no token was given)",
  unauthorized: "the Hub refused the token",
  "not-found": "the repo lists them but the Hub did not find them",
  "not-text": "they are binary, not text",
  error: "the Hub failed while serving them",
};

const RESEARCH_SIGNAL: Record<ResearchOnlySignal, string> = {
  license: "its license",
  "gated-terms": "the terms of its gate",
  "card-text": "its card",
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
    case "license-stated-differently":
      return `The license section of ${finding.args.file} (line ${finding.args.line}) puts the model under ${finding.args.stated}, which the metadata does not declare (it declares ${finding.args.declared.join(", ")}); both apply until a reviewer decides`;
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
        : finding.args.conditions.length === 0
          ? `${finding.args.license} allows commercial use only on conditions lic has not catalogued (its text was not read); read the license before relying on it`
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
    case "clarification-stale": {
      const pinned =
        finding.args.pinned === "commit"
          ? `commit ${finding.args.expected}, but the model is at ${finding.args.found}`
          : `${finding.args.file} with sha256 ${finding.args.expected}, but ${finding.args.found === null ? "the model ships no such file" : `its sha256 is now ${finding.args.found}`}`;
      return `The policy clarifies the license of ${finding.args.model} at ${pinned}: the clarification is not applied; check the license again and update or remove the entry`;
    }
    case "card-metadata-invalid":
      return `${finding.args.file} front matter is not valid YAML${finding.args.line === null ? "" : ` (line ${finding.args.line})`}: ${finding.args.reason}`;
    case "license-files-unreadable": {
      const status = finding.args.status === null ? "" : ` (HTTP ${finding.args.status})`;
      const advice = finding.args.reason === "gated" ? "; request access on the Hub and pass a token to read them" : "";
      return `${plural(finding.args.files.length, "license evidence file")} could not be read: ${GAP_WORDING[finding.args.reason]}${status}: ${finding.args.files.join(", ")}; the decision rests on the Hub's metadata${advice}`;
    }
    case "reference-dynamic":
      return `${finding.args.via} loads ${finding.args.expression}, a name computed at run time: lic cannot check it; load a literal id (or a constant), or check the model by name`;
    case "model-confusion":
      return `${finding.args.id} is also the folder ${finding.args.directory}: the loader takes a local folder of that name over the Hub, so what runs may not be the model checked; rename the folder or load the model by an explicit path`;
    case "lock-entry-missing":
      return `The code loads the ${finding.args.kind} ${finding.args.id}@${finding.args.requested}, which lic.lock does not list: run lic lock, review the new entry, and commit it`;
    case "lock-entry-unused":
      return `lic.lock lists the ${finding.args.kind} ${finding.args.id}@${finding.args.requested}, which the code no longer loads: run lic lock to drop it`;
    case "lock-revision-mismatch":
      return `The code pins ${finding.args.id} to ${finding.args.inCode}, lic.lock to ${finding.args.locked}: run lic lock to check the revision the code asks for`;
    case "lock-verdict-changed": {
      const why = finding.args.changed.length === 0 ? "" : ` since the ${finding.args.changed.join(" and ")} changed`;
      return `${finding.args.id}@${finding.args.revision.slice(0, 12)} is now ${finding.args.now.toUpperCase()}, where lic.lock records ${finding.args.locked.toUpperCase()}${why}: review the findings, then run lic lock`;
    }
    case "lock-evidence-changed":
      return `${finding.args.path} of ${finding.args.id}@${finding.args.revision.slice(0, 12)} ${finding.args.found === null ? "is gone" : `has sha256 ${finding.args.found.slice(0, 12)}`}, where lic.lock records ${finding.args.locked.slice(0, 12)}: the files at a commit never change, so the Hub or the cache served other bytes; do not use the model until this is explained`;
    case "lock-commit-missing":
      return `The Hub no longer has ${finding.args.id}@${finding.args.revision.slice(0, 12)}, the commit lic.lock pins (${finding.args.message}): the repo was deleted, renamed or force-pushed; pin a commit it has, then run lic lock`;
    case "dataset-non-commercial":
      return `The dataset ${finding.args.dataset} is under ${finding.args.license}, which forbids commercial use (${finding.args.scope}): an advisory on the model, whose own license it does not change`;
    case "dataset-research-only":
      return `${finding.args.dataset} is for research only (${RESEARCH_SIGNAL[finding.args.signal]}: "${finding.args.detail}")`;
    case "dataset-share-alike":
      return `The dataset ${finding.args.dataset} is under ${finding.args.license}, a share-alike license: adaptations that are shared must carry it; whether a trained model is one is unsettled`;
    case "dataset-no-derivatives":
      return `The dataset ${finding.args.dataset} is under ${finding.args.license}, which forbids sharing adaptations: if a model trained on it is one, publishing the model is outside the license`;
    case "dataset-unlicensed":
      return finding.args.declared.length === 0
        ? `The dataset ${finding.args.dataset} declares no license: by default all rights are reserved`
        : `The dataset ${finding.args.dataset} declares ${finding.args.declared.map((value) => `\`${value}\``).join(", ")}, which names no license: by default all rights are reserved`;
    case "dataset-unavailable":
      return `The dataset ${finding.args.dataset} could not be read (${finding.args.reason}): ${finding.args.message}; its license is unknown`;
    case "dataset-not-declared":
      return `${finding.args.model} names no training data: its card has no \`datasets:\`, nor do its ancestors'; ask the authors what it was trained on`;
    case "dataset-from-restricted-model":
      return `${finding.args.dataset} was generated by ${finding.args.generator}, whose license ${finding.args.license} forbids using its outputs to train other models: ${finding.args.detail}`;
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
