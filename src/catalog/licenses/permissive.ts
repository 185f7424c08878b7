import type { CatalogEntry } from "../types.js";

export const permissiveLicenses: CatalogEntry[] = [];
