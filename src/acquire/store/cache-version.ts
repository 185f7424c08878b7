/**
 * The version of the cache's layout and entries: the root folder is v<this>, and every entry says it. A change to
 * either that an older lic would misread is a new version, and a new, empty cache. 2: one folder a repo
 * (fs-snapshot-store.ts).
 */
export const CACHE_VERSION = 2;
