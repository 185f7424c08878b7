import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/card/parse-front-matter.js";
import { analyzeLicenses } from "../../src/license/analyze-licenses.js";
import type { ModelSnapshot } from "../../src/types.js";
import { hubApiFixture } from "../support/fixtures.js";
import { snapshotOf, snapshotWith } from "../support/snapshots.js";

const analyze = (snapshot: ModelSnapshot) =>
  analyzeLicenses(snapshot, parseFrontMatter(snapshot.texts.find((file) => file.role === "readme")?.text ?? ""));

describe("analyzeLicenses", () => {
  it.each([
    ["a Hub id in card and tag", { license: "apache-2.0" }, ["license:apache-2.0"], ["apache-2.0"]],
    ["upper case folded to the Hub id", { license: "Apache-2.0" }, [], ["apache-2.0"]],
    ["a list of licenses", { license: ["mit", "apache-2.0"] }, [], ["mit", "apache-2.0"]],
    ["`other` named by license_name", { license: "other", license_name: "llama4" }, ["license:other"], ["llama4"]],
    ["a free-form license_name", { license: "other", license_name: "FLUX.1 [dev] Non-Commercial License" }, [], ["flux.1-dev-non-commercial-license"]],
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
  ])("%s names no license", (_name, cardData, tags, values) => {
    const analysis = analyze(snapshotWith(cardData, tags));
    expect(analysis.ids).toEqual([]);
    expect(analysis.unidentified.map((entry) => entry.value)).toEqual(values);
  });

  it("cites the README line of the card's license and the Hub's tag", () => {
    const readme = "---\nlanguage: en\nlicense: llama3\n---\n";
    const analysis = analyze(snapshotWith({ language: "en", license: "llama3" }, ["license:llama3"], readme));
    expect(analysis.mentions).toEqual([
      {
        id: "llama3",
        evidence: [
          { source: "card", path: ["license"], commit: "a".repeat(40), file: "README.md", line: 3, quote: "license: llama3" },
          { source: "tag", tag: "license:llama3" },
        ],
      },
    ]);
  });

  it("lists the gate prompt of a gated model as a license text", () => {
    const analysis = analyze(snapshotOf(hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct")));
    expect(analysis.ids).toEqual(["llama3"]);
    expect(analysis.texts).toEqual([
      { origin: { kind: "card", path: ["extra_gated_prompt"] }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: expect.any(Number), truncated: false },
    ]);
    expect(analysis.texts[0]!.bytes).toBeGreaterThan(10_000);
  });

  it("finds nothing for a model that declares nothing", () => {
    const analysis = analyze(snapshotOf(hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english")));
    expect(analysis).toEqual({ ids: [], mentions: [], unidentified: [], texts: [] });
  });
});

describe("analyzeLicenses without the Hub's cardData", () => {
  it("falls back to the README front matter", () => {
    const analysis = analyze(snapshotWith(null, [], "---\nlicense: other\nlicense_name: llama4\n---\n"));
    expect(analysis.ids).toEqual(["llama4"]);
    expect(analysis.mentions[0]!.evidence[0]).toMatchObject({ source: "card", path: ["license"], line: 2 });
  });
});
