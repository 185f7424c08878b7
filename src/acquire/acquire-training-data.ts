import { type DeclaredDataset, declaredDatasets } from "../identify/dataset/declared-datasets.js";
import { generatorModels, isSyntheticDataset } from "../identify/dataset/generator-models.js";
import type { Evidence } from "../types/finding.js";
import type { Lineage, ModelSnapshot } from "../types/snapshot.js";
import type { DatasetLink, GeneratorModel, TrainingData } from "../types/training-data.js";
import { mapConcurrent } from "../util/map-concurrent.js";
import { TRANSIENT_FAILURES } from "./acquire-lineage.js";
import type { AcquireOptions } from "./acquire-snapshot.js";
import type { FetchSnapshotOptions } from "./hub/fetch-model-snapshot.js";
import { HubError } from "./hub/hub-error.js";
import { hubRedactor } from "./hub/hub-fetch.js";
import { readThrough } from "./read-once.js";
import { keepInCache } from "./store/keep-in-cache.js";

export interface TrainingDataOptions extends AcquireOptions {
  /** Generations of `source_datasets` to walk, as --max-depth bounds `base_model`; datasets beyond are reported. */
  maxDepth: number;
  /** Datasets read at once. */
  concurrency: number;
}

/**
 * Bounds on breadth, as `maxDepth` bounds depth: datasets read per card, datasets read in all, generator models per
 * dataset. Real cards name a handful; a card naming thousands would make a request each, with the token.
 */
export const MAX_DATASETS_PER_CARD = 16;
export const MAX_DATASETS = 64;
export const MAX_GENERATORS_PER_DATASET = 8;

/** A dataset to read: where it is named, and the datasets on the way to it (for cycles). */
interface Wanted {
  id: string;
  evidence: Evidence[];
  declaredBy: DatasetLink["declaredBy"];
  via: DatasetLink["via"];
  path: string[];
}

/**
 * What a repo was trained on (a model) or made from (a dataset): the datasets its card names (`datasets:`), and its
 * ancestors' cards in `lineage`, then what those were made from (`source_datasets`), walked like `base_model`: each
 * dataset read once from its metadata alone (one request: card data, tags and gating carry its terms), pinned to the
 * commit its default branch has; bounded in depth and breadth; cycles and what the bounds leave out reported. A card
 * that says its data is synthetic is also read for the models that generated it (its README, and one metadata
 * request per generator). Cached under the repo's own commit when complete, so a warm check of a pinned model reads
 * no dataset again.
 */
