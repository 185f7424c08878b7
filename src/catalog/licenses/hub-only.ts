import type { CatalogEntry } from "../types.js";

export const hubOnlyLicenses: CatalogEntry[] = [];
