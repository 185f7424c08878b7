import { createRequire } from "node:module";
import {
  createReferenceLibrary,
  type ModelReferencesFile,
  type ReferenceLibrary,
  type SketchIndexFile,
} from "../identify/matcher/reference-library.js";
import { once } from "../util/once.js";

const load = createRequire(import.meta.url);

/** lic's own files are missing or unreadable: the install is broken, and no verdict may rest on it. */
export class ReferenceDataError extends Error {
  override readonly name = "ReferenceDataError";
}

/**
 * The matcher's reference data, read from what lic ships (src/identify/matcher/data, copied beside the build) and
 * from `spdx-license-list`: the index on the first text matched, model fingerprints and SPDX texts when a text is
 * shortlisted for them. Read once per process; every check of the run shares it, and a run that matches no text
 * reads none of it.
 */
const library = once(() =>
  createReferenceLibrary({
    index: read("../identify/matcher/data/sketch-index.json") as SketchIndexFile,
    modelReferences: () => read("../identify/matcher/data/model-references.json") as ModelReferencesFile,
    spdxText: (id) => (read(`spdx-license-list/licenses/${id}.json`) as { licenseText: string }).licenseText,
  }),
);

export const shippedReferences: ReferenceLibrary = {
  countSampled: (shingles) => library().countSampled(shingles),
  reference: (index) => library().reference(index),
  equivalentsOf: (id) => library().equivalentsOf(id),
};

function read(specifier: string): unknown {
  try {
    return load(specifier);
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    throw new ReferenceDataError(
      `lic's license reference data "${specifier}" cannot be read (${reason}); the installation is incomplete: reinstall lic (npm ci)`,
    );
  }
}
