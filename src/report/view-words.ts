import type { ObligationKind } from "../catalog/types.js";
import type { Evidence } from "../types/finding.js";

/**
 * The words a legal reviewer reads where the machine has a code: obligation triggers and kinds, evidence sources.
 * Every format shows these beside the code, so a reader can follow either.
 */

const WHEN_WORDS: Record<string, string> = {
  using: "when you use it",
  distributing: "when you distribute it",
  "distributing-derivatives": "when you distribute derivatives",
  "training-on-outputs": "when you train on its outputs",
  publishing: "when you publish it",
};

/** `distributing-derivatives` → `when you distribute derivatives`; an unknown trigger stays as its code. */
export function whenWords(when: string): string {
  return WHEN_WORDS[when] ?? `when: ${when}`;
}

/** What each kind of duty asks, as an instruction; `text` is the exact wording the license gives, if any. */
const DUTY_WORDS: Record<ObligationKind, (text: string | null) => string> = {
  "include-license-copy": () => "include a copy of the license",
  "notice-file": (text) => (text ? `keep a Notice text file reading "${text}"` : "keep the NOTICE file"),
  "display-attribution": (text) => (text ? `display "${text}" prominently` : "display the attribution prominently"),
  "name-prefix": (text) =>
    text ? `begin the name of any derived model with "${text}"` : "prefix derived models' names",
  "mark-modifications": () => "mark modified files as changed",
  "pass-on-use-restrictions": () => "pass the use restrictions on to recipients, in an enforceable way",
  "use-latest-version": () => "make reasonable efforts to use the latest version",
  attribution: (text) => (text ? `credit the licensor: "${text}"` : "credit the licensor"),
  "retain-notices": () => "keep the copyright, patent, trademark and attribution notices",
  "no-redistribution": () => "do not distribute it: the license grants no right to",
};

/** The duty as an instruction (`include a copy of the license`); an unknown kind stays as its code. */
export function dutyWords(kind: string, text: string | null): string {
  const words = DUTY_WORDS[kind as ObligationKind];
  return words ? words(text) : text ? `${kind}: "${text}"` : kind;
}

/**
 * Evidence as a reviewer reads it: where the fact stands, not the API field that carried it. `card` names the card a
 * key stands in, when it is not the model's (`the dataset card of dataset:org/name`).
 */
export function evidenceWords(evidence: Evidence, card = "the model card"): string {
  switch (evidence.source) {
    case "tag":
      return `the Hub tag ${evidence.tag}`;
    case "card": {
      const key = evidence.path.join(".");
      const at = evidence.file && evidence.line !== undefined ? ` (${evidence.file} line ${evidence.line})` : "";
      return `${card}'s ${key} field${at}`;
    }
    case "file":
      return `the file ${evidence.file}${evidence.line === undefined ? "" : ` line ${evidence.line}`}`;
    case "api":
      return apiWords(evidence.field, evidence.value);
    case "code":
      return `your code at ${evidence.file}:${evidence.line} (${evidence.via})`;
    case "lock":
      return `lic.lock line ${evidence.line} (${evidence.entry})`;
  }
}

/** The Hub's API fields lic cites, named for what they are on the model's page. */
function apiWords(field: string, value: unknown): string {
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  if (field === "siblings") return `the Hub's file list: ${shown}`;
  if (field === "gated") return `the Hub's access gate: ${shown}`;
  if (field.startsWith("cardData.")) {
    const key = field.slice("cardData.".length);
    return value === null ? `the Hub's card metadata: no ${key}` : `the Hub's card metadata ${key}: ${shown}`;
  }
  return `the Hub's ${field}: ${shown}`;
}

/** `1234567` → `1,234,567`: grouped by hand, so the bytes do not depend on the machine's locale. */
export function groupDigits(value: number): string {
  const [whole, fraction] = String(value).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `1 error`, `2 warnings`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * `3 models`; with datasets among them, `2 models and 1 dataset` (`1 dataset` when all are): a run's count of repos,
 * never calling a dataset a model.
 */
export function repoCount(repos: number, datasets: number): string {
  if (datasets === 0) return plural(repos, "model");
  if (datasets === repos) return plural(datasets, "dataset");
  return `${plural(repos - datasets, "model")} and ${plural(datasets, "dataset")}`;
}
