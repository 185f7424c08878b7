import type { Catalog } from "../catalog/catalog.js";
import { analyzeLicenses } from "../identify/analyze-licenses.js";
import { parseFrontMatter } from "../identify/card/parse-front-matter.js";
import { inheritLicenses, licenseAncestors } from "../identify/lineage/inherit-licenses.js";
import type { ReferenceLibrary } from "../identify/matcher/reference-library.js";
import { keysOf } from "../identify/parse-expression.js";
import { type EvidenceOutcomeName, OUTCOME_SEVERITY, type Policy, type Waiver } from "../policy/policy.js";
import type { Finding, FindingCode } from "../types/finding.js";
import type { CheckResult, LicenseTree, ObligationDue, Verdict } from "../types/result.js";
import type { Lineage, ModelSnapshot } from "../types/snapshot.js";
import type { CheckContext } from "./checks/define-check.js";
import { checks } from "./checks/index.js";

export interface CheckOptions {
  /** Today, YYYY-MM-DD, for waiver expiry: passed in, so the same inputs give the same result. */
  today: string;
  catalog: Catalog;
  /** The matcher's reference texts, as the edge loaded them (acquire/reference-data.ts). */
  references: ReferenceLibrary;
  /** The model's ancestors, as acquired; without it, the model is judged on its own. */
  lineage?: Lineage;
}

/** Which findings each of the policy's evidence settings decides. */
const EVIDENCE_OUTCOMES: Record<EvidenceOutcomeName, FindingCode[]> = {
  // A license named but uncatalogued, or a license file not recognized, may sit beside a license that identifies the
  // model; they keep their own severities (warning, info) unless the policy sets them.
  unknownLicense: ["license-missing", "license-unidentified"],
  unreadableEvidence: ["license-files-unreadable", "ancestor-unavailable"],
  conflictingEvidence: ["license-mismatch", "license-text-modified", "license-laundering"],
};

/**
 * Checks one model snapshot against a policy. Pure, synchronous and deterministic: the same snapshot, policy and
 * date give the same result, so a decision can be re-run and audited. Severity is settled once, here, after every
 * check has run: the policy's evidence outcomes, then its per-code overrides, then waivers; then an OR in the
 * license takes the first branch that passes, and findings about the branches not taken are dropped.
 */
export function checkModel(snapshot: ModelSnapshot, policy: Policy, options: CheckOptions): CheckResult {
  const { catalog, references } = options;
  const readme = snapshot.texts.find((file) => file.role === "readme");
  const card = parseFrontMatter(readme?.text ?? "");
  const lineage = licenseAncestors(options.lineage?.ancestors ?? [], catalog, references);
  const licenses = inheritLicenses(analyzeLicenses(snapshot, card, catalog, references), lineage, catalog);
  const context: CheckContext = { snapshot, card, licenses, policy, catalog, lineage };

  const found = Object.values(checks).flatMap((check) => check.run(context) as Finding[]);
  const decided = applyWaivers(applySeverity(found, policy), snapshot, policy, options.today);
  const { findings, choices, inForce } = chooseBranches(decided, context.licenses.tree);
  return {
    model: snapshot.id,
    requested: { model: snapshot.requestedId, revision: snapshot.requestedRevision },
    revision: snapshot.sha,
    gated: snapshot.gated,
    verdict: decideVerdict(findings),
    license: { ...context.licenses, choices },
    findings,
    obligations: obligationsDue(inForce, policy, catalog),
    lineage,
    gaps: snapshot.gaps,
  };
}

/**
 * The obligations of the licenses in force that apply to what the organization does: all of them unless its
 * context says models stay internal, in which case only the duties of use (RAIL's "use the latest version").
 */
