import { parentModels, type Relation } from "../identify/lineage/parent-models.js";
import type { Ancestor, Lineage, ModelSnapshot } from "../types/snapshot.js";
import type { AcquireOptions } from "./acquire-snapshot.js";
import { HubError } from "./hub/hub-error.js";
import { hubRedactor } from "./hub/hub-fetch.js";
import { readThrough } from "./read-once.js";
import { keepInCache } from "./store/keep-in-cache.js";

export interface LineageOptions extends AcquireOptions {
  /** Generations to walk up; parents beyond are reported, not read. */
  maxDepth: number;
  /** Ancestors read at once. */
  concurrency: number;
}

/**
 * Bounds on breadth, as `maxDepth` bounds depth: parents read per model, and ancestors read in all. Real merges name
 * a handful of parents; a card naming thousands would make a request each, with the token, per decision.
 */
export const MAX_PARENTS_PER_MODEL = 16;
export const MAX_ANCESTORS = 64;

/** Kinds of failure that may pass: a lineage (or training data) with one of these is not cached. */
export const TRANSIENT_FAILURES: ReadonlySet<string> = new Set([
  "network",
  "timeout",
  "upstream",
  "rate-limited",
  "invalid-response",
]);

/**
 * Walks a model's `base_model` lineage to its roots: each ancestor read once, pinned to the commit its default
 * branch has now, from its metadata alone (one request each: the card data, tags and gate prompt carry its
 * license). Bounded in depth, breadth and concurrency; cycles and what the bounds leave out are reported. The result is cached under the model's
 * own commit, so a warm check of a pinned model reads no ancestor again.
 */
export async function acquireLineage(root: ModelSnapshot, options: LineageOptions): Promise<Lineage> {
  // A model that names no parent has no lineage to read, and needs neither the cache nor the Hub client.
  if (parentModels(root).length === 0) return { ancestors: [], complete: true };
  const { cache } = options;
  const cached = cache ? await cache.readLineage(root.id, root.sha) : null;
  if (cached) return cached;
  if (options.offline) return { ancestors: [], complete: false };

  const { fetchModelInfo, fetchEvidence } = await import("./hub/fetch-model-snapshot.js");
  const hub = { ...options.hub, metadataOnly: true };
  const redact = hubRedactor(options.hub);
  const ancestors: Ancestor[] = [];
  let budget = MAX_ANCESTORS;
  const seen = new Set([root.id.toLowerCase(), root.requestedId.toLowerCase()]);
  let level: { snapshot: ModelSnapshot; path: string[] }[] = [{ snapshot: root, path: [root.id] }];

  for (let depth = 1; level.length > 0; depth++) {
    const wanted: { id: string; relation: Relation; parent: string; path: string[] }[] = [];
    for (const { snapshot, path } of level) {
      const parents = parentModels(snapshot);
      const cut = parents.slice(MAX_PARENTS_PER_MODEL);
      if (cut.length > 0) {
        const others = cut.length > 1 ? ` and ${cut.length - 1} more` : "";
        const message = `${snapshot.id} names ${parents.length} parents, and lic reads at most ${MAX_PARENTS_PER_MODEL} a model; ${cut[0]!.id}${others} not read`;
        ancestors.push(
          unread(cut[0]!, depth, snapshot.id, {
            reason: "max-breadth",
            message,
          }),
        );
      }
      for (const parent of parents.slice(0, MAX_PARENTS_PER_MODEL)) {
        const key = parent.id.toLowerCase();
        if (path.some((onPath) => onPath.toLowerCase() === key)) {
          ancestors.push(
            unread(parent, depth, snapshot.id, {
              reason: "cycle",
              message: `${parent.id} is its own ancestor: ${[...path, parent.id].join(" → ")}`,
            }),
          );
          continue;
        }
        if (seen.has(key)) continue;
        seen.add(key);
        if (depth > options.maxDepth) {
          ancestors.push(
            unread(parent, depth, snapshot.id, {
              reason: "max-depth",
              message: `deeper than --max-depth ${options.maxDepth}; not read`,
            }),
          );
          continue;
        }
        wanted.push({ id: parent.id, relation: parent.relation, parent: snapshot.id, path });
      }
    }
    const overBudget = wanted.splice(budget);
    budget -= wanted.length;
    if (overBudget.length > 0) {
      const first = overBudget[0]!;
      const others = overBudget.length > 1 ? ` and ${overBudget.length - 1} more` : "";
      const message = `the lineage has more than ${MAX_ANCESTORS} ancestors, the most lic reads; ${first.id}${others} not read`;
      ancestors.push(unread(first, depth, first.parent, { reason: "max-breadth", message }));
    }
    const next: typeof level = [];
    const queue = [...wanted];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        try {
          const snapshot = await readThrough(options.readOnce, "model", item.id, async () =>
            fetchEvidence(item.id, "main", await fetchModelInfo(item.id, "main", hub), hub),
          );
          seen.add(snapshot.id.toLowerCase());
          ancestors.push({
            id: snapshot.id,
            sha: snapshot.sha,
            relation: item.relation,
            depth,
            parent: item.parent,
            licenses: [],
            snapshot,
            unavailable: null,
          });
          next.push({ snapshot, path: [...item.path, snapshot.id] });
        } catch (error) {
          const kind = error instanceof HubError ? error.kind : "error";
          // HubError messages are redacted at birth; anything else is redacted here, before it is reported or cached.
          const message = redact(error instanceof Error ? error.message : String(error));
          ancestors.push(unread(item, depth, item.parent, { reason: kind, message }));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker));
    level = next;
  }

  // Deterministic order whatever finished first: by depth, then id.
  ancestors.sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id));
  const lineage: Lineage = {
    ancestors,
    complete: !ancestors.some(
      (ancestor) => ancestor.unavailable && TRANSIENT_FAILURES.has(ancestor.unavailable.reason),
    ),
  };
  if (cache && lineage.complete)
    await keepInCache(cache, options.onNotice, (store) => store.writeLineage(root.id, root.sha, lineage));
  return lineage;
}

/** An ancestor lic did not read (a cycle, a bound, a failure), and why: reported, its terms unknown. */
function unread(
  parent: { id: string; relation: Relation },
  depth: number,
  child: string,
  unavailable: { reason: string; message: string },
): Ancestor {
  return { id: parent.id, sha: null, relation: parent.relation, depth, parent: child, licenses: [], unavailable };
}
