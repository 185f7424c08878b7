import type { CatalogEntry } from "../types.js";

export const gemmaLicenses: CatalogEntry[] = [];
