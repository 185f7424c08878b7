import type { CatalogEntry } from "../types.js";

export const microsoftResearchLicenses: CatalogEntry[] = [];
