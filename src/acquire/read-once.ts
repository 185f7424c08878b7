import type { ModelSnapshot } from "../types/snapshot.js";

/**
 * The metadata of a repo's default branch, read once in a run: the ancestors, datasets and generator models that many
 * of a run's models name (a hundred fine-tunes of one base, trained on one dataset) cost one request each, not one per
 * model. For one run only, which lasts seconds: a branch moves, so a long-lived process (the gate) makes one per
 * decision. A failure is shared too: the models of a run see the same answer from the Hub.
 */
export class ReadOnce {
  private readonly reads = new Map<string, Promise<ModelSnapshot>>();

  read(kind: "model" | "dataset", id: string, fetch: () => Promise<ModelSnapshot>): Promise<ModelSnapshot> {
    const key = `${kind}:${id.toLowerCase()}`;
    let known = this.reads.get(key);
    if (known === undefined) {
      known = fetch();
      this.reads.set(key, known);
    }
    return known;
  }
}

/** Without a run's ReadOnce, every read is made. */
export function readThrough(
  once: ReadOnce | undefined,
  kind: "model" | "dataset",
  id: string,
  fetch: () => Promise<ModelSnapshot>,
): Promise<ModelSnapshot> {
  return once ? once.read(kind, id, fetch) : fetch();
}
