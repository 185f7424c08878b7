import type { Finding } from "../types/finding.js";
import type { CodeUse, RunReport } from "../types/result.js";
import type { EvidenceFile } from "./evidence-file.js";

/**
 * Where a finding stands in the user's repository, for the formats that annotate files (SARIF, GitHub): the services
 * that read them take every path for one of the checked-out repository. A model's README or LICENSE on the Hub is
 * evidence, never such a place: GitHub took a Hub README.md for the user's own.
 */
export interface UserLocation extends EvidenceFile {
  /** What the place is: code or config that loads the model, a lic.lock entry, or the policy line that decided it. */
  kind: "use" | "lock" | "policy";
  /** With kind `policy`: the file is one of lic's built-in policies (`policies/NAME.yaml`), not the user's. */
  builtIn?: true;
}

/** How the policy loader names a built-in policy's file (src/policy: `policies/<name>.yaml`). */
const BUILT_IN_POLICY = /^policies\/[a-z][a-z0-9-]*\.yaml$/;

/**
 * The first place the user owns, in this order: where the code (or a project config) loads the model, then the code
 * or lic.lock evidence of a project finding, then the policy line that decided the finding (or waived it), then the
 * run's policy.
 * A built-in policy's file is lic's, not the user's, yet it is the one file that explains the verdict: it is kept,
 * marked `builtIn`, so a reader of the annotation knows the line is in lic's policy.
 */
export function userLocation(finding: Finding, uses: CodeUse[] | undefined, policy: PolicyFile): UserLocation {
  const use = uses?.[0];
  if (use) return { kind: "use", file: use.file, line: use.line, column: use.column };
  const project = projectEvidence(finding);
  if (project) return project;
  const rule = finding.rule ?? finding.waiver?.rule;
  if (rule) return policyLocation(rule.file, rule.line);
  return policyLocation(policy.file, null);
}

/** The first code or lock evidence of a finding: the places a project finding names in the user's tree. */
function projectEvidence(finding: Finding): UserLocation | null {
  for (const entry of finding.evidence) {
    if (entry.source === "code") return { kind: "use", file: entry.file, line: entry.line, column: entry.column };
    if (entry.source === "lock") return { kind: "lock", file: entry.file, line: entry.line };
  }
  return null;
}

/** A line of a policy file; its first line when the rule names none, as annotations need a line to show at. */
function policyLocation(file: string, line: number | null): UserLocation {
  return {
    kind: "policy",
    file,
    line: line ?? 1,
    ...(BUILT_IN_POLICY.test(file) ? { builtIn: true as const } : {}),
  };
}

/** The policy file a run applied, for findings that no rule decided (a default severity). */
export interface PolicyFile {
  file: string;
}

/**
 * The run's policy file, as far as the report tells it: the file the first decided finding's rule names (every rule
 * is in the run's policy or one it extends), else the built-in file the policy's name gives.
 */
export function runPolicyFile(report: RunReport): PolicyFile {
  const findings = [...report.results.flatMap((result) => result.findings), ...(report.project?.findings ?? [])];
  const ruled = findings.find((finding) => finding.rule);
  return { file: ruled?.rule?.file ?? `policies/${report.policy.name}.yaml` };
}

/** A place as `file:line` (or the file alone), as annotations and messages name it. */
export function placeLabel(place: EvidenceFile): string {
  return place.line === undefined ? place.file : `${place.file}:${place.line}`;
}
