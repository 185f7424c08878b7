import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type {
  Ancestor,
  EvidenceGap,
  FileRole,
  JsonObject,
  JsonValue,
  ModelSnapshot,
  SnapshotFile,
} from "../../src/types/snapshot.js";

/** A snapshot as acquisition would build it from a recorded API body and the files given. */
export function snapshotOf(
  info: JsonObject,
  files: { path: string; role: FileRole; text: string }[] = [],
  gaps: EvidenceGap[] = [],
): ModelSnapshot {
  const siblings = Array.isArray(info["siblings"]) ? (info["siblings"] as { rfilename: string }[]) : [];
  return {
    requestedId: String(info["id"]),
    requestedRevision: "main",
    id: String(info["id"]),
    sha: String(info["sha"] ?? "0".repeat(40)),
    gated: info["gated"] === "auto" || info["gated"] === "manual" ? info["gated"] : false,
    private: false,
    pipelineTag: typeof info["pipeline_tag"] === "string" ? info["pipeline_tag"] : null,
    libraryName: null,
    tags: (info["tags"] as string[] | undefined) ?? [],
    cardData: (info["cardData"] as JsonObject | undefined) ?? null,
    // The Hub's `config` summary, as acquisition keeps it (architectures, model_type).
    config: isObject(info["config"]) ? info["config"] : null,
    baseModels: (info["baseModels"] as JsonValue | undefined) ?? null,
    files: siblings.map((sibling) => sibling.rfilename),
    texts: files.map(textFile),
    gaps,
  };
}

export function textFile(file: { path: string; role: FileRole; text: string }): SnapshotFile {
  const bytes = Buffer.from(file.text);
  return {
    ...file,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.byteLength,
    truncated: false,
  };
}

/** A minimal snapshot carrying only the card metadata and tags a test is about. */
export function snapshotWith(
  cardData: Record<string, JsonValue> | null,
  tags: string[] = [],
  readme?: string,
): ModelSnapshot {
  return snapshotOf(
    { id: "org/model", sha: "a".repeat(40), tags, ...(cardData ? { cardData } : {}) },
    readme === undefined ? [] : [{ path: "README.md", role: "readme", text: readme }],
  );
}

/** An ancestor as acquisition hands it to the core: its own metadata, or why it could not be read. */
export function ancestorWith(
  id: string,
  cardData: Record<string, JsonValue> | null,
  unavailable: Ancestor["unavailable"] = null,
): Ancestor {
  return {
    id,
    sha: unavailable ? null : "b".repeat(40),
    relation: "finetune",
    depth: 1,
    parent: "org/model",
    licenses: [],
    ...(unavailable ? {} : { snapshot: snapshotOf({ id, sha: "b".repeat(40), ...(cardData ? { cardData } : {}) }) }),
    unavailable,
  };
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A repo whose README is a real card's front matter (`test/fixtures/model-cards/<card>.md`) with its `license:` line
 * replaced (`null`: removed) and a `## License` section of the given body, as cards state a license in words.
 */
export function cardWithLicenseSection(card: string, license: string | null, section: string): ModelSnapshot {
  const frontMatter = readFileSync(new URL(`../fixtures/model-cards/${card}.md`, import.meta.url), "utf8").replace(
    /^license: .*\n/m,
    license === null ? "" : `license: ${license}\n`,
  );
  const readme = `${frontMatter}\n# Model card\n\nA quantization.\n\n## License\n\n${section}\n\n## Citation\n\nNone.\n`;
  return snapshotOf({ id: "org/model", sha: "a".repeat(40) }, [{ path: "README.md", role: "readme", text: readme }]);
}
