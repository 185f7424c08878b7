import type { CatalogEntry } from "../types.js";

export const stabilityLicenses: CatalogEntry[] = [];
