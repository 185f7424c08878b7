import { describe, expect, it } from "vitest";
import { declaredDatasets } from "../../../src/identify/dataset/declared-datasets.js";
import type { JsonValue } from "../../../src/types/snapshot.js";
import { snapshotOf } from "../../support/snapshots.js";

const SHA = "1".repeat(40);
const ids = (key: "datasets" | "source_datasets", value: JsonValue) =>
  declaredDatasets(snapshotOf({ id: "org/repo", sha: SHA, cardData: { [key]: value } }), key).map(
    (dataset) => dataset.id,
  );

describe("declaredDatasets", () => {
  it.each<[JsonValue, string[]]>([
    ["rajpurkar/squad", ["rajpurkar/squad"]],
    [
      ["imdb", "org/name", "ORG/name"],
      ["imdb", "org/name"],
    ],
    [["https://example.com/data", "free text here", 3, null, { id: "org/x" }], []],
    [null, []],
  ])("a model's datasets %j → %j", (value, expected) => {
    expect(ids("datasets", value)).toEqual(expected);
  });

  it.each<[JsonValue, string[]]>([
    [["original"], []],
    [["extended|wikipedia"], ["wikipedia"]],
    [["extended|org/base", "original", "Extended"], ["org/base"]],
    ["extended|other|squad", ["squad"]],
    [["extended|"], []],
  ])("a dataset's source_datasets %j → %j", (value, expected) => {
    expect(ids("source_datasets", value)).toEqual(expected);
  });

  it("says where each is named, string or list", () => {
    const one = declaredDatasets(snapshotOf({ id: "o/r", sha: SHA, cardData: { datasets: "o/d" } }), "datasets");
    expect(one[0]?.evidence).toEqual([{ source: "card", path: ["datasets"], commit: SHA }]);
    const list = declaredDatasets(
      snapshotOf({ id: "o/r", sha: SHA, cardData: { datasets: ["x", "o/d"] } }),
      "datasets",
    );
    expect(list[1]?.evidence).toEqual([{ source: "card", path: ["datasets", 1], commit: SHA }]);
  });
});
