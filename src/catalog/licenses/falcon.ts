import type { CatalogEntry } from "../types.js";

export const falconLicenses: CatalogEntry[] = [];
