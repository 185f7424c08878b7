import type { PolicyUsed } from "../types/result.js";
import { groupDigits } from "./view-words.js";

/** The policy as the top of every human report shows it: what was applied, how it was chosen, what it assumes. */
export interface PolicyView {
  name: string;
  digest: string;
  /** How it was chosen; a report without the field (older JSON) counts as `default`, the case a reader must see. */
  chosenBy: "flag" | "config" | "default";
  /** `named with --policy`, `named by the project's configuration (lic.yaml)`, `no policy was named`. */
  chosenByWords: string;
  /** A plain warning when the permissive built-in policy applied because nothing named one; null otherwise. */
  defaultWarning: string | null;
  /** The context settings the policy states, in a fixed order, each in words. */
  assumptions: AssumptionView[];
  /** The known settings it leaves unstated, in words (`monthly active users`): verdicts assume nothing there. */
  notStated: string[];
  /** The assumptions as one line: `Organization domiciled in: EU; use: …; not stated: monthly active users`. */
  assumptionsLine: string;
}

export interface AssumptionView {
  /** The context key as the policy file spells it (`monthlyActiveUsers`). */
  key: string;
  /** What it is about, in words (`monthly active users`). */
  label: string;
  value: string | number;
  /** The value in words (`in a commercial product`, `1,000,000`). */
  words: string;
}

/** The context settings the schema knows, in the order a reader expects them, with their words. */
const CONTEXT_SETTINGS: {
  key: string;
  label: string;
  /** What the setting is called in the `not stated` list, where the label's phrasing does not fit. */
  unstated?: string;
  words: (value: string | number) => string;
}[] = [
  { key: "domicile", label: "Organization domiciled in", unstated: "domicile", words: String },
  {
    key: "use",
    label: "use",
    words: (value) =>
      ({
        "commercial-product": "in a commercial product",
        internal: "internal to the business",
        research: "non-commercial research",
      })[String(value)] ?? String(value),
  },
  {
    key: "distribution",
    label: "distribution",
    words: (value) =>
      ({ "internal-only": "internal only", customers: "to customers", "publish-derivatives": "publishes derivatives" })[
        String(value)
      ] ?? String(value),
  },
  {
    key: "monthlyActiveUsers",
    label: "monthly active users",
    words: (value) => (typeof value === "number" ? groupDigits(value) : value),
  },
  {
    key: "annualRevenueUsd",
    label: "annual revenue",
    words: (value) => (typeof value === "number" ? `US$${groupDigits(value)}` : value),
  },
];

const CHOSEN_BY_WORDS: Record<PolicyView["chosenBy"], string> = {
  flag: "named with --policy",
  config: "named by the project's configuration (lic.yaml)",
  default: "no policy was named",
};

export function policyView(policy: PolicyUsed): PolicyView {
  const chosenBy = policy.chosenBy ?? "default";
  const context = policy.context ?? {};
  const assumptions = assumptionsOf(context);
  const notStated = CONTEXT_SETTINGS.filter((setting) => !(setting.key in context)).map(
    (setting) => setting.unstated ?? setting.label,
  );
  return {
    name: policy.name,
    digest: policy.digest,
    chosenBy,
    chosenByWords: CHOSEN_BY_WORDS[chosenBy],
    defaultWarning: chosenBy === "default" ? defaultWarning(policy.name) : null,
    assumptions,
    notStated,
    assumptionsLine: assumptionsLine(assumptions, notStated),
  };
}

/** Known settings first, in their order; a key the schema does not know (a newer policy) after, as written. */
function assumptionsOf(context: Record<string, string | number>): AssumptionView[] {
  const known = CONTEXT_SETTINGS.flatMap((setting) => {
    const value = context[setting.key];
    return value === undefined ? [] : [{ key: setting.key, label: setting.label, value, words: setting.words(value) }];
  });
  const unknown = Object.keys(context)
    .filter((key) => !CONTEXT_SETTINGS.some((setting) => setting.key === key))
    .sort()
    .map((key) => ({ key, label: key, value: context[key]!, words: String(context[key]) }));
  return [...known, ...unknown];
}

function assumptionsLine(assumptions: AssumptionView[], notStated: string[]): string {
  const stated = assumptions.map((assumption) => `${assumption.label}: ${assumption.words}`);
  const missing = notStated.length > 0 ? [`not stated: ${notStated.join(", ")}`] : [];
  const line = [...stated, ...missing].join("; ");
  return line.charAt(0).toUpperCase() + line.slice(1);
}

function defaultWarning(name: string): string {
  return (
    `No policy was named (--policy or lic.yaml), so lic applied its permissive built-in \`${name}\` policy: ` +
    "it blocks only models whose license cannot be identified and allows the rest with warnings. " +
    "Name your organization's policy before relying on these verdicts."
  );
}
