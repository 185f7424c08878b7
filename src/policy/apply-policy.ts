import { findingInfo } from "../findings/finding-info.js";
import type { Fact, Finding, FindingCode, RuleReference, Severity } from "../types/finding.js";
import type { ModelSnapshot } from "../types/snapshot.js";
import { OUTCOME_SEVERITY, type Policy, type Setting, type Waiver } from "./policy.js";
import type { DatasetOutcome, DatasetSettingName, EvidenceOutcomeName, Outcome, RuleName } from "./schema.js";

/** The model a policy's waivers are matched against: the id it resolved to, the id asked for, and its commit. */
export type WaiverTarget = Pick<ModelSnapshot, "id" | "requestedId" | "sha">;

/** A finding's severity and the policy setting that decided it; null: the finding is not reported. */
type Decision = { severity: Severity; rule?: RuleReference } | null;

/** A setting that can govern a code, by its path in a policy file: a rule, or an evidence outcome at the top level. */
type SettingPath = `rules.${RuleName}` | EvidenceOutcomeName | `datasets.${DatasetSettingName}`;

/**
 * Decides, once and after every check has run, the severity of each fact the checks reported: the per-code table's
 * default, then the policy setting that governs the code (its rule or evidence outcome), then the policy's
 * `severity:` override (`off` drops the finding); then the waivers. Each finding keeps the setting that decided it
 * as its `rule`: the policy file, line and path.
 */
export function applyPolicy(facts: Fact[], policy: Policy, model: WaiverTarget, today: string): Finding[] {
  return applyWaivers(decideSeverities(facts, policy), policy, model, today);
}

/**
 * The severities alone, with no waiver: for findings about the project's code and lic.lock, which no waiver
 * names (the human decision there is the reviewed lock itself).
 */
export function decideSeverities(facts: Fact[], policy: Policy): Finding[] {
  return facts.flatMap((fact): Finding[] => {
    const decision = overridden(fact.code, governed(fact, policy), policy);
    return decision ? [toFinding(fact, decision)] : [];
  });
}

