import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ReferenceDataError, shippedReferences } from "../../src/acquire/reference-data.js";
import { identifyLicenseText } from "../../src/identify/matcher/match-license-text.js";
import { createReferenceLibrary, type SketchIndexFile } from "../../src/identify/matcher/reference-library.js";

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
