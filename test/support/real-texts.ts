import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MODEL_REFERENCES } from "../../scripts/license-data.js";
import type { TextIdentification } from "../../src/identify/matcher/match-license-text.js";

/**
 * Every real, unmodified text in test/fixtures (copied from ../shared/fixtures, sources in SOURCES.tsv): the license
 * texts, the model cards, and the `extra_gated_prompt` of every recorded Hub answer that has one. None is an edited
 * copy, so the matcher must never call one "near" (modified). Shared by the matcher's test and `npm run bench -- matcher`.
 */
export interface RealText {
  name: string;
  text: string;
  /** The references an original must identify as, exactly and in this order; empty for a text lic has none for. */
  expected: string[];
}

const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const SPDX_FIXTURES: Record<string, string> = {
  "apache-2.0.txt": "Apache-2.0",
  "mit.txt": "MIT",
  "cc-by-nc-4.0.txt": "CC-BY-NC-4.0",
  "openmdw-1.0.txt": "OpenMDW-1.0",
};
/** What the recorded gate prompts are (by file), where they hold a license lic knows. */
const PROMPTS: Record<string, string[]> = { "meta-llama__Meta-Llama-3-8B-Instruct.json": ["llama3", "llama3-aup"] };

export function realTexts(): RealText[] {
  const read = (path: string) => readFileSync(`${root}${path}`, "utf8");
  const files = (dir: string, ext: string) =>
    readdirSync(`${root}${dir}`)
      .filter((file) => file.endsWith(ext))
      .sort();
  const licenses = files("license-texts", ".txt").map((file): RealText => {
    const keys = MODEL_REFERENCES.filter((reference) => reference.file === file).map((reference) => reference.key);
    return {
      name: `license-texts/${file}`,
      text: read(`license-texts/${file}`),
      expected: SPDX_FIXTURES[file] ? [SPDX_FIXTURES[file]] : keys,
    };
  });
  const cards = files("model-cards", ".md").map(
    (file): RealText => ({ name: `model-cards/${file}`, text: read(`model-cards/${file}`), expected: [] }),
  );
  const prompts = files("hub-api", ".json").flatMap((file): RealText[] => {
    const info = JSON.parse(read(`hub-api/${file}`)) as { cardData?: { extra_gated_prompt?: unknown } };
    const prompt = info.cardData?.extra_gated_prompt;
    return typeof prompt === "string"
      ? [{ name: `hub-api/${file} extra_gated_prompt`, text: prompt, expected: PROMPTS[file] ?? [] }]
      : [];
  });
  return [...licenses, ...cards, ...prompts];
}

/**
 * A use policy's bullet lists as Meta's gate prompts on the Hub carry them (the recorded Llama 3 prompt,
 * hub-api/meta-llama__Meta-Llama-3-8B-Instruct.json): numbered per level, no emphasis, no blank lines.
 */
export function numberedAsHubPrompt(markdown: string): string {
  const counters: number[] = [];
  return markdown
    .replace(/\*\*/g, "")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const item = /^( *)\* (.*)$/.exec(line);
      if (!item) {
        counters.length = 0;
        return line;
      }
      const depth = Math.floor(item[1]!.length / 4);
      counters.length = depth + 1;
      counters[depth] = (counters[depth] ?? 0) + 1;
      return `${"    ".repeat(depth)}${counters[depth]}. ${item[2]}`;
    })
    .join("\n");
}

/** A use policy's lists run together, as the Hub's rendered prompt shows them: the items on one line, no markers. */
export function listsRunTogether(markdown: string): string {
  return markdown.replace(/\*\*/g, "").replace(/\n+ *(?:\*|\d{1,2}\.) /g, " ");
}

/** Meta's gate prompts: the license, then its use policy with the lists as the Hub carries or renders them. */
export const PROMPT_LICENSES = ["llama3.1", "llama3.2", "llama3.3", "llama4"];
export const RENDERINGS: [string, (policy: string) => string][] = [
  ["lists numbered, as Meta's prompts carry them", numberedAsHubPrompt],
  ["lists run together, as the Hub renders them", listsRunTogether],
  ["lists run together after numbering", (policy) => listsRunTogether(numberedAsHubPrompt(policy))],
  [
    "bullets as dashes, straight quotes, soft hyphens and its heading inline",
    (policy) =>
      policy
        .replace(/^( *)\* /gm, "$1- ")
        .replace(/[“”]/g, '"')
        .replace(/[’]/g, "'")
        .replace(/\b(\w{4})(\w{5,})/g, "$1\u00AD$2")
        .replace(/\*\*Prohibited Uses\*\*\n+/, "Prohibited Uses: "),
  ],
];

/** Every gate prompt of PROMPT_LICENSES in every rendering: the license, then its use policy rendered. */
export function hubRenderings(): RealText[] {
  const read = (file: string) => readFileSync(`${root}license-texts/${file}`, "utf8");
  return PROMPT_LICENSES.flatMap((key) =>
    RENDERINGS.map(
      ([name, render]): RealText => ({
        name: `${key} gate prompt, ${name}`,
        text: `${read(`${key}.txt`)}\n${render(read(`${key}-aup.txt`))}`,
        expected: [key, `${key}-aup`],
      }),
    ),
  );
}

export interface Tally {
  texts: number;
  exact: number;
  near: number;
  /** Near ("modified") matches on texts that are unmodified originals: each one is wrong. */
  falseModified: number;
}

export function tally(results: TextIdentification[]): Tally {
  const matches = results.flatMap((result) => result.matches);
  const near = matches.filter((match) => match.kind === "near").length;
  return { texts: results.length, exact: matches.length - near, near, falseModified: near };
}
