import type { Catalog } from "../../catalog/catalog.js";
import { analyzeLicenses } from "../../identify/analyze-licenses.js";
import { type FrontMatter, parseFrontMatter } from "../../identify/card/parse-front-matter.js";
import type { ReferenceLibrary } from "../../identify/matcher/reference-library.js";
import type { Evidence } from "../../types/finding.js";
import type { DatasetUsed, LicenseAnalysis } from "../../types/result.js";
import type { JsonValue, ModelSnapshot } from "../../types/snapshot.js";
import type { DatasetLink, GeneratorModel, TrainingData } from "../../types/training-data.js";

/** A dataset the model's cards (or a dataset's) name, with its declared licenses identified through the catalog. */
export interface IdentifiedDataset {
  link: DatasetLink;
  /** As reports show it. */
  used: DatasetUsed;
  /** Its licenses, identified as a model's declared license is; null when it could not be read. */
  licenses: LicenseAnalysis | null;
  /** The models its card names as generators, each with its declared licenses. */
  generators: IdentifiedGenerator[];
}

export interface IdentifiedGenerator {
  model: GeneratorModel;
  /** Its declared license keys, with where each is declared (as api evidence naming the model). */
  licenses: { key: string; evidence: Evidence[] }[];
}

/** The datasets of the training data, identified; the snapshot's own generators when it is a dataset itself. */
export interface IdentifiedTrainingData {
  datasets: IdentifiedDataset[];
  ownGenerators: IdentifiedGenerator[];
  /** Whether acquisition read the training data at all (without it, only the card says what was declared). */
  given: boolean;
}

const NO_CARD = parseFrontMatter("");

/**
 * Identifies each dataset's declared licenses (cardData.license as a string or list, `license_name` and
 * `license_link` with `other`, the Hub's license tags) exactly as a model's, through analyzeLicenses on its
 * metadata-only snapshot. The result is the dataset's alone: nothing here touches the model's license analysis.
 */
export function identifyTrainingData(
  trainingData: TrainingData | undefined,
  catalog: Catalog,
  references: ReferenceLibrary,
  own: { card: FrontMatter; commit: string } | null = null,
): IdentifiedTrainingData {
  // Where the checked repo's own card names a dataset: its README line, which acquisition (reading metadata) lacks.
  const placed = (evidence: Evidence): Evidence => {
    if (own === null || evidence.source !== "card" || evidence.commit !== own.commit || evidence.line !== undefined)
      return evidence;
    const location = own.card.locate(evidence.path);
    return location ? { ...evidence, file: "README.md", line: location.line, quote: location.quote } : evidence;
  };
  const licensesOf = (snapshot: ModelSnapshot) => analyzeLicenses(snapshot, NO_CARD, catalog, references);
  const generator = (model: GeneratorModel): IdentifiedGenerator => ({
    model,
    licenses: model.snapshot
      ? licensesOf(model.snapshot).licenses.map((license) => ({
          key: license.id,
          evidence: license.evidence.map((item) => inRepo(item, model.snapshot!)),
        }))
      : [],
  });
  const datasets = (trainingData?.datasets ?? []).map((named): IdentifiedDataset => {
    const link = { ...named, evidence: named.evidence.map(placed) };
    const licenses = link.snapshot && link.unavailable === null ? licensesOf(link.snapshot) : null;
    const licenseEvidence = (licenses?.licenses ?? []).flatMap((license) =>
      license.evidence.map((item) => inRepo(item, link.snapshot!)),
    );
    return {
      link,
      licenses,
      generators: (link.generators ?? []).map(generator),
      used: {
        id: link.id,
        sha: link.sha,
        declaredBy: link.declaredBy,
        via: link.via,
        depth: link.depth,
        licenses: (licenses?.licenses ?? []).map((license) => ({
          id: license.id,
          name: license.name,
          known: license.known,
        })),
        gated: link.snapshot?.gated ?? false,
        evidence: [...link.evidence, ...licenseEvidence],
        unavailable: link.unavailable,
      },
    };
  });
  return {
    datasets,
    ownGenerators: (trainingData?.generators ?? []).map(generator),
    given: trainingData !== undefined,
  };
}

/**
 * Evidence read in another repo's metadata, named by that repo, with the value it declares: a report that shows
 * "the card's license field" must not read as the checked model's own card. (The link's own evidence already names
 * the declaring card.)
 */
export function inRepo(evidence: Evidence, snapshot: ModelSnapshot): Evidence {
  switch (evidence.source) {
    case "card":
      return {
        source: "api",
        field: `${snapshot.id}:cardData.${formatPath(evidence.path)}`,
        value: valueAt(snapshot.cardData, evidence.path),
      };
    case "tag":
      return { source: "api", field: `${snapshot.id}:tags`, value: evidence.tag };
    case "api":
      return { ...evidence, field: `${snapshot.id}:${evidence.field}` };
    default:
      return evidence;
  }
}

function valueAt(value: JsonValue | null, path: (string | number)[]): JsonValue {
  let current: JsonValue | undefined = value ?? null;
  for (const key of path) {
    if (current === null || typeof current !== "object") return null;
    current = Array.isArray(current) ? current[Number(key)] : current[String(key)];
  }
  return current ?? null;
}

function formatPath(path: (string | number)[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("");
}
