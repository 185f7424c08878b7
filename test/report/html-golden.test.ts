import { describe, expect, it } from "vitest";
import { formatHtml } from "../../src/report/html.js";
import { datasetOnItsOwnReport, modelWithDatasetsReport } from "../support/datasets-report.js";
import { expectGolden } from "../support/golden.js";
import { manyModelsRun, oneModelRun } from "../support/html-runs.js";

describe("html golden reports", () => {
  it("1-model run (no policy named: the default's warning)", () =>
    expectGolden("1-model.html", formatHtml(oneModelRun())));
  it("30-model run (the eu policy named with --policy)", () =>
    expectGolden("30-models.html", formatHtml(manyModelsRun(30))));
  it("a model with training data: an NC dataset with its finding, one not read, a source at depth 2", () =>
    expectGolden("model-with-datasets.html", formatHtml(modelWithDatasetsReport())));
  it("a dataset checked on its own, with its source dataset", () =>
    expectGolden("dataset-on-its-own.html", formatHtml(datasetOnItsOwnReport())));
  it("gives the same bytes every time", () =>
    expect(formatHtml(manyModelsRun(30))).toBe(formatHtml(manyModelsRun(30))));
});
