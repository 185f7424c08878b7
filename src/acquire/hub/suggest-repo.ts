import { createHubFetch, type HubFetchOptions } from "./hub-fetch.js";

/** A search answer is a short list; more than this is not the Hub's answer to a one-word search. */
const MAX_SEARCH_BYTES = 1024 * 1024;
const MAX_SUGGESTIONS = 3;

/**
 * The repos a bare name most likely meant, when the Hub has no repo of that name: `Llama-4-Scout-17B-16E-Instruct`
 * is `meta-llama/Llama-4-Scout-17B-16E-Instruct`. Asks the Hub's search (`GET /api/models?search=`, or
 * `/api/datasets?search=` for a dataset) and keeps the
 * repos whose own name is the one given, most downloaded first as the Hub sorts them. Any failure gives no
 * suggestion: this only words an error better, it never decides anything.
 */
export async function suggestRepos(name: string, options: HubFetchOptions, repoType?: "dataset"): Promise<string[]> {
  if (name.includes("/")) return [];
  try {
    const url = `${options.endpoint}/api/${repoType === "dataset" ? "datasets" : "models"}?search=${encodeURIComponent(name)}&sort=downloads&limit=20`;
    const body = await createHubFetch({ ...options, maxRetries: 0 }).read(url, {}, MAX_SEARCH_BYTES);
    if (!body.response.ok || body.truncated) return [];
    const found: unknown = JSON.parse(body.bytes.toString("utf8"));
    if (!Array.isArray(found)) return [];
    const wanted = name.toLowerCase();
    return found
      .map((entry) => (entry && typeof entry === "object" ? (entry as { id?: unknown }).id : undefined))
      .filter((id): id is string => typeof id === "string" && id.split("/")[1]?.toLowerCase() === wanted)
      .slice(0, MAX_SUGGESTIONS);
  } catch {
    return [];
  }
}
