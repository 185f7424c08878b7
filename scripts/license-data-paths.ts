import { fileURLToPath } from "node:url";

export const TEXTS_DIR = fileURLToPath(new URL("../test/fixtures/license-texts", import.meta.url));
export const LICENSE_DATA_DIR = fileURLToPath(new URL("../src/identify/matcher/data", import.meta.url));
export const SPDX_LIST_LABEL = "spdx-license-list 6.12.0 (SPDX License List 3.28.0)";
