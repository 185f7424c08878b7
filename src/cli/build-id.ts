import { readFileSync } from "node:fs";

/**
 * This build's identity: the digest `npm run build` writes beside the bundled CLI (scripts/bundle-cli.mjs) of the
 * bundle's files and the matcher's data. Results are cached under it (run/result-key.ts), so another build never
 * reads what this one decided. Null when lic runs from its sources (tests, tsx): nothing is then cached as a result.
 * Read and parsed, not required: require() would also look up the package.json files above it (three reads).
 */
export function buildId(): string | null {
  try {
    const { digest } = JSON.parse(readFileSync(new URL("./build-id.json", import.meta.url), "utf8")) as {
      digest?: unknown;
    };
    return typeof digest === "string" && /^[0-9a-f]{64}$/.test(digest) ? digest : null;
  } catch {
    return null;
  }
}
