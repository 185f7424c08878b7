import { createHash } from "node:crypto";

export interface RepoFileBytes {
  bytes: Buffer;
  /** sha256 (hex) of `bytes`. */
  sha256: string;
  truncated: boolean;
}

/**
 * Reads one file of a repo at a commit with a single GET on `/{repo}/resolve/{sha}/{path}`, keeping at most
 * `maxBytes`. `@huggingface/hub`'s `downloadFile` spends a ranged probe request first and cannot stop at a cap,
 * so the file path uses the same HTTP policy (`hubFetch`) directly.
 */
export async function readRepoFile(
  hubFetch: typeof fetch,
  endpoint: string,
  repoId: string,
  sha: string,
  path: string,
  maxBytes: number,
): Promise<RepoFileBytes> {
  const encodedPath = path.split("/").map(encodeURIComponent).join("/");
  const response = await hubFetch(`${endpoint}/${repoId}/resolve/${sha}/${encodedPath}`, {
    headers: { accept: "*/*", "accept-encoding": "identity" },
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        size += value.byteLength;
        if (size > maxBytes) {
          truncated = true;
          break;
        }
      }
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  }
  const bytes = Buffer.concat(chunks).subarray(0, maxBytes);
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex"), truncated };
}
