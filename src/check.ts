import { parseFrontMatter } from "./card/parse-front-matter.js";
import { checks } from "./checks/index.js";
import type { CheckContext } from "./checks/define-check.js";
import { analyzeLicenses } from "./license/analyze-licenses.js";
import type { Policy } from "./policy/policy.js";
import type { CheckResult, Finding, ModelSnapshot, Verdict } from "./types.js";

/**
 * Checks one model snapshot against a policy. Pure, synchronous and deterministic: the same snapshot and
 * policy give the same result, so a decision can be re-run and audited.
 */
export function checkModel(snapshot: ModelSnapshot, policy: Policy): CheckResult {
  const readme = snapshot.texts.find((file) => file.role === "readme");
  const card = parseFrontMatter(readme?.text ?? "");
  const context: CheckContext = { snapshot, card, licenses: analyzeLicenses(snapshot, card) };
  const findings = applySeverity(
    Object.values(checks).flatMap((check) => check.run(context) as Finding[]),
    policy,
  );
  return {
    model: snapshot.id,
    requested: { model: snapshot.requestedId, revision: snapshot.requestedRevision },
    revision: snapshot.sha,
    gated: snapshot.gated,
    verdict: decideVerdict(findings),
    license: context.licenses,
    findings,
    gaps: snapshot.gaps,
  };
}

/** The policy's severity overrides, applied once, after every check has run. */
function applySeverity(findings: Finding[], policy: Policy): Finding[] {
  return findings.flatMap((finding) => {
    const override = policy.severity[finding.code];
    if (override === "off") return [];
    return [override ? { ...finding, severity: override } : finding];
  });
}

export function decideVerdict(findings: Finding[]): Verdict {
  if (findings.some((finding) => finding.severity === "error")) return "block";
  if (findings.some((finding) => finding.severity === "warning")) return "warn";
  return "allow";
}
