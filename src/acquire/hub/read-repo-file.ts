import { hash } from "node:crypto";
import { HubAnswerError } from "./hub-error.js";
import type { HubFetch } from "./hub-fetch.js";
import { isSafeRepoPath } from "./select-evidence-files.js";

export interface RepoFileBytes {
  bytes: Buffer;
  /** sha256 (hex) of `bytes`. */
  sha256: string;
  truncated: boolean;
}

/**
 * Reads one file of a repo at a commit with a single GET on `/{repo}/resolve/{sha}/{path}` (a dataset's under
 * `/datasets/{repo}/…`, as huggingface_hub's `hf_hub_url` builds it), keeping at most
 * `maxBytes`. `@huggingface/hub`'s `downloadFile` spends a ranged probe request first and cannot stop at a cap,
 * so the file path uses the same HTTP policy (`hubFetch`) directly. A path that could leave the repo's URL space
 * (`..`, `.`, a backslash, a leading `/`) is refused before any request: only a hostile endpoint lists one.
 */
export async function readRepoFile(
  hubFetch: HubFetch,
  endpoint: string,
  repoId: string,
  sha: string,
  path: string,
  maxBytes: number,
  repoType?: "dataset",
): Promise<RepoFileBytes> {
  if (!isSafeRepoPath(path))
    throw new HubAnswerError(
      `the file name ${JSON.stringify(path).slice(0, 200)} is not a path inside the repo; not read`,
    );
  const encodedPath = path.split("/").map(encodeURIComponent).join("/");
  const { bytes, truncated } = await hubFetch.read(
    `${endpoint}/${repoType === "dataset" ? "datasets/" : ""}${repoId}/resolve/${sha}/${encodedPath}`,
    {
      headers: { accept: "*/*", "accept-encoding": "identity" },
    },
    maxBytes,
  );
  return { bytes, sha256: hash("sha256", bytes, "hex"), truncated };
}
