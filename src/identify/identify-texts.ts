import { hash } from "node:crypto";
import type { Catalog } from "../catalog/catalog.js";
import type { Evidence } from "../types/finding.js";
import type { LicenseText, TextMatch } from "../types/result.js";
import type { ModelSnapshot } from "../types/snapshot.js";
import type { CardLocation } from "./card/parse-front-matter.js";
import { identifyLicenseText } from "./matcher/match-license-text.js";
import type { ReferenceLibrary } from "./matcher/reference-library.js";

/** A README license section shorter than this cites a license; it does not contain one. */
const MIN_SECTION_WORDS = 40;
const LICENSE_HEADING = /^(#{1,6})[ \t]*(?:\*\*)?[ \t]*licen[cs]e\b.*$/im;

/** One text that carries license terms, with the evidence that points at it. */
export interface IdentifiedText {
  text: LicenseText;
  evidence: Evidence;
}

/**
 * Identifies every shipped text that may carry license terms: license, notice and use-policy files, the file
 * `license_link` names, the README's license section, and the gate prompt (which for gated models often holds
 * the whole license).
 */
export function identifyTexts(
  snapshot: ModelSnapshot,
  catalog: Catalog,
  references: ReferenceLibrary,
  locate: (path: (string | number)[]) => CardLocation | null,
): IdentifiedText[] {
  const identified: IdentifiedText[] = [];
  for (const file of snapshot.texts) {
    if (file.role === "readme") {
      const section = licenseSection(file.text);
      if (section) {
        const sha256 = sha256Of(section.text);
        identified.push({
          text: {
            origin: { kind: "readme-section", path: file.path, line: section.line },
            sha256,
            bytes: Buffer.byteLength(section.text),
            truncated: file.truncated,
            ...identify(section.text, catalog, references),
          },
          evidence: {
            source: "file",
            file: file.path,
            commit: snapshot.sha,
            sha256: file.sha256,
            line: section.line,
            quote: section.heading,
          },
        });
      }
      continue;
    }
    const first = firstLine(file.text);
    identified.push({
      text: {
        origin: { kind: "file", path: file.path, role: file.role },
        sha256: file.sha256,
        bytes: file.bytes,
        truncated: file.truncated,
        ...identify(file.text, catalog, references),
      },
      evidence: {
        source: "file",
        file: file.path,
        commit: snapshot.sha,
        sha256: file.sha256,
        ...(first ? { line: first.line, quote: first.quote } : {}),
      },
    });
  }
  const prompt = snapshot.cardData?.["extra_gated_prompt"];
  if (typeof prompt === "string" && prompt.trim().length > 0) {
    const location = locate(["extra_gated_prompt"]);
    identified.push({
      text: {
        origin: { kind: "card", path: ["extra_gated_prompt"] },
        sha256: sha256Of(prompt),
        bytes: Buffer.byteLength(prompt),
        truncated: false,
        ...identify(prompt, catalog, references),
      },
      evidence: {
        source: "card",
        path: ["extra_gated_prompt"],
        commit: snapshot.sha,
        ...(location ? { file: "README.md", line: location.line, quote: location.quote } : {}),
      },
    });
  }
  return identified;
}

function identify(
  text: string,
  catalog: Catalog,
  references: ReferenceLibrary,
): Pick<LicenseText, "matches" | "unexplained" | "sentences"> {
  const identification = identifyLicenseText(text, references);
  const matches: TextMatch[] = identification.matches.map((match) => {
    const entry = match.origin === "spdx" ? catalog.bySpdx(match.reference) : catalog.get(match.reference);
    // A use policy stands for the license that incorporates it: shipping Llama 3.2's AUP means Llama 3.2's terms.
    const id = entry?.kind === "use-policy" && entry.partOf ? entry.partOf : (entry?.key ?? match.reference);
    return {
      id,
      document: entry?.key ?? match.reference,
      kind: match.kind,
      score: match.score,
      equivalents: match.equivalents,
      differences: match.differences,
    };
  });
  return { matches, unexplained: identification.unexplained, sentences: identification.sentences };
}

/** The README's license section when it is long enough to contain terms, not only cite them. */
function licenseSection(readme: string): { text: string; line: number; heading: string } | null {
  const section = findLicenseSection(readme);
  if (!section || section.text.split(/\s+/).filter(Boolean).length < MIN_SECTION_WORDS) return null;
  return section;
}

/**
 * The README's "License" section, however short: from its heading to the next heading of the same or a higher
 * level. `line` is the heading's line; the text starts on it, after the heading.
 */
export function findLicenseSection(readme: string): { text: string; line: number; heading: string } | null {
  const match = LICENSE_HEADING.exec(readme);
  if (!match) return null;
  const level = match[1]!.length;
  const start = match.index + match[0].length;
  const rest = readme.slice(start);
  const next = new RegExp(`^#{1,${level}}[ \\t]`, "m").exec(rest);
  const text = next ? rest.slice(0, next.index) : rest;
  const line = readme.slice(0, match.index).split("\n").length;
  return { text, line, heading: match[0].trim() };
}

function firstLine(text: string): CardLocation | null {
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => line.trim().length > 0);
  return index === -1 ? null : { line: index + 1, quote: lines[index]!.trim().slice(0, 160) };
}

function sha256Of(text: string): string {
  return hash("sha256", text, "hex");
}
