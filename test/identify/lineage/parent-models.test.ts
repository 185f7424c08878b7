import { describe, expect, it } from "vitest";
import { parentModels } from "../../../src/identify/lineage/parent-models.js";
import { hubApiFixture } from "../../support/fixtures.js";
import { snapshotOf } from "../../support/snapshots.js";

const parents = (info: Record<string, unknown>) =>
  parentModels(snapshotOf({ id: "org/child", sha: "a".repeat(40), ...info } as never)).map((parent) => [
    parent.id,
    parent.relation,
  ]);

describe("parentModels", () => {
  it("reads the Hub's tags of a real fine-tune (zephyr-7b-beta)", () => {
    const info = hubApiFixture("HuggingFaceH4__zephyr-7b-beta");
    expect(parentModels(snapshotOf(info)).map((parent) => [parent.id, parent.relation])).toEqual([
      ["mistralai/Mistral-7B-v0.1", "finetune"],
    ]);
  });

  it.each([
    [
      "a relation tag",
      { tags: ["base_model:quantized:meta-llama/Llama-4-Scout-17B-16E"] },
      [["meta-llama/Llama-4-Scout-17B-16E", "quantized"]],
    ],
    [
      "tags win over a stale card name",
      {
        tags: ["base_model:meta-llama/Llama-3.1-8B", "base_model:finetune:meta-llama/Llama-3.1-8B"],
        cardData: { base_model: "meta-llama/Meta-Llama-3.1-8B" },
      },
      [["meta-llama/Llama-3.1-8B", "finetune"]],
    ],
    [
      "the card when the Hub gives nothing",
      { cardData: { base_model: "org/base", base_model_relation: "adapter" } },
      [["org/base", "adapter"]],
    ],
    [
      "a list-valued base_model is a merge",
      { cardData: { base_model: ["org/a", "org/b"] } },
      [
        ["org/a", "merge"],
        ["org/b", "merge"],
      ],
    ],
    [
      "baseModels as recorded",
      { baseModels: { relation: "merge", models: [{ id: "org/a" }, { _id: "x", id: "org/b" }] } },
      [
        ["org/a", "merge"],
        ["org/b", "merge"],
      ],
    ],
    ["baseModels as a list of ids", { baseModels: ["org/a"] }, [["org/a", "finetune"]]],
    [
      "nonsense is left out",
      { cardData: { base_model: ["not a model id", 42, "../etc", "org/ok"] } },
      [["org/ok", "merge"]],
    ],
    ["nothing", {}, []],
  ])("%s", (_name, info, expected) => {
    expect(parents(info)).toEqual(expected);
  });
});
