import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCatalog, HAND_WRITTEN, SPDX_LIST } from "../../src/catalog/catalog.js";
import { HUB_LICENSES } from "../../src/catalog/hub-licenses.js";
import type { CatalogEntry, Source } from "../../src/catalog/types.js";
import { isDomicileCode } from "../../src/policy/eu-members.js";

const catalog = buildCatalog();

function sourcesOf(entry: CatalogEntry): Source[] {
  const terms = entry.terms;
  if (!terms) return [];
  return [
    terms.commercialUse.source,
    ...terms.geographic.map((item) => item.source),
    ...(terms.useRestrictions ? [terms.useRestrictions.source] : []),
    ...terms.obligations.map((item) => item.source),
    terms.outputs.source,
    ...terms.termination.map((item) => item.source),
    ...(terms.governingLaw ? [terms.governingLaw.source] : []),
  ];
}

describe("the catalog", () => {
  it("has unique keys", () => {
    const keys = catalog.entries.map((entry) => entry.key);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it("knows every SPDX license with its OSI flag (SPDX License List 3.28.0: 727, 149 OSI-approved)", () => {
    expect(Object.keys(SPDX_LIST)).toHaveLength(727);
    for (const [id, spdx] of Object.entries(SPDX_LIST)) {
      expect(catalog.bySpdx(id)?.osi.approved, id).toBe(spdx.osiApproved);
    }
    expect(Object.keys(SPDX_LIST).filter((id) => catalog.bySpdx(id)!.osi.approved)).toHaveLength(149);
  });

  it.each(HUB_LICENSES.filter((hub) => hub.id !== "other" && hub.id !== "unknown").map((hub) => [hub.id, hub.spdx]))(
    "maps the Hub id %s (SPDX %s)",
    (id, spdx) => {
      const entry = catalog.byName(id!);
      expect(entry?.hubIds).toContain(id);
      expect(entry?.spdx ?? null).toBe(spdx);
    },
  );

  it.each(HAND_WRITTEN.map((entry) => [entry.key, entry] as const))("%s is well-formed", (_key, entry) => {
    if (entry.spdx) expect(SPDX_LIST[entry.spdx], `${entry.key}: SPDX id ${entry.spdx}`).toBeDefined();
    if (entry.spdx) expect(entry.osi.approved).toBe(SPDX_LIST[entry.spdx]!.osiApproved);
    if (entry.kind === "use-policy") expect(catalog.get(entry.partOf ?? "")?.kind).toBe("license");
    if (entry.terms?.useRestrictions?.catalogKey)
      expect(catalog.get(entry.terms.useRestrictions.catalogKey)).toBeDefined();
    expect(entry.url).toMatch(/^https:\/\//);
    for (const source of sourcesOf(entry)) {
      expect(source.url, `${entry.key}: ${source.document}`).toMatch(/^https:\/\//);
      expect(source.document.length).toBeGreaterThan(3);
    }
    for (const condition of entry.terms?.commercialUse.kind === "conditional"
      ? entry.terms.commercialUse.conditions
      : []) {
      if (condition.kind === "monthly-active-users") expect(condition.threshold).toBeGreaterThan(0);
    }
  });

  it.each([
    "llama2",
    "llama3",
    "llama3.1",
    "llama3.2",
    "llama3.3",
    "llama4",
    "gemma",
    "creativeml-openrail-m",
    "openrail++",
    "bigscience-openrail-m",
    "bigscience-bloom-rail-1.0",
    "bigcode-openrail-m",
    "deepseek",
    "tongyi-qianwen",
    "tongyi-qianwen-research",
    "qwen",
    "stabilityai-community",
    "nvidia-open-model",
    "falcon-2-11b-tii",
    "mistral-mrl",
    "mistral-mnpl",
    "apple-ascl",
    "apple-amlr",
    "fair-noncommercial-research-license",
    "microsoft-research",
    "flux-1-dev-non-commercial",
    "cc-by-nc-4.0",
    "cc-by-nc-sa-4.0",
    "cc-by-nc-nd-4.0",
    "openmdw-1.0",
  ])("writes up the terms of %s", (key) => {
    expect(catalog.get(key)?.terms, key).toBeDefined();
  });
});

describe("legal facts", () => {
  const terms = (key: string) => catalog.get(key)!.terms!;

  it("the Llama 3.2, 3.3 and 4 use policies deny multimodal rights to EU-domiciled licensees; 3.1 does not", () => {
    for (const key of ["llama3.2", "llama3.3", "llama4"]) {
      expect(terms(key).geographic).toEqual([
        expect.objectContaining({
          territories: ["EU"],
          appliesTo: "multimodal-models",
          endUsersExempt: true,
          excludes: ["individuals-domiciled", "companies-principal-place-of-business"],
        }),
      ]);
      expect(terms(key).geographic[0]!.source.quote).toContain("principal place of business in, the European Union");
    }
    expect(terms("llama3.1").geographic).toEqual([]);
    expect(terms("llama2").geographic).toEqual([]);
  });

  it("Tencent Hunyuan's community license does not apply in the EU, the UK and South Korea, for every model", () => {
    expect(terms("tencent-hunyuan-community").geographic).toEqual([
      expect.objectContaining({ territories: ["EU", "GB", "KR"], appliesTo: "all-models" }),
    ]);
    for (const restriction of catalog.entries.flatMap((entry) => entry.terms?.geographic ?? []))
      for (const territory of restriction.territories) expect(isDomicileCode(territory)).toBe(true);
  });

  it("Llama is conditional on 700M monthly active users, and OSI says it is not open source", () => {
    for (const key of ["llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4"]) {
      const use = terms(key).commercialUse;
      expect(use.kind).toBe("conditional");
      expect(use.kind === "conditional" && use.conditions[0]).toMatchObject({
        kind: "monthly-active-users",
        threshold: 700_000_000,
      });
      expect(catalog.get(key)!.osi).toMatchObject({
        approved: false,
        stance: expect.objectContaining({ url: expect.stringContaining("opensource.org") }),
      });
    }
  });

  it("Llama 3.1 and later require 'Built with Llama' and a 'Llama' name prefix; Llama 2 and 3 forbid training other LLMs on outputs", () => {
    expect(terms("llama4").obligations).toContainEqual(
      expect.objectContaining({ kind: "display-attribution", text: "Built with Llama" }),
    );
    expect(terms("llama4").obligations).toContainEqual(expect.objectContaining({ kind: "name-prefix", text: "Llama" }));
    expect(terms("llama3").obligations).toContainEqual(
      expect.objectContaining({ kind: "name-prefix", text: "Llama 3" }),
    );
    expect(terms("llama2").outputs.training).toBe("forbidden");
    expect(terms("llama3").outputs.training).toBe("forbidden");
    expect(terms("llama3.1").outputs.training).toBe("conditional");
  });

  it("non-commercial licenses forbid commercial use", () => {
    for (const key of [
      "cc-by-nc-4.0",
      "fair-noncommercial-research-license",
      "apple-amlr",
      "tongyi-qianwen-research",
      "microsoft-research",
      "mistral-mrl",
      "flux-1-dev-non-commercial",
    ]) {
      expect(terms(key).commercialUse.kind, key).toBe("forbidden");
    }
  });

  it("RAIL licenses require passing on their use restrictions", () => {
    for (const key of [
      "creativeml-openrail-m",
      "openrail++",
      "bigscience-openrail-m",
      "bigscience-bloom-rail-1.0",
      "bigcode-openrail-m",
      "deepseek",
    ]) {
      expect(terms(key).useRestrictions?.mustPassOn, key).toBe(true);
    }
  });

  it("Apache-2.0 and MIT are OSI-approved and allow commercial use", () => {
    for (const key of ["apache-2.0", "mit"]) {
      expect(catalog.get(key)!.osi.approved).toBe(true);
      expect(terms(key).commercialUse.kind).toBe("allowed");
    }
  });

  it("finds licenses by the license_name variants seen on the Hub", () => {
    expect(catalog.byName("deepseek")?.key).toBe("deepseek");
    expect(catalog.byName("deepseek-license")?.key).toBe("deepseek");
    expect(catalog.byName("Llama4")?.key).toBe("llama4");
    expect(catalog.byName("gemma-terms-of-use")?.key).toBe("gemma");
    expect(catalog.byName("tongyi-qianwen-license-agreement")?.key).toBe("tongyi-qianwen");
  });
});

describe("lookup by name", () => {
  it.each([
    ["Apache 2.0", "apache-2.0"],
    ["Apache License 2.0", "apache-2.0"],
    ["MIT License", "mit"],
    ["llama-3.1", "llama3.1"],
    ["Llama 3.2", "llama3.2"],
    ["CC BY-NC 4.0", "cc-by-nc-4.0"],
    ["bsd-3-clause", "bsd-3-clause"],
    ["BSD-3-Clause", "bsd-3-clause"],
  ])("%s → %s", (name, key) => {
    expect(catalog.byName(name)?.key).toBe(key);
  });
});

describe("every license family file is in the catalog", () => {
  const dir = new URL("../../src/catalog/licenses/", import.meta.url);
  it.each(readdirSync(dir).filter((name) => name.endsWith(".ts")))("%s", async (file) => {
    const family = (await import(new URL(file, dir).href)) as Record<string, unknown>;
    const entries = Object.values(family).filter(Array.isArray).flat() as CatalogEntry[];
    expect(entries.length, `${file} exports no entries`).toBeGreaterThan(0);
    const keys = new Set(HAND_WRITTEN.map((entry) => entry.key));
    // A family spread into HAND_WRITTEN (src/catalog/catalog.ts); one left out would be silently absent.
    expect(entries.map((entry) => entry.key).filter((key) => !keys.has(key))).toEqual([]);
  });
});
