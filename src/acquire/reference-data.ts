import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  createReferenceLibrary,
  type ModelReferencesFile,
  type ReferenceLibrary,
  type SketchIndexFile,
  type SpdxReferenceData,
} from "../identify/matcher/reference-library.js";
import { once } from "../util/once.js";

const load = createRequire(import.meta.url);

/** lic's own files are missing or unreadable: the install is broken, and no verdict may rest on it. */
export class ReferenceDataError extends Error {
  override readonly name = "ReferenceDataError";
}

/**
 * The matcher's reference data, read from what lic ships (src/identify/matcher/data, copied beside the build, with
 * the SPDX licenses' fingerprints the build adds in spdx/) and from `spdx-license-list`: the index on the first text
 * matched, model fingerprints and SPDX ones (or texts, run from the sources) when a text is shortlisted for them.
 * Read once per process; every check of the run shares it, and a run that matches no text reads none of it. The
 * library asks for SPDX ids it checked (reference-library.ts), so none can lead a path out of its folder.
 */
const library = once(() =>
  createReferenceLibrary({
    index: readOwn("../identify/matcher/data/sketch-index.json") as SketchIndexFile,
    modelReferences: () => readOwn("../identify/matcher/data/model-references.json") as ModelReferencesFile,
    spdxText: (id) => (read(`spdx-license-list/licenses/${id}.json`) as { licenseText: string }).licenseText,
    // Written by the build: absent when lic runs from its sources.
    spdxReference: (id) => readOwn(`../identify/matcher/data/spdx/${id}.json`, true) as SpdxReferenceData | undefined,
  }),
);

export const shippedReferences: ReferenceLibrary = {
  countSampled: (shingles) => library().countSampled(shingles),
  reference: (index) => library().reference(index),
  equivalentsOf: (id) => library().equivalentsOf(id),
};

/**
 * One of lic's own data files, by its path from this module: read and parsed, not required. require() resolves
 * the path, stats it and wraps it as a module first: 3.8 ms for the sketch index against 1.1 to read and parse it.
 * A file that may be absent (`optional`) is undefined when missing; any other failure is a broken install.
 */
function readOwn(path: string, optional = false): unknown {
  try {
    return JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
  } catch (error) {
    if (optional && codeOf(error) === "ENOENT") return undefined;
    throw unreadable(path, error);
  }
}

/** A file of an installed package (`spdx-license-list`), found as Node finds it. */
function read(specifier: string): unknown {
  try {
    return load(specifier);
  } catch (error) {
    throw unreadable(specifier, error);
  }
}

function unreadable(specifier: string, error: unknown): ReferenceDataError {
  return new ReferenceDataError(
    `lic's license reference data "${specifier}" cannot be read (${codeOf(error) ?? "unreadable"}); the installation is incomplete: reinstall lic (npm ci)`,
  );
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}
