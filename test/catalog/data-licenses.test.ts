import spdxFull from "spdx-license-list/full.js";
import { describe, expect, it } from "vitest";
import { getCatalog } from "../../src/catalog/catalog.js";
import type { Source } from "../../src/catalog/types.js";

const catalog = getCatalog();
const terms = (key: string) => catalog.get(key)!.terms!;
const licenseText = (spdx: string) =>
  (spdxFull as Record<string, { licenseText: string }>)[spdx]!.licenseText.replace(/\s+/g, " ");

const DATA_LICENSES = [
  ["odc-by", "ODC-By-1.0"],
  ["odbl", "ODbL-1.0"],
  ["pddl", "PDDL-1.0"],
  ["cdla-permissive-1.0", "CDLA-Permissive-1.0"],
  ["cdla-permissive-2.0", "CDLA-Permissive-2.0"],
  ["cdla-sharing-1.0", "CDLA-Sharing-1.0"],
  ["c-uda", "C-UDA-1.0"],
] as const;

function sourcesOf(key: string): Source[] {
  const { commercialUse, obligations, outputs, adaptations, termination, useRestrictions } = terms(key);
  return [
    commercialUse.source,
    ...obligations.map((item) => item.source),
    outputs.source,
    ...(adaptations ? [adaptations.source] : []),
    ...termination.map((item) => item.source),
    ...(useRestrictions ? [useRestrictions.source] : []),
  ];
}

describe("the data licenses on the Hub's list", () => {
  it.each(DATA_LICENSES)("%s (%s) is found by its Hub id, and every fact has a source url", (key, spdx) => {
    expect(catalog.byName(key)?.key).toBe(key);
    expect(catalog.bySpdx(spdx)?.key).toBe(key);
    for (const source of sourcesOf(key)) expect(source.url).toMatch(/^https:\/\//);
  });

  it.each(DATA_LICENSES)("%s: every quote is the text's own words (spdx-license-list's %s)", (key, spdx) => {
    const text = licenseText(spdx);
    const quotes = sourcesOf(key).flatMap((source) => (source.quote ? [source.quote] : []));
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(text, quote).toContain(quote.replace(/\s+/g, " "));
  });

  it("allows commercial use under each of them", () => {
    for (const [key] of DATA_LICENSES) expect(terms(key).commercialUse.kind, key).toBe("allowed");
  });

  it("knows which are share-alike: ODbL §4.4 and CDLA-Sharing §3.1(a); the others are not", () => {
    expect(terms("odbl").adaptations).toMatchObject({ kind: "share-alike", source: { section: "§4.4(a)" } });
    expect(terms("cdla-sharing-1.0").adaptations).toMatchObject({
      kind: "share-alike",
      source: { section: "§3.1(a)" },
    });
    for (const key of ["odc-by", "pddl", "cdla-permissive-1.0", "cdla-permissive-2.0", "c-uda"])
      expect(terms(key).adaptations, key).toBeUndefined();
  });

  it("says C-UDA and CDLA-Permissive-2.0 put no restriction on models trained on the data", () => {
    expect(terms("c-uda").outputs).toMatchObject({ training: "allowed", source: { section: "§5.5" } });
    expect(terms("cdla-permissive-2.0").outputs).toMatchObject({ training: "allowed", source: { section: "§3.1" } });
  });
});

describe("Creative Commons adaptations", () => {
  it.each([
    ["cc-by-sa-4.0", "share-alike", "§3(b)"],
    ["cc-by-nc-sa-4.0", "share-alike", "§3(b)"],
    ["cc-by-sa-3.0", "share-alike", "§4(b)"],
    ["cc-by-nd-4.0", "no-derivatives", "§2(a)(1)(B)"],
    ["cc-by-nc-nd-3.0", "no-derivatives", "§3"],
  ])("%s is %s (%s)", (key, kind, section) => {
    expect(terms(key).adaptations).toMatchObject({ kind, source: { section } });
  });

  it.each(["cc-by-4.0", "cc-by-nc-4.0", "cc0-1.0"])("%s asks nothing of adaptations", (key) => {
    expect(terms(key).adaptations).toBeUndefined();
  });
});

describe("OpenRAIL-D", () => {
  it("is declared as other + license_name, its facts secondary, with use restrictions passed on", () => {
    expect(catalog.byName("OpenRAIL-D")?.key).toBe("openrail-d");
    expect(catalog.byName("Open RAIL-D")?.key).toBe("openrail-d");
    expect(terms("openrail-d").useRestrictions).toMatchObject({ mustPassOn: true, source: { secondary: true } });
    for (const source of sourcesOf("openrail-d")) expect(source.url).toMatch(/^https:\/\//);
  });
});
