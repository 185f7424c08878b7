// Part of `npm run build`: every SPDX license the matcher's index names, fingerprinted once here, one file per id in
// dist/identify/matcher/data/spdx/, instead of in every run that shortlists it (15 to 20 ms of a cold check of one
// model). The same function makes them as a run from the sources does (spdxReferenceData), from the texts of the
// installed spdx-license-list, so the two read alike; test/acquire/reference-data.test.ts holds them to that.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { spdxReferenceData } from "../dist/identify/matcher/reference-library.js";

const require = createRequire(import.meta.url);
const data = new URL("../dist/identify/matcher/data/", import.meta.url);
const index = JSON.parse(readFileSync(new URL("sketch-index.json", data), "utf8"));
const out = new URL("spdx/", data);
mkdirSync(out, { recursive: true });
for (const id of index.keys.slice(index.models)) {
  const made = spdxReferenceData(id, require(`spdx-license-list/licenses/${id}.json`).licenseText);
  if (made) writeFileSync(new URL(`${id}.json`, out), JSON.stringify(made));
}
