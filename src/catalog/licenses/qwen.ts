import type { CatalogEntry } from "../types.js";

export const qwenLicenses: CatalogEntry[] = [];
