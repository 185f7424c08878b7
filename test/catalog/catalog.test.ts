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

  it("names the licensor and its own Hub namespaces, cited, for each company's license", () => {
    const namespaces = (key: string) => catalog.get(key)?.licensor?.namespaces;
    for (const key of ["llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4"]) {
      expect(namespaces(key), key).toEqual(["meta-llama", "facebook"]);
      expect(catalog.get(key)!.licensor!.source.quote).toContain("means Meta Platforms Ireland Limited");
    }
    expect(namespaces("gemma")).toEqual(["google"]);
    expect(namespaces("qwen")).toEqual(["Qwen"]);
    expect(namespaces("tongyi-qianwen")).toEqual(["Qwen"]);
    expect(namespaces("deepseek")).toEqual(["deepseek-ai"]);
    expect(namespaces("stabilityai-community")).toEqual(["stabilityai"]);
    expect(namespaces("nvidia-open-model")).toEqual(["nvidia"]);
    expect(namespaces("falcon-2-11b-tii")).toEqual(["tiiuae"]);
    expect(namespaces("flux-1-dev-non-commercial")).toEqual(["black-forest-labs"]);
    expect(namespaces("mistral-mrl")).toEqual(["mistralai"]);
    expect(namespaces("tencent-hunyuan-community")).toEqual(["tencent"]);
    // A license anyone may apply has no licensor of its own.
    expect(catalog.get("apache-2.0")?.licensor).toBeUndefined();
    for (const entry of catalog.entries.filter((candidate) => candidate.licensor)) {
      expect(entry.licensor!.namespaces.length, entry.key).toBeGreaterThan(0);
      expect(entry.licensor!.source.url, entry.key).toMatch(/^https:\/\//);
      // A source that is not the license's own text says so.
      if (!entry.licensor!.source.quote) expect(entry.licensor!.source.secondary, entry.key).toBe(true);
    }
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

describe("the licenses of 2026", () => {
  // key, `license_name` variants seen on (or derived from) Hub cards, commercial-use kind, where its facts are cited.
  it.each([
    ["nvidia-open-model", ["nvidia-open-model-license"], "allowed", "https://github.com/aboutcode-org/"],
    ["nvidia-open-model-2024-06", ["NVIDIA Open Model License (June 2024)"], "allowed", "https://www.nvidia.com/"],
    [
      "nvidia-open-model-2025-10-24",
      ["nvidia-open-model-license-2025-10-24", "NVIDIA Open Model License Agreement (October 24, 2025)"],
      "allowed",
      "https://www.nvidia.com/",
    ],
    [
      "nvidia-nemotron-open-model",
      ["nvidia-nemotron-open-model-license", "NVIDIA Nemotron Open Model License"],
      "allowed",
      "https://github.com/aboutcode-org/scancode-toolkit/issues/4897",
    ],
    [
      "flux-1-dev-non-commercial",
      ["flux-1-dev-non-commercial-license"],
      "forbidden",
      "https://github.com/black-forest-labs/",
    ],
    [
      "flux-dev-non-commercial",
      ["flux-dev-non-commercial-license", "FLUX_dev_non_commercial_license"],
      "forbidden",
      "https://docs.us.bfl.ai/",
    ],
    [
      "modified-mit",
      ["modified-mit", "Modified MIT License"],
      "conditional",
      "https://github.com/aboutcode-org/scancode-licensedb/",
    ],
    ["tii-falcon-2.0", ["falcon-llm-license", "TII Falcon License 2.0"], "allowed", "https://falconllm.tii.ae/"],
    [
      "exaone-ai-model-1.1-nc",
      ["exaone", "EXAONE AI Model License Agreement 1.1 - NC"],
      "forbidden",
      "https://github.com/aboutcode-org/scancode-licensedb/",
    ],
  ] as const)("%s: by name %j, commercial use %s, cited at %s", (key, names, commercial, url) => {
    for (const name of [key, ...names]) expect(catalog.byName(name)?.key, name).toBe(key);
    const terms = catalog.get(key)!.terms!;
    expect(terms.commercialUse.kind).toBe(commercial);
    expect(terms.commercialUse.source.url.startsWith(url), terms.commercialUse.source.url).toBe(true);
  });

  it("marks every fact of a license whose text was not read as secondary", () => {
    for (const key of [
      "nvidia-open-model-2024-06",
      "nvidia-open-model-2025-10-24",
      "nvidia-nemotron-open-model",
      "flux-dev-non-commercial",
      "tii-falcon-2.0",
    ]) {
      for (const source of sourcesOf(catalog.get(key)!))
        expect(source.secondary, `${key}: ${source.document}`).toBe(true);
    }
  });

  it("modified MIT: commercial use allowed, with a display duty above 100 million monthly active users", () => {
    const use = catalog.get("modified-mit")!.terms!.commercialUse;
    expect(use.kind === "conditional" && use.conditions).toEqual([
      expect.objectContaining({
        kind: "monthly-active-users",
        threshold: 100_000_000,
        consequence: expect.stringContaining('"Kimi K2"'),
      }),
    ]);
    expect(use.source.quote).toContain('prominently display "Kimi K2"');
  });

  it("EXAONE 1.1-NC: research only, an EXAONE name prefix, no training of other models on outputs, Korean law", () => {
    const terms = catalog.get("exaone-ai-model-1.1-nc")!.terms!;
    expect(terms.commercialUse).toMatchObject({ kind: "forbidden", scope: "research-only" });
    expect(terms.obligations).toContainEqual(expect.objectContaining({ kind: "name-prefix", text: "EXAONE" }));
    expect(terms.outputs.training).toBe("forbidden");
    expect(terms.governingLaw?.law).toContain("Republic of Korea");
  });

  it("gpt-oss's usage policy is a use policy beside Apache-2.0, read at a pinned commit", () => {
    const policy = catalog.byName("gpt-oss-usage-policy")!;
    expect(policy).toMatchObject({ kind: "use-policy", partOf: "apache-2.0" });
    expect(policy.url).toMatch(/^https:\/\/github\.com\/openai\/gpt-oss\/blob\/[0-9a-f]{40}\/USAGE_POLICY$/);
  });

  it("HAI-DEF's terms are catalogued by title, date and address only, and the cards' name is left unmapped", () => {
    const hai = catalog.get("health-ai-developer-tou-2024")!;
    expect(hai.url).toBe("https://developers.google.com/health-ai-developer-foundations/terms");
    expect(hai.terms).toBeUndefined();
    // Unread terms must not silence license-not-in-catalog (src/catalog/licenses/google-health.ts says why).
    expect(catalog.byName("health-ai-developer-foundations")).toBeUndefined();
  });
});

describe("OSI's stance", () => {
  it.each(HAND_WRITTEN.filter((entry) => entry.osi.stance).map((entry) => [entry.key, entry.osi.stance!] as const))(
    "%s: OSI's statement names an opensource.org page",
    (_key, stance) => {
      expect(new URL(stance.url).hostname).toMatch(/(^|\.)opensource\.org$/);
      expect(stance.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );
});
