import type { CatalogEntry } from "../types.js";

export const fluxLicenses: CatalogEntry[] = [];
