import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/evaluate/check-model.js";
import type { TrainingData } from "../../src/types/training-data.js";
import { datasetSnapshot, generatorModel, namedDataset, trainedOn } from "../support/datasets.js";
import { builtInPolicy, checkOptions, policyFrom } from "../support/policies.js";
import { ancestorWith, snapshotWith } from "../support/snapshots.js";

const model = snapshotWith({ license: "apache-2.0", datasets: ["tatsu-lab/alpaca", "org/synthetic"] });
const trainingData = trainedOn(
  namedDataset("tatsu-lab/alpaca", { license: "cc-by-nc-4.0" }),
  namedDataset(
    "org/synthetic",
    { license: ["cc-by-sa-4.0", "llama3"] },
    { index: 1, generators: [generatorModel("meta-llama/Meta-Llama-3-8B-Instruct", { license: "llama3" })] },
  ),
);

describe("a model's training data", () => {
  it("never changes the model's license: ids, licenses, expression and obligations are those without it", () => {
    for (const name of ["default", "commercial", "osi"]) {
      const without = checkModel(model, builtInPolicy(name), checkOptions());
      const withData = checkModel(model, builtInPolicy(name), checkOptions({ trainingData }));
      expect(withData.license).toEqual(without.license);
      expect(withData.license.ids).toEqual(["apache-2.0"]);
      expect(withData.obligations).toEqual(without.obligations);
      // The datasets' own license findings are not raised on the model: only dataset-* codes are added.
      const added = withData.findings.filter(
        (finding) => !without.findings.some((other) => other.code === finding.code),
      );
      expect(added.every((finding) => finding.code.startsWith("dataset-"))).toBe(true);
    }
  });

  it("lists the datasets with their own licenses, where named and where declared", () => {
    const result = checkModel(model, builtInPolicy("default"), checkOptions({ trainingData }));
    expect(result.repoType).toBeUndefined();
    expect(result.datasets).toEqual([
      {
        id: "tatsu-lab/alpaca",
        sha: "d".repeat(40),
        declaredBy: { kind: "model", id: "org/model", sha: "a".repeat(40) },
        via: "datasets",
        depth: 1,
        licenses: [{ id: "cc-by-nc-4.0", name: "Creative Commons Attribution Non Commercial 4.0", known: true }],
        gated: false,
        evidence: [
          { source: "card", path: ["datasets", 0], commit: "a".repeat(40) },
          { source: "api", field: "tatsu-lab/alpaca:cardData.license", value: "cc-by-nc-4.0" },
        ],
        unavailable: null,
      },
      expect.objectContaining({
        id: "org/synthetic",
        licenses: [expect.objectContaining({ id: "cc-by-sa-4.0" }), expect.objectContaining({ id: "llama3" })],
      }),
    ]);
  });

  it("reports each dataset finding with the dataset's id, and the advisory's sources", () => {
    const result = checkModel(model, builtInPolicy("default"), checkOptions({ trainingData }));
    const datasetFindings = result.findings.filter((finding) => finding.code.startsWith("dataset-"));
    expect(datasetFindings.map((finding) => [finding.code, (finding.args as { dataset: string }).dataset])).toEqual([
      ["dataset-non-commercial", "tatsu-lab/alpaca"],
      ["dataset-share-alike", "org/synthetic"],
      ["dataset-from-restricted-model", "org/synthetic"],
    ]);
    for (const finding of datasetFindings) expect(finding.advisory?.length).toBe(3);
    // The advisory warns; the verdict follows the findings as for any other.
    expect(result.verdict).toBe("warn");
  });

  it("leaves the result without datasets when none were acquired", () => {
    expect(checkModel(model, builtInPolicy("default"), checkOptions()).datasets).toBeUndefined();
    expect(checkModel(model, builtInPolicy("default"), checkOptions({ trainingData: trainedOn() })).datasets).toEqual(
      [],
    );
  });
});

describe("a dataset checked on its own", () => {
  const sources: TrainingData = {
    datasets: [
      {
        ...namedDataset("laion/laion2B-en", { license: "cc-by-4.0" }),
        via: "source_datasets",
        declaredBy: { kind: "dataset", id: "org/captions", sha: "d".repeat(40) },
      },
    ],
    complete: true,
  };
  const check = (license: string | string[], policy: string, more: Parameters<typeof checkOptions>[0] = {}) =>
    checkModel(
      datasetSnapshot("org/captions", { license, source_datasets: ["laion/laion2B-en"] }),
      builtInPolicy(policy),
      checkOptions({ trainingData: sources, ...more }),
    );

  it("is judged by the license rules as a model is: osi blocks CC BY 4.0, which is not OSI-approved", () => {
    const result = check("cc-by-4.0", "osi");
    expect(result.repoType).toBe("dataset");
    expect(result.license.ids).toEqual(["cc-by-4.0"]);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: "license-not-osi-approved", severity: "error" }),
    );
    expect(result.verdict).toBe("block");
  });

  it("commercial blocks a CC BY-NC dataset, and allows a PDDL one", () => {
    expect(check("cc-by-nc-4.0", "commercial").findings).toContainEqual(
      expect.objectContaining({
        code: "license-non-commercial",
        severity: "error",
        args: { license: "cc-by-nc-4.0", scope: "non-commercial" },
      }),
    );
    const pddl = check("pddl", "commercial");
    expect(pddl.findings.filter((finding) => finding.severity !== "info")).toEqual([]);
    expect(pddl.verdict).toBe("allow");
  });

  it("lists its source_datasets as its datasets", () => {
    expect(check("cc-by-4.0", "default").datasets).toEqual([
      expect.objectContaining({
        id: "laion/laion2B-en",
        via: "source_datasets",
        declaredBy: { kind: "dataset", id: "org/captions", sha: "d".repeat(40) },
      }),
    ]);
  });

  it("is no model: base_model lineage is not read, and multimodal-model clauses do not reach it", () => {
    const llamaTagged = checkModel(
      {
        ...datasetSnapshot("org/vqa", { license: "llama3.2" }),
        tags: ["modality:image", "task_categories:visual-question-answering"],
        pipelineTag: "image-text-to-text",
      },
      policyFrom("extends: eu\n"),
      checkOptions({
        lineage: { ancestors: [ancestorWith("meta-llama/base", { license: "llama3.1" })], complete: true },
      }),
    );
    expect(llamaTagged.lineage).toEqual([]);
    expect(llamaTagged.findings.map((finding) => finding.code)).not.toContain("license-laundering");
    expect(llamaTagged.findings.map((finding) => finding.code)).not.toContain("license-geographic-restriction");
  });

  it("carries no advisory on its findings about itself", () => {
    const result = checkModel(
      datasetSnapshot("org/synthetic", { license: "mit" }),
      builtInPolicy("default"),
      checkOptions({
        trainingData: {
          datasets: [],
          generators: [generatorModel("meta-llama/Llama-2-7b-chat-hf", { license: "llama2" })],
          complete: true,
        },
      }),
    );
    const finding = result.findings.find((item) => item.code === "dataset-from-restricted-model");
    expect(finding).toMatchObject({ severity: "warning", args: { dataset: "org/synthetic", license: "llama2" } });
    expect(finding?.advisory).toBeUndefined();
  });
});
