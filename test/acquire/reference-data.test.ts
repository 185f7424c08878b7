import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ReferenceDataError, shippedReferences } from "../../src/acquire/reference-data.js";
import { identifyLicenseText } from "../../src/identify/matcher/match-license-text.js";
import {
  createReferenceLibrary,
  type SketchIndexFile,
  spdxReferenceData,
} from "../../src/identify/matcher/reference-library.js";

const DATA = new URL("../../src/identify/matcher/data/", import.meta.url);
const index = JSON.parse(readFileSync(new URL("sketch-index.json", DATA), "utf8")) as SketchIndexFile;
const mit = (createRequire(import.meta.url)("spdx-license-list/licenses/MIT.json") as { licenseText: string })
  .licenseText;

describe("the matcher's reference data, read at the edge and handed in", () => {
  it("identifies a shipped SPDX text with the data lic ships", () => {
    expect(identifyLicenseText(mit, shippedReferences).matches[0]).toMatchObject({ reference: "MIT", kind: "exact" });
  });

  it("a reference text that cannot be read is an error, never a quiet 'no match'", () => {
    const broken = createReferenceLibrary({
      index,
      modelReferences: () => [],
      spdxText: (id) => {
        throw new ReferenceDataError(
          `lic's license reference data "spdx-license-list/licenses/${id}.json" cannot be read`,
        );
      },
    });
    expect(() => identifyLicenseText(mit, broken)).toThrow(ReferenceDataError);
  });
});

describe("the SPDX fingerprints the build writes (scripts/compile-spdx-references.mjs)", () => {
  const BUILT = new URL("../../dist/identify/matcher/data/spdx/", import.meta.url);
  const spdxIds = index.keys.slice(index.models);
  const textOf = (id: string) =>
    (createRequire(import.meta.url)(`spdx-license-list/licenses/${id}.json`) as { licenseText: string }).licenseText;

  it("are, for every SPDX id the index names, what a run from the sources makes of the installed text", () => {
    const built = readdirSync(BUILT).filter((name) => name.endsWith(".json"));
    expect(built.length).toBe(spdxIds.length);
    for (const id of spdxIds) {
      const shipped: unknown = JSON.parse(readFileSync(new URL(`${id}.json`, BUILT), "utf8"));
      expect(shipped, id).toEqual(spdxReferenceData(id, textOf(id)));
    }
  });

  it("are never looked up, nor the text, by an id that is not an SPDX id's spelling", () => {
    const position = index.models;
    const asked: string[] = [];
    const library = createReferenceLibrary({
      index: { ...index, keys: index.keys.map((key, at) => (at === position ? "../../etc/passwd" : key)) },
      modelReferences: () => [],
      spdxText: (id) => {
        asked.push(`text ${id}`);
        return "";
      },
      spdxReference: (id) => {
        asked.push(`fingerprint ${id}`);
        return undefined;
      },
    });
    expect(library.reference(position)).toBeNull();
    expect(asked).toEqual([]);
  });

  it("are read instead of the text when a text is shortlisted, and match as the text does", () => {
    const asked: string[] = [];
    const library = createReferenceLibrary({
      index,
      modelReferences: () => [],
      spdxText: (id) => {
        throw new Error(`the text of ${id} was read, not its fingerprint`);
      },
      spdxReference: (id) => {
        asked.push(id);
        return spdxReferenceData(id, textOf(id));
      },
    });
    expect(identifyLicenseText(mit, library).matches[0]).toMatchObject({ reference: "MIT", kind: "exact" });
    expect(asked).toContain("MIT");
  });
});
