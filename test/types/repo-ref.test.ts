import { describe, expect, it } from "vitest";
import { parseModelRef, parseRepoRef } from "../../src/types/repo-ref.js";

describe("parseModelRef", () => {
  it.each([
    ["meta-llama/Llama-4-Scout-17B-16E-Instruct", "meta-llama/Llama-4-Scout-17B-16E-Instruct", null],
    ["gpt2", "gpt2", null],
    ["bert-base-uncased", "bert-base-uncased", null],
    ["google/flan-t5-large@main", "google/flan-t5-large", "main"],
    ["org/name@refs/pr/1", "org/name", "refs/pr/1"],
    ["org/name@5f0b02c75b57c5855da9ae460ce51323ea669d8a", "org/name", "5f0b02c75b57c5855da9ae460ce51323ea669d8a"],
    ["TheBloke/Llama-2-7B-GGUF", "TheBloke/Llama-2-7B-GGUF", null],
    ["org/model.v1_2", "org/model.v1_2", null],
  ])("accepts %s", (input, id, revision) => {
    expect(parseModelRef(input)).toEqual({ ok: true, ref: { id, revision } });
  });

  it.each([
    ["", "empty"],
    ["org/na me", "white space"],
    ["org /name", "white space"],
    ["../etc/passwd", "'..'"],
    ["org/..", "'..'"],
    ["org/%2e%2e", "'%'"],
    ["org%2Fname", "'%'"],
    ["org/name\u0000", "control character"],
    ["org/name\u001b[31m", "control character"],
    ["a/b/c", "more than one '/'"],
    ["/name", "empty part"],
    ["org/", "empty part"],
    ["org/-name", "must start and end"],
    ["org/name.", "must start and end"],
    ["org/na--me", "'--'"],
    ["org/name.git", "'.git'"],
    [`org/${"x".repeat(97)}`, "longer than 96"],
    ["org/name@", "revision after '@' is empty"],
    ["org/name@bad rev", "white space"],
    ["org/name@a..b", "'..'"],
    ["org/name@x?y", "a revision may only contain"],
    [`org/name@${"a".repeat(256)}`, "longer than 255"],
  ])("refuses %j", (input, reason) => {
    const parsed = parseModelRef(input);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.reason).toContain(reason);
  });
});

describe("parseRepoRef", () => {
  it.each([
    ["dataset:rajpurkar/squad", "model", { id: "rajpurkar/squad", revision: null, repoType: "dataset" }],
    ["dataset:squad", "model", { id: "squad", revision: null, repoType: "dataset" }],
    [
      "dataset:org/name@refs/convert/parquet",
      "model",
      { id: "org/name", revision: "refs/convert/parquet", repoType: "dataset" },
    ],
    ["imdb", "dataset", { id: "imdb", revision: null, repoType: "dataset" }],
    ["org/name@v1.0", "dataset", { id: "org/name", revision: "v1.0", repoType: "dataset" }],
    ["model:org/name", "dataset", { id: "org/name", revision: null }],
    ["model:gpt2@main", "model", { id: "gpt2", revision: "main" }],
    ["org/name", "model", { id: "org/name", revision: null }],
  ] as const)("reads %s (default %s)", (input, defaultType, ref) => {
    expect(parseRepoRef(input, defaultType)).toEqual({ ok: true, ref });
  });

  it.each([
    ["dataset:", "the dataset id is empty"],
    ["dataset:a/b/c", "a dataset id is 'org/name' or 'name'"],
    ["dataset:../x", "the dataset id contains '..'"],
    ["dataset:org/na me", "the dataset id contains white space"],
    ["dataset:org/x@", "revision after '@' is empty"],
    ["space:org/name", "a dataset id may only contain"],
    ["https://huggingface.co/datasets/org/name", "a dataset id is 'org/name' or 'name'"],
  ])("refuses %j, naming a dataset", (input, reason) => {
    const parsed = parseRepoRef(input, "dataset");
    expect(parsed.ok ? "" : parsed.reason).toContain(reason);
  });

  it("keeps parseModelRef's wording for models", () => {
    expect(parseRepoRef("model:a/b/c", "dataset")).toEqual(parseModelRef("a/b/c"));
  });
});
