import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/evaluate/check-model.js";
import { namedDataset, trainedOn } from "../../support/datasets.js";
import { builtInPolicy, check, checkOptions } from "../../support/policies.js";
import { snapshotWith } from "../../support/snapshots.js";

describe("where the checked repo's card names a dataset", () => {
  const readme = "---\nlicense: apache-2.0\ndatasets:\n- org/first\n- tatsu-lab/alpaca\n---\n# model\n";
  const model = snapshotWith({ license: "apache-2.0", datasets: ["org/first", "tatsu-lab/alpaca"] }, [], readme);
  const alpaca = namedDataset("tatsu-lab/alpaca", { license: "cc-by-nc-4.0" }, { index: 1 });

  it("cites the README line of `datasets[i]`, which acquisition (reading metadata alone) cannot", () => {
    const result = checkModel(model, builtInPolicy("default"), checkOptions({ trainingData: trainedOn(alpaca) }));
    expect(result.datasets?.[0]?.evidence[0]).toMatchObject({
      source: "card",
      path: ["datasets", 1],
      file: "README.md",
      line: 5,
      quote: "- tatsu-lab/alpaca",
    });
    const finding = result.findings.find((each) => each.code === "dataset-non-commercial");
    expect(finding?.evidence[0]).toMatchObject({ line: 5 });
  });

  it("leaves an ancestor's card evidence as it came (its README was not read)", () => {
    const fromAncestor = { ...alpaca, declaredBy: { kind: "model" as const, id: "org/base", sha: "b".repeat(40) } };
    const atAncestor = {
      ...fromAncestor,
      evidence: [{ source: "card" as const, path: ["datasets", 1], commit: "b".repeat(40) }],
    };
    const result = checkModel(model, builtInPolicy("default"), checkOptions({ trainingData: trainedOn(atAncestor) }));
    expect(result.datasets?.[0]?.evidence[0]).not.toHaveProperty("line");
    expect(check(model).datasets).toBeUndefined();
  });
});
