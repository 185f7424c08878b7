import { homedir } from "node:os";
import { join } from "node:path";

/** Where lic caches when no --cache-dir is given: LIC_CACHE_DIR, else $XDG_CACHE_HOME/lic, else ~/.cache/lic. */
export function defaultCacheDir(env: {
  LIC_CACHE_DIR?: string | undefined;
  XDG_CACHE_HOME?: string | undefined;
}): string {
  return env.LIC_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "lic");
}
