import type { CatalogEntry } from "./types.js";

/**
 * Whether the repo `id` ("owner/name") is published by the licensor of `entry`: its namespace is one of the
 * licensor's own, spelled exactly as the Hub spells it. A fine-tune under any other namespace is a licensee's.
 */
export function publishedByLicensor(id: string, entry: CatalogEntry | undefined): boolean {
  const slash = id.indexOf("/");
  if (slash <= 0 || !entry?.licensor) return false;
  return entry.licensor.namespaces.includes(id.slice(0, slash));
}
