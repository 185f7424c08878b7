import type { CatalogEntry } from "../types.js";

export const openmdwLicenses: CatalogEntry[] = [];
