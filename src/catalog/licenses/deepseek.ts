import type { CatalogEntry } from "../types.js";

export const deepseekLicenses: CatalogEntry[] = [];
