import { hash } from "node:crypto";

/**
 * The first line of a cache entry this build of lic wrote: the build and the digest of the JSON under it. An entry
 * that is still as its writer left it needs no checking of its shape when the same build reads it back (zod's schemas
 * cost a warm check a fifth of its time); anything else (another build's, edited by hand, damaged, or written before
 * entries were sealed) is checked in full, and a miss when it fails.
 */
const SEAL = "lic-cache-entry";

export function seal(json: string, build: string): string {
  return `${SEAL} ${build} ${digest(json)}\n${json}`;
}

/** The JSON of an entry `build` sealed and nobody changed since, or null. */
export function openSeal(text: string, build: string): string | null {
  const end = text.indexOf("\n");
  if (end < 0 || !text.startsWith(`${SEAL} ${build} `)) return null;
  const json = text.slice(end + 1);
  return text.slice(SEAL.length + build.length + 2, end) === digest(json) ? json : null;
}

/** The JSON of an entry, sealed or not: what is checked in full when openSeal cannot vouch for it. */
export function withoutSeal(text: string): string {
  return text.startsWith(`${SEAL} `) ? text.slice(text.indexOf("\n") + 1) : text;
}

function digest(json: string): string {
  return hash("sha256", json, "hex");
}
