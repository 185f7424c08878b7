import { keysOf } from "../identify/parse-expression.js";
import type { Finding } from "../types/finding.js";
import type { CheckResult, LicenseTree } from "../types/result.js";

export interface ChosenBranches {
  /** The findings that still apply: those about the model, and those about a license in force. */
  findings: Finding[];
  choices: CheckResult["license"]["choices"];
  /** The licenses the model comes under once every OR has chosen its branch. */
  inForce: string[];
}

/**
 * For each OR, the first branch whose licenses draw no error; the findings whose subject is a license of a branch not
 * taken no longer apply. Severities are decided by then (apply-policy), so a waived error does not fail its branch.
 */
export function chooseBranches(findings: Finding[], tree: LicenseTree | null): ChosenBranches {
  if (!tree) return { findings, choices: [], inForce: [] };
  const failing = new Set(
    findings
      .filter((finding) => finding.severity === "error")
      .map(licenseOf)
      .filter((key) => key !== null),
  );
  const choices: ChosenBranches["choices"] = [];
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

function licenseOf(finding: Finding): string | null {
  return finding.subject?.license ?? null;
}

function render(tree: LicenseTree): string {
  if (tree.kind === "license") return tree.key;
  if (tree.kind === "with") return `${tree.key} WITH ${tree.exception}`;
  return `(${render(tree.left)} ${tree.kind.toUpperCase()} ${render(tree.right)})`;
}