function obligationsDue(licenses: string[], policy: Policy, catalog: Catalog): ObligationDue[] {
  const internalOnly = policy.context.distribution?.value === "internal-only";
  return licenses.flatMap((license) =>
    (catalog.get(license)?.terms?.obligations ?? [])
      .filter((obligation) => !internalOnly || obligation.when === "using")
      .map((obligation) => ({
        license,
        kind: obligation.kind,
        ...(obligation.text ? { text: obligation.text } : {}),
        when: obligation.when,
        source: obligation.source,
      })),
  );
}

function applySeverity(findings: Finding[], policy: Policy): Finding[] {
  return findings.flatMap((finding): Finding[] => {
    let decided = finding;
    for (const [name, codes] of Object.entries(EVIDENCE_OUTCOMES)) {
      const outcome = policy.outcomes[name as EvidenceOutcomeName];
      if (outcome && codes.includes(finding.code))
        decided = { ...decided, severity: OUTCOME_SEVERITY[outcome.value], rule: outcome.at };
    }
    const override = policy.severity[finding.code];
    if (override?.value === "off") return [];
    if (override) decided = { ...decided, severity: override.value, rule: override.at };
    return [decided];
  });
}

/**
 * A waiver for this model (and revision, if it names one) and code turns the finding into information, with who
 * approved it, why and until when. An expired waiver leaves the finding standing and says so; a waiver for this
 * model that matches no finding is reported, so stale exceptions get cleaned up.
 */
function applyWaivers(findings: Finding[], snapshot: ModelSnapshot, policy: Policy, today: string): Finding[] {
  const forModel = policy.waivers.filter(
    (waiver) =>
      (waiver.model === snapshot.id || waiver.model === snapshot.requestedId) &&
      (!waiver.revision || waiver.revision === snapshot.sha),
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
        severity: "warning",
        args: { finding: waiver.finding, expired: waiver.expires },
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
        severity: "warning",
        args: { finding: waiver.finding },
        evidence: [],
        rule: waiver.at,
      });
  }
  return [...waived, ...notes];
}

/** Findings about one license (rule findings name it in `args.license`). */
function licenseOf(finding: Finding): string | null {
  return "license" in finding.args ? finding.args.license : null;
}

/** For each OR, the first branch whose licenses draw no error; the other branches' findings no longer apply. */
function chooseBranches(
  findings: Finding[],
  tree: LicenseTree | null,
): { findings: Finding[]; choices: CheckResult["license"]["choices"]; inForce: string[] } {
  if (!tree) return { findings, choices: [], inForce: [] };
  const failing = new Set(
    findings
      .filter((finding) => finding.severity === "error")
      .map(licenseOf)
      .filter((key) => key !== null),
  );
  const choices: CheckResult["license"]["choices"] = [];
  const dropped = new Set<string>();
  const passes = (node: LicenseTree): boolean => {
    if (node.kind === "and") return [passes(node.left), passes(node.right)].every(Boolean);
    if (node.kind === "or") {
      const chosen = passes(node.left) ? node.left : passes(node.right) ? node.right : null;
      if (!chosen) return false;
      const other = chosen === node.left ? node.right : node.left;
      for (const key of keysOf(other)) if (!keysOf(chosen).includes(key)) dropped.add(key);
      choices.push({ expression: render(node), chosen: render(chosen) });
      return true;
    }
    return !failing.has((node as { key: string }).key);
  };
  passes(tree);
  const inForce = [...new Set(keysOf(tree).filter((key) => !dropped.has(key)))];
  const kept = findings.filter((finding) => {
    const key = licenseOf(finding);
    return key === null || inForce.includes(key);
  });
  return { findings: kept, choices, inForce };
}

function render(tree: LicenseTree): string {
  if (tree.kind === "license") return tree.key;
  if (tree.kind === "with") return `${tree.key} WITH ${tree.exception}`;
  return `(${render(tree.left)} ${tree.kind.toUpperCase()} ${render(tree.right)})`;
}

export function decideVerdict(findings: Finding[]): Verdict {
  if (findings.some((finding) => finding.severity === "error")) return "block";
  if (findings.some((finding) => finding.severity === "warning")) return "warn";
  return "allow";
}
