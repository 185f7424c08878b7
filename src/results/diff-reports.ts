import type { RunReport, Verdict } from "../types/result.js";

export type Change =
  | { kind: "added"; model: string; verdict: Verdict }
  | { kind: "removed"; model: string; verdict: Verdict }
  | { kind: "revision"; model: string; from: string; to: string }
  | { kind: "license"; model: string; from: string[]; to: string[] }
  | { kind: "verdict"; model: string; from: Verdict; to: Verdict; worse: boolean };

const RANK: Record<Verdict, number> = { allow: 0, warn: 1, block: 2 };

/** What changed between two runs, model by model (keyed by canonical id), in a stable order. */
export function diffReports(before: RunReport, after: RunReport): Change[] {
  const old = new Map(before.results.map((result) => [result.model, result]));
  const now = new Map(after.results.map((result) => [result.model, result]));
  const changes: Change[] = [];
  for (const model of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(model);
    const b = now.get(model);
    if (!a && b) changes.push({ kind: "added", model, verdict: b.verdict });
    else if (a && !b) changes.push({ kind: "removed", model, verdict: a.verdict });
    else if (a && b) {
      if (a.revision !== b.revision) changes.push({ kind: "revision", model, from: a.revision, to: b.revision });
      if (a.license.ids.join("\n") !== b.license.ids.join("\n"))
        changes.push({ kind: "license", model, from: a.license.ids, to: b.license.ids });
      if (a.verdict !== b.verdict)
        changes.push({
          kind: "verdict",
          model,
          from: a.verdict,
          to: b.verdict,
          worse: RANK[b.verdict] > RANK[a.verdict],
        });
    }
  }
  return changes;
}

/** A verdict got worse, or a model came in blocked: what fails a CI job comparing two runs. */
export function hasRegression(changes: Change[]): boolean {
  return changes.some(
    (change) => (change.kind === "verdict" && change.worse) || (change.kind === "added" && change.verdict === "block"),
  );
}

export function formatChanges(changes: Change[]): string {
  if (changes.length === 0) return "no changes\n";
  const line = (change: Change): string => {
    switch (change.kind) {
      case "added":
        return `+ ${change.model}: added (${change.verdict})`;
      case "removed":
        return `- ${change.model}: removed (was ${change.verdict})`;
      case "revision":
        return `~ ${change.model}: revision ${change.from.slice(0, 12)} → ${change.to.slice(0, 12)}`;
      case "license":
        return `~ ${change.model}: licenses ${change.from.join(", ") || "none"} → ${change.to.join(", ") || "none"}`;
      case "verdict":
        return `${change.worse ? "!" : "~"} ${change.model}: verdict ${change.from} → ${change.to}${change.worse ? " (worse)" : ""}`;
    }
  };
  return `${changes.map(line).join("\n")}\n`;
}
