import { describe, expect, it } from "vitest";
import { BomFormatError, parseHubUrl, parsePurl, readBom } from "../../src/bom/read-bom.js";
import { formatCycloneDx } from "../../src/report/cyclonedx.js";
import { formatSpdx } from "../../src/report/spdx.js";
import { BOM_CASES } from "../support/bom-reports.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const cyclonedx = (components: unknown[]) => JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components });

describe("parsePurl", () => {
  it.each([
    [`pkg:huggingface/acme/legal-llama-8b@${SHA}`, { id: "acme/legal-llama-8b", revision: SHA }],
    [`pkg:huggingface/distilbert-base-uncased@${SHA.toUpperCase()}`, { id: "distilbert-base-uncased", revision: SHA }],
    ["pkg:huggingface/org/name", { id: "org/name", revision: null }],
    [`pkg:huggingface/org/name@${SHA}?repository_url=https://huggingface.co`, { id: "org/name", revision: SHA }],
    [
      `pkg:huggingface/org/name@${SHA}?repository_url=https://hub-ci.huggingface.co`,
      { reason: expect.stringMatching(/not the Hugging Face Hub/) },
    ],
    ["pkg:huggingface/a/b/c", { reason: expect.stringMatching(/org\/name@commit/) }],
    ["pkg:huggingface/org/%E0%A4%A", { reason: expect.stringMatching(/percent-encoding/) }],
  ])("%s", (purl, expected) => {
    expect(parsePurl(purl)).toEqual(expected);
  });
});

describe("parseHubUrl", () => {
  it.each([
    ["https://huggingface.co/org/name", { id: "org/name", revision: null, isDataset: false }],
    [`https://huggingface.co/org/name/tree/${SHA}`, { id: "org/name", revision: SHA, isDataset: false }],
    ["https://hf.co/org/name/resolve/main/model.safetensors", { id: "org/name", revision: "main", isDataset: false }],
    ["https://huggingface.co/datasets/org/data", { id: "org/data", revision: null, isDataset: true }],
    ["https://huggingface.co/gpt2", { id: "gpt2", revision: null, isDataset: false }],
    ["https://huggingface.co/gpt2/blob/main/README.md", { id: "gpt2", revision: "main", isDataset: false }],
    ["https://huggingface.co/spaces/org/app", { reason: expect.stringMatching(/Space/) }],
    ["https://huggingface.co/docs/hub", { reason: expect.stringMatching(/names no model/) }],
    ["https://github.com/org/name", null],
    ["not a url", null],
  ])("%s", (url, expected) => {
    expect(parseHubUrl(url)).toEqual(expected);
  });
});

describe("readBom", () => {
  it("reads back every model, ancestor-free, and dataset of lic's own CycloneDX and SPDX", () => {
    const report = BOM_CASES["with-datasets"]();
    const model = { id: report.results[0]!.model, revision: report.results[0]!.revision };
    const datasets = [
      { id: "bookcorpus/bookcorpus", revision: "f".repeat(40), repoType: "dataset" },
      { id: "wikimedia/wikipedia", revision: "9".repeat(40), repoType: "dataset" },
      { id: "private-org/held-out", revision: null, repoType: "dataset" },
    ];
    expect(readBom(formatCycloneDx(report))).toEqual({
      format: "cyclonedx",
      refs: [model, ...datasets],
      unmapped: [],
      ignored: 0,
    });
    // SPDX lists the ancestors as packages of their own (none here) and the tool's agents, which name no repo.
    expect(readBom(formatSpdx(report))).toEqual({
      format: "spdx",
      refs: [model, ...datasets],
      unmapped: [],
      ignored: 0,
    });
  });

  it("finds repos by purl, by Hub URL, by a model's Hub id as its name; ignores the rest; says what it cannot map", () => {
    const bom = cyclonedx([
      { type: "library", name: "left-pad", purl: "pkg:npm/left-pad@1.3.0" },
      { type: "machine-learning-model", name: "gpt2", purl: `pkg:huggingface/gpt2@${SHA}` },
      {
        type: "application",
        name: "app",
        components: [
          {
            type: "library",
            name: "x",
            externalReferences: [{ type: "website", url: "https://huggingface.co/org/from-url" }],
          },
        ],
      },
      { type: "machine-learning-model", name: "org/by-name", version: SHA },
      { type: "machine-learning-model", name: "a local model" },
      {
        type: "data",
        name: "corpus",
        data: [{ type: "dataset", name: "x", contents: { url: "https://huggingface.co/datasets/org/corpus" } }],
      },
      {
        type: "machine-learning-model",
        name: "demo",
        externalReferences: [{ type: "website", url: "https://huggingface.co/spaces/org/demo" }],
      },
      { type: "machine-learning-model", name: "bad", purl: "pkg:huggingface/org/bad..name" },
    ]);
    expect(readBom(bom)).toEqual({
      format: "cyclonedx",
      refs: [
        { id: "gpt2", revision: SHA },
        { id: "org/from-url", revision: null },
        { id: "org/by-name", revision: SHA },
        { id: "org/corpus", revision: null, repoType: "dataset" },
      ],
      unmapped: [
        {
          where: "components[6]",
          value: "https://huggingface.co/spaces/org/demo",
          reason: expect.stringMatching(/Space/),
        },
        { where: "components[7]", value: "pkg:huggingface/org/bad..name", reason: expect.stringMatching(/'\.\.'/) },
      ],
      ignored: 3,
    });
  });

  it.each([
    ["{", /is not JSON/],
    ["[]", /is not a JSON object/],
    [JSON.stringify({ spdxVersion: "SPDX-2.3" }), /SPDX-2.3 JSON: lic reads SPDX 3.0 JSON-LD and CycloneDX JSON/],
    [JSON.stringify({ hello: "world" }), /neither a CycloneDX JSON BOM .* nor an SPDX 3.0 JSON-LD document/],
    [JSON.stringify({ bomFormat: "CycloneDX", components: {} }), /the BOM's "components" is not a list/],
    [cyclonedx(["x"]), /components\[0\] is not an object/],
    [JSON.stringify({ "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld" }), /has no "@graph" list/],
  ])("refuses %s", (text, message) => {
    expect(() => readBom(text)).toThrow(BomFormatError);
    expect(() => readBom(text)).toThrow(message);
  });
});