export async function acquireTrainingData(
  root: ModelSnapshot,
  lineage: Lineage | undefined,
  options: TrainingDataOptions,
): Promise<TrainingData> {
  const first = firstDatasets(root, lineage);
  // A repo whose cards name no dataset has nothing to read, and needs neither the cache nor the Hub client.
  if (first.length === 0) return { datasets: [], complete: lineage?.complete ?? true };
  const { cache } = options;
  const cached = cache ? await cache.readTrainingData(root.id, root.sha, root.repoType) : null;
  if (cached) return cached;
  if (options.offline) return { datasets: [], complete: false };

  const { fetchModelInfo, fetchEvidence } = await import("./hub/fetch-model-snapshot.js");
  const redact = hubRedactor(options.hub);
  const failure = (error: unknown) => ({
    reason: error instanceof HubError ? error.kind : "error",
    // HubError messages are redacted at birth; anything else is redacted here, before it is reported or cached.
    message: redact(error instanceof Error ? error.message : String(error)),
  });
  const readMetadata = (id: string, hub: FetchSnapshotOptions): Promise<ModelSnapshot> =>
    readThrough(options.readOnce, "model", id, async () =>
      fetchEvidence(id, "main", await fetchModelInfo(id, "main", hub), hub),
    );
  const asDataset = { ...options.hub, repoType: "dataset" as const };
  const generatorReads = new Map<string, Promise<GeneratorModel>>();
  const readGenerator = (id: string, evidence: Evidence[]): Promise<GeneratorModel> => {
    const key = id.toLowerCase();
    const known = generatorReads.get(key);
    const read =
      known ??
      readMetadata(id, { ...options.hub, repoType: undefined, metadataOnly: true }).then(
        (snapshot): GeneratorModel => ({ id: snapshot.id, sha: snapshot.sha, evidence, snapshot, unavailable: null }),
        (error: unknown): GeneratorModel => ({ id, sha: null, evidence, unavailable: failure(error) }),
      );
    generatorReads.set(key, read);
    return read.then((generator) => ({ ...generator, evidence }));
  };

  const datasets: DatasetLink[] = [];
  // Not the root's own id: a model and the dataset it was trained on may share one (org/x and datasets/org/x); a
  // dataset naming itself is on its own path, a cycle.
  const seen = new Set<string>();
  const rootPath = root.repoType === "dataset" ? [root.id] : [];
  let budget = MAX_DATASETS;
  let level: Wanted[] = first.map((entry) => ({ ...entry, path: rootPath }));

  for (let depth = 1; level.length > 0; depth++) {
    const wanted: Wanted[] = [];
    for (const item of level) {
      const key = item.id.toLowerCase();
      if (item.path.some((onPath) => onPath.toLowerCase() === key)) {
        const message = `${item.id} is made from itself: ${[...item.path, item.id].join(" → ")}`;
        datasets.push(unread(item, depth, { reason: "cycle", message }));
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      if (depth > options.maxDepth) {
        const message = `deeper than --max-depth ${options.maxDepth}; not read`;
        datasets.push(unread(item, depth, { reason: "max-depth", message }));
        continue;
      }
      wanted.push(item);
    }
    const overBudget = wanted.splice(budget);
    budget -= wanted.length;
    if (overBudget.length > 0) {
      const others = overBudget.length > 1 ? ` and ${overBudget.length - 1} more` : "";
      const message = `the cards name more than ${MAX_DATASETS} datasets, the most lic reads; ${overBudget[0]!.id}${others} not read`;
      datasets.push(unread(overBudget[0]!, depth, { reason: "max-breadth", message }));
    }

    const read = await mapConcurrent(wanted, Math.max(1, options.concurrency), async (item) => {
      try {
        const snapshot = await readThrough(options.readOnce, "dataset", item.id, async () => {
          const info = await fetchModelInfo(item.id, "main", asDataset);
          const metadata = await fetchEvidence(item.id, "main", info, { ...asDataset, metadataOnly: true });
          // Only a synthetic dataset's README can name its generator; the others cost their one metadata request.
          return isSyntheticDataset(metadata) ? fetchEvidence(item.id, "main", info, asDataset) : metadata;
        });
        const named = generatorModels(snapshot).slice(0, MAX_GENERATORS_PER_DATASET);
        const generators = await Promise.all(named.map((generator) => readGenerator(generator.id, generator.evidence)));
        const link: DatasetLink = {
          id: snapshot.id,
          sha: snapshot.sha,
          declaredBy: item.declaredBy,
          via: item.via,
          depth,
          evidence: item.evidence,
          snapshot,
          unavailable: null,
          ...(generators.length > 0 ? { generators } : {}),
        };
        return { link, next: { snapshot, path: [...item.path, snapshot.id] } };
      } catch (error) {
        return { link: unread(item, depth, failure(error)), next: null };
      }
    });
    level = [];
    for (const { link, next } of read) {
      datasets.push(link);
      if (!next) continue;
      seen.add(next.snapshot.id.toLowerCase());
      const sources = boundedSources(next.snapshot, depth + 1, datasets);
      level.push(...sources.map((source) => ({ ...source, path: next.path })));
    }
  }

  // Deterministic order whatever finished first: by depth, then id.
  datasets.sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id));
  const isTransient = (unavailable: DatasetLink["unavailable"]) =>
    unavailable !== null && TRANSIENT_FAILURES.has(unavailable.reason);
  const trainingData: TrainingData = {
    datasets,
    // An ancestor that could not be read may name datasets too: then what was read is not all there is.
    complete:
      (lineage?.complete ?? true) &&
      !datasets.some(
        (link) => isTransient(link.unavailable) || (link.generators ?? []).some((g) => isTransient(g.unavailable)),
      ),
  };
  if (cache && trainingData.complete)
    await keepInCache(cache, options.onNotice, (store) =>
      store.writeTrainingData(root.id, root.sha, trainingData, root.repoType),
    );
  return trainingData;
}

/**
 * The datasets named first: a dataset's own `source_datasets`, or a model's `datasets` and each read ancestor's,
 * the model's own first, then its ancestors nearest first.
 */
function firstDatasets(root: ModelSnapshot, lineage: Lineage | undefined): Omit<Wanted, "path">[] {
  if (root.repoType === "dataset") return namedBy(root, "source_datasets");
  const ancestors = (lineage?.ancestors ?? []).flatMap((ancestor) => (ancestor.snapshot ? [ancestor.snapshot] : []));
  return [root, ...ancestors].flatMap((snapshot) => namedBy(snapshot, "datasets"));
}

function namedBy(snapshot: ModelSnapshot, via: DatasetLink["via"]): Omit<Wanted, "path">[] {
  const declaredBy = { kind: snapshot.repoType ?? "model", id: snapshot.id, sha: snapshot.sha } as const;
  return declaredDatasets(snapshot, via).map((dataset: DeclaredDataset) => ({ ...dataset, declaredBy, via }));
}

/** A dataset's sources up to MAX_DATASETS_PER_CARD; the rest reported once, as not read. */
function boundedSources(snapshot: ModelSnapshot, depth: number, datasets: DatasetLink[]): Omit<Wanted, "path">[] {
  const sources = namedBy(snapshot, "source_datasets");
  const cut = sources.slice(MAX_DATASETS_PER_CARD);
  if (cut.length > 0) {
    const others = cut.length > 1 ? ` and ${cut.length - 1} more` : "";
    const message = `${snapshot.id} names ${sources.length} source datasets, and lic reads at most ${MAX_DATASETS_PER_CARD} a card; ${cut[0]!.id}${others} not read`;
    datasets.push(unread({ ...cut[0]!, path: [] }, depth, { reason: "max-breadth", message }));
  }
  return sources.slice(0, MAX_DATASETS_PER_CARD);
}

/** A dataset lic did not read (a cycle, a bound, a failure), and why: reported, its terms unknown. */
function unread(item: Wanted, depth: number, unavailable: { reason: string; message: string }): DatasetLink {
  const { id, evidence, declaredBy, via } = item;
  return { id, sha: null, declaredBy, via, depth, evidence, unavailable };
}
