import type { CatalogEntry } from "../types.js";

export const fairLicenses: CatalogEntry[] = [];