/** The severity the per-code table and the policy setting that governs the code give. */
function governed(fact: Fact, policy: Policy): Decision {
  switch (fact.code) {
    // The list entry that names the license decides it.
    case "license-denied":
      return { severity: "error", rule: fact.basis.entry };
    case "license-not-allowed":
      return { severity: "error", rule: fact.basis.allowList };
    // Over a threshold the context states, the license grants no rights at all: blocked, whatever the rule says.
    case "license-commercial-conditions":
      if (fact.basis.overThreshold) return { severity: "error", rule: fact.basis.overThreshold };
      break;
    // The duty to pass the use policy on binds only distribution; where it binds, the stricter of the two rules.
    case "license-use-restrictions": {
      const { useRestrictions, passOnRestrictions } = policy.rules;
      const decisions = [useRestrictions, fact.basis.bindsRecipients ? passOnRestrictions : undefined]
        .map(ruleDecision)
        .filter((decision) => decision !== null);
      return decisions.sort((a, b) => RANK[b.severity] - RANK[a.severity])[0] ?? null;
    }
    // The stale entry itself is the setting behind the finding.
    case "clarification-stale":
      return { severity: "warning", rule: fact.basis.entry };
    // Shown as information under every policy; decided by the rule only where the context's domicile is inside.
    case "license-geographic-restriction": {
      if (!fact.basis.domicileInside) return { severity: "info" };
      return ruleDecision(policy.rules.geographicExclusions) ?? { severity: "info", rule: fact.basis.domicileInside };
    }
  }
  const info = findingInfo[fact.code];
  if (info.policy === null) return defaultDecision(fact);
  if (info.policy.startsWith("datasets.")) {
    const setting = policy.datasets[info.policy.slice("datasets.".length) as DatasetSettingName];
    return setting ? datasetDecision(setting) : defaultDecision(fact);
  }
  const setting = settingAt(policy, info.policy as Exclude<SettingPath, `datasets.${string}`>);
  if (info.policy.startsWith("rules.")) return ruleDecision(setting);
  return setting ? { severity: OUTCOME_SEVERITY[setting.value], rule: setting.at } : defaultDecision(fact);
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A rule reports a finding only where it is set, and not to allow. */
function ruleDecision(setting: Setting<Outcome> | undefined): Decision {
  if (!setting || setting.value === "allow") return null;
  return { severity: OUTCOME_SEVERITY[setting.value], rule: setting.at };
}

/** A `datasets:` setting: `allow` shows the finding as information, `off` drops it. */
function datasetDecision(setting: Setting<DatasetOutcome>): Decision {
  if (setting.value === "off") return null;
  return { severity: OUTCOME_SEVERITY[setting.value], rule: setting.at };
}

function defaultDecision(fact: Fact): Decision {
  // The table's entry for this code takes this code's facts; the compiler cannot follow that through the union.
  const preset = findingInfo[fact.code].defaultSeverity as Severity | "off" | ((fact: Fact) => Severity);
  const severity = typeof preset === "function" ? preset(fact) : preset;
  return severity === "off" ? null : { severity };
}

/** The path is typed by the schema's names: a path in the per-code table that the schema lacks does not compile. */
function settingAt(policy: Policy, path: Exclude<SettingPath, `datasets.${string}`>): Setting<Outcome> | undefined {
  return path.startsWith("rules.")
    ? policy.rules[path.slice("rules.".length) as RuleName]
    : policy.outcomes[path as EvidenceOutcomeName];
}

/** The policy's `severity:` entry for the code replaces whatever else decided it. */
function overridden(code: FindingCode, decision: Decision, policy: Policy): Decision {
  const override = policy.severity[code];
  if (!decision || override?.value === "off") return null;
  return override ? { severity: override.value, rule: override.at } : decision;
}

function toFinding(fact: Fact, decision: NonNullable<Decision>): Finding {
  // The basis served the decision; the report shows args.
  const { basis: _basis, ...rest } = fact as Fact & { basis?: unknown };
  return { ...rest, ...decision } as Finding;
}

/**
 * A waiver for this model (and revision, if it names one) and code turns the finding into information, with who
 * approved it, why and until when. An expired waiver leaves the finding standing and says so; a waiver for this
 * model that matches no finding is reported, so stale exceptions get cleaned up.
 */
function applyWaivers(findings: Finding[], policy: Policy, model: WaiverTarget, today: string): Finding[] {
  const forModel = policy.waivers.filter(
    (waiver) =>
      (waiver.model === model.id || waiver.model === model.requestedId) &&
      (!waiver.revision || waiver.revision === model.sha),
  );
  const used = new Set<Waiver>();
  const notes: Finding[] = [];
  const waived = findings.map((finding): Finding => {
    if (finding.severity === "info") return finding;
    const waiver = forModel.find((candidate) => candidate.finding === finding.code);
    if (!waiver) return finding;
    used.add(waiver);
    const reference = {
      reason: waiver.reason,
      approvedBy: waiver.approvedBy,
      ...(waiver.ticket ? { ticket: waiver.ticket } : {}),
      expires: waiver.expires,
      rule: waiver.at,
    };
    if (waiver.expires < today) {
      notes.push({
        code: "waiver-expired",
        severity: findingInfo["waiver-expired"].defaultSeverity,
        args: { finding: waiver.finding, expired: waiver.expires },
        subject: null,
        evidence: [],
        rule: waiver.at,
        waiver: reference,
      });
      return finding;
    }
    return { ...finding, severity: "info", waiver: reference };
  });
  for (const waiver of forModel) {
    if (!used.has(waiver))
      notes.push({
        code: "waiver-unused",
        severity: findingInfo["waiver-unused"].defaultSeverity,
        args: { finding: waiver.finding },
        subject: null,
        evidence: [],
        rule: waiver.at,
      });
  }
  return [...waived, ...notes];
}
