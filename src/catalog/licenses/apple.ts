import type { CatalogEntry } from "../types.js";

export const appleLicenses: CatalogEntry[] = [];
