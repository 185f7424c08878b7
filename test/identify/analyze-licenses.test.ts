import { describe, expect, it } from "vitest";
import { shippedReferences } from "../../src/acquire/reference-data.js";
import { getCatalog } from "../../src/catalog/catalog.js";
import { analyzeLicenses } from "../../src/identify/analyze-licenses.js";
import { parseFrontMatter } from "../../src/identify/card/parse-front-matter.js";
import type { ModelSnapshot } from "../../src/types/snapshot.js";
import { fixtureText, hubApiFixture } from "../support/fixtures.js";
import { snapshotOf, snapshotWith } from "../support/snapshots.js";

const analyze = (snapshot: ModelSnapshot) =>
  analyzeLicenses(
    snapshot,
    parseFrontMatter(snapshot.texts.find((file) => file.role === "readme")?.text ?? ""),
    getCatalog(),
    shippedReferences,
  );

describe("analyzeLicenses", () => {
  it.each([
    ["a Hub id in card and tag", { license: "apache-2.0" }, ["license:apache-2.0"], ["apache-2.0"]],
    ["upper case folded to the Hub id", { license: "Apache-2.0" }, [], ["apache-2.0"]],
    ["a list of licenses", { license: ["mit", "apache-2.0"] }, [], ["mit", "apache-2.0"]],
    ["`other` named by license_name", { license: "other", license_name: "llama4" }, ["license:other"], ["llama4"]],
    ["a license_name variant", { license: "other", license_name: "deepseek-license" }, [], ["deepseek"]],
    [
      "a free-form license_name we do not know",
      { license: "other", license_name: "Acme Model License v2" },
      [],
      ["acme-model-license-v2"],
    ],
    ["an SPDX id as SPDX spells it", { license: "Apache-2.0" }, [], ["apache-2.0"]],
    ["an SPDX id the Hub does not list", { license: "BSD-4-Clause" }, [], ["BSD-4-Clause"]],
    ["an SPDX expression", { license: "apache-2.0 OR mit" }, [], ["apache-2.0", "mit"]],
    ["an expression with a model license", { license: "(llama3.1 AND cc-by-4.0)" }, [], ["llama3.1", "cc-by-4.0"]],
    ["license_name without license", { license_name: "deepseek" }, [], ["deepseek"]],
    ["`license: llama4` beside `license_name: llama4`", { license: "llama4", license_name: "llama4" }, [], ["llama4"]],
    ["only a tag", null, ["license:cc-by-nc-4.0"], ["cc-by-nc-4.0"]],
  ])("%s", (_name, cardData, tags, ids) => {
    expect(analyze(snapshotWith(cardData, tags)).ids).toEqual(ids);
  });

  it.each([
    ["`other` without license_name", { license: "other" }, ["license:other"], ["other"]],
    ["`unknown`", { license: "unknown" }, [], ["unknown"]],
    ["a number", { license: 42 }, [], ["42"]],
    ["an empty string", { license: " " }, [], [""]],
    ["a broken expression", { license: "mit OR" }, [], ["mit OR"]],
  ])("%s names no license", (_name, cardData, tags, values) => {
    const analysis = analyze(snapshotWith(cardData, tags));
    expect(analysis.ids).toEqual([]);
    expect(analysis.unidentified.map((entry) => entry.value)).toEqual(values);
  });

  it("cites the README line of the card's license and the Hub's tag", () => {
    const readme = "---\nlanguage: en\nlicense: llama3\n---\n";
    const analysis = analyze(snapshotWith({ language: "en", license: "llama3" }, ["license:llama3"], readme));
    expect(analysis.licenses).toEqual([
      {
        id: "llama3",
        name: expect.stringContaining("Llama 3 Community License Agreement"),
        known: true,
        sources: ["declared"],
        evidence: [
          {
            source: "card",
            path: ["license"],
            commit: "a".repeat(40),
            file: "README.md",
            line: 3,
            quote: "license: llama3",
          },
          { source: "tag", tag: "license:llama3" },
        ],
      },
    ]);
  });

  it("identifies the gate prompt of a gated model: the Llama 3 license and its use policy, unchanged", () => {
    const analysis = analyze(snapshotOf(hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct")));
    expect(analysis.ids).toEqual(["llama3"]);
    expect(analysis.licenses[0]).toMatchObject({ id: "llama3", sources: ["declared", "detected"] });
    expect(analysis.texts).toEqual([
      expect.objectContaining({
        origin: { kind: "card", path: ["extra_gated_prompt"] },
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        unexplained: 0,
      }),
    ]);
    expect(analysis.texts[0]!.matches.map((match) => [match.document, match.kind])).toEqual([
      ["llama3", "exact"],
      ["llama3-aup", "exact"],
    ]);
  });

  it("finds nothing for a model that declares nothing", () => {
    const analysis = analyze(snapshotOf(hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english")));
    expect(analysis).toEqual({
      ids: [],
      licenses: [],
      expression: null,
      unidentified: [],
      texts: [],
      tree: null,
      choices: [],
    });
  });
});

describe("analyzeLicenses without the Hub's cardData", () => {
  it("falls back to the README front matter", () => {
    const analysis = analyze(snapshotWith(null, [], "---\nlicense: other\nlicense_name: llama4\n---\n"));
    expect(analysis.ids).toEqual(["llama4"]);
    expect(analysis.licenses[0]!.evidence[0]).toMatchObject({ source: "card", path: ["license"], line: 2 });
  });
});

describe("declared expressions", () => {
  it.each([
    [{ license: "apache-2.0" }, "Apache-2.0"],
    [{ license: "apache-2.0 OR mit" }, "(Apache-2.0 OR MIT)"],
    [{ license: ["mit", "llama3.2"] }, "MIT AND LicenseRef-lic-llama3.2"],
    [{ license: "openrail++" }, "LicenseRef-lic-openrail-plus-plus"],
    [{ license: "GPL-2.0-only WITH Classpath-exception-2.0" }, "GPL-2.0-only WITH Classpath-exception-2.0"],
    [{ license: "other", license_name: "llama4" }, "LicenseRef-lic-llama4"],
  ])("%j → %s", (cardData, expression) => {
    expect(analyze(snapshotWith(cardData)).expression).toBe(expression);
  });
});

describe("detected licenses", () => {
  const withLicenseFile = (cardData: Record<string, string> | null, text: string) =>
    snapshotOf({ id: "org/model", sha: "b".repeat(40), ...(cardData ? { cardData, tags: [] } : {}) }, [
      { path: "LICENSE", role: "license", text },
    ]);

  it("identifies an undeclared license from its text", () => {
    const analysis = analyze(withLicenseFile(null, fixtureText("license-texts/mit.txt")));
    expect(analysis.ids).toEqual(["mit"]);
    expect(analysis.licenses[0]).toMatchObject({
      sources: ["detected"],
      evidence: [{ source: "file", file: "LICENSE", line: 1, quote: "MIT License" }],
    });
  });

  it("adds a shipped license the metadata does not declare", () => {
    const analysis = analyze(withLicenseFile({ license: "apache-2.0" }, fixtureText("license-texts/llama4.txt")));
    expect(analysis.ids).toEqual(["apache-2.0", "llama4"]);
  });

  it("does not take a modified license text as the license", () => {
    const edited = fixtureText("license-texts/llama3.2.txt").replace(
      "greater than 700 million monthly active users",
      "greater than 7 billion monthly active users",
    );
    const analysis = analyze(withLicenseFile(null, edited));
    expect(analysis.ids).toEqual([]);
    expect(analysis.texts[0]!.matches).toEqual([expect.objectContaining({ id: "llama3.2", kind: "near" })]);
  });
});
