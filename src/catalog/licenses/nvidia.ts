import type { CatalogEntry } from "../types.js";

export const nvidiaLicenses: CatalogEntry[] = [];
