import type { CatalogEntry } from "../types.js";

export const openrailLicenses: CatalogEntry[] = [];
