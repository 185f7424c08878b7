/** `npm run generate:license-data`: rewrites src/identify/matcher/data/*.json from the texts. See license-data.ts. */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { buildModelReferences, buildSketchIndex } from "./license-data.js";
import { LICENSE_DATA_DIR, SPDX_LIST_LABEL, TEXTS_DIR } from "./license-data-paths.js";

const full = createRequire(import.meta.url)("spdx-license-list/full.js") as Record<string, { licenseText: string }>;
const texts = Object.fromEntries(Object.entries(full).map(([id, entry]) => [id, entry.licenseText]));

const write = (name: string, value: unknown) =>
  writeFileSync(`${LICENSE_DATA_DIR}/${name}`, `${JSON.stringify(value)}\n`);
const models = buildModelReferences((file) => readFileSync(`${TEXTS_DIR}/${file}`, "utf8"));
write("model-references.json", models);
write("sketch-index.json", buildSketchIndex(models, texts, SPDX_LIST_LABEL));
console.log(`wrote ${LICENSE_DATA_DIR}/model-references.json and sketch-index.json`);
