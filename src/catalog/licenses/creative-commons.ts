import type { CatalogEntry } from "../types.js";

export const creativeCommonsLicenses: CatalogEntry[] = [];
