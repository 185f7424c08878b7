import type { CatalogEntry } from "../types.js";

export const mistralLicenses: CatalogEntry[] = [];
