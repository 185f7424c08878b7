import { createHash } from "node:crypto";
import type { FrontMatter } from "../card/parse-front-matter.js";
import type { Evidence, JsonValue, LicenseAnalysis, LicenseText, ModelSnapshot } from "../types.js";
import { CUSTOM_LICENSE, toLicenseKey, UNKNOWN_LICENSE } from "./hf-license-ids.js";

const TAG_PREFIX = "license:";

/**
 * Gathers every license the model declares (the card's `license`, `license_name`, and the Hub's `license:*`
 * tags) with the evidence for each, and lists the shipped texts that carry license terms.
 */
export function analyzeLicenses(snapshot: ModelSnapshot, card: FrontMatter): LicenseAnalysis {
  const mentions = new Map<string, Evidence[]>();
  const unidentified = new Map<string, Evidence[]>();
  const add = (into: Map<string, Evidence[]>, key: string, evidence: Evidence[]) => {
    into.set(key, [...(into.get(key) ?? []), ...evidence]);
  };

  // The Hub derives cardData from the README; a registry that does not still serves the README itself.
  const cardData = snapshot.cardData ?? card.data ?? {};
  const licenseName = nonEmptyString(cardData["license_name"]);
  const cardEvidence = (path: (string | number)[]): Evidence => {
    const location = card.locate(path);
    return {
      source: "card",
      path,
      commit: snapshot.sha,
      ...(location ? { file: "README.md", line: location.line, quote: location.quote } : {}),
    };
  };

  /** One declared value, from the card or a tag: a Hub id, `other` (then `license_name` names it), or nothing. */
  const declare = (value: JsonValue, evidence: Evidence) => {
    if (typeof value !== "string") {
      add(unidentified, JSON.stringify(value), [evidence]);
      return;
    }
    const folded = value.trim().toLowerCase();
    if (folded === CUSTOM_LICENSE && licenseName) {
      add(mentions, toLicenseKey(licenseName), [evidence, cardEvidence(["license_name"])]);
    } else if (folded === CUSTOM_LICENSE || folded === UNKNOWN_LICENSE || toLicenseKey(folded) === "") {
      add(unidentified, folded, [evidence]);
    } else {
      add(mentions, toLicenseKey(folded), [evidence]);
    }
  };

  const declared = cardData["license"];
  if (Array.isArray(declared)) {
    declared.forEach((value, index) => declare(value, cardEvidence(["license", index])));
  } else if (declared !== undefined && declared !== null) {
    declare(declared, cardEvidence(["license"]));
  } else if (licenseName) {
    add(mentions, toLicenseKey(licenseName), [cardEvidence(["license_name"])]);
  }
  for (const tag of snapshot.tags) {
    if (tag.startsWith(TAG_PREFIX)) declare(tag.slice(TAG_PREFIX.length), { source: "tag", tag });
  }

  return {
    ids: [...mentions.keys()],
    mentions: [...mentions].map(([id, evidence]) => ({ id, evidence: dedupe(evidence) })),
    unidentified: [...unidentified].map(([value, evidence]) => ({ value, evidence: dedupe(evidence) })),
    texts: licenseTexts(snapshot),
  };
}

/** Shipped license files and the gate prompt, which for gated models often holds the whole license. */
function licenseTexts(snapshot: ModelSnapshot): LicenseText[] {
  const texts: LicenseText[] = snapshot.texts
    .filter((file) => file.role !== "readme")
    .map((file) => ({
      origin: { kind: "file", path: file.path, role: file.role },
      sha256: file.sha256,
      bytes: file.bytes,
      truncated: file.truncated,
    }));
  const prompt = nonEmptyString(snapshot.cardData?.["extra_gated_prompt"]);
  if (prompt) {
    const bytes = Buffer.from(prompt, "utf8");
    texts.push({
      origin: { kind: "card", path: ["extra_gated_prompt"] },
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.byteLength,
      truncated: false,
    });
  }
  return texts;
}

function nonEmptyString(value: JsonValue | undefined): string | null {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : null;
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
