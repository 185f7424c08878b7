import { describe, it } from "vitest";
import { formatGithub } from "../../src/report/github.js";
import { formatJson } from "../../src/report/json.js";
import { formatJunit } from "../../src/report/junit.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { formatSarif } from "../../src/report/sarif.js";
import { formatSummary } from "../../src/report/summary.js";
import { formatText } from "../../src/report/text.js";
import type { RunReport } from "../../src/types/result.js";
import { datasetOnItsOwnReport, modelWithDatasetsReport } from "../support/datasets-report.js";
import { expectGolden } from "../support/golden.js";
import { manyModelsReport } from "../support/many-models-report.js";

/**
 * Every format, byte for byte, for each run below (HTML's are in html-golden.test.ts, with its browser
 * checks): what a reviewer, a pull request, code scanning, an Actions step and a CI's test view each receive.
 */
const FORMATS: Record<string, (report: RunReport) => string> = {
  txt: (report) => formatText(report),
  "summary.txt": (report) => formatSummary(report),
  md: (report) => formatMarkdown(report),
  json: formatJson,
  "sarif.json": formatSarif,
  "github.txt": (report) => formatGithub(report).commands,
  "github-summary.md": (report) => formatGithub(report).summary,
  "junit.xml": formatJunit,
};

/**
 * A 1-model run (a model whose card declares no license, loaded once) and a 30-model run from real fixtures; a model
 * with training data (an NC dataset with its finding, one that cannot be read, a source at depth 2) and a dataset
 * checked on its own, with its source dataset.
 */
const RUNS: Record<string, () => RunReport> = {
  "1-model": () => {
    const report = manyModelsReport(3);
    return { ...report, results: report.results.slice(2, 3), errors: [] };
  },
  "30-models": () => manyModelsReport(30),
  "model-with-datasets": modelWithDatasetsReport,
  "dataset-on-its-own": datasetOnItsOwnReport,
};

describe("golden reports", () => {
  for (const [run, build] of Object.entries(RUNS)) {
    for (const [format, render] of Object.entries(FORMATS)) {
      it(`${run} ${format}`, () => expectGolden(`${run}.${format}`, render(build())));
    }
  }
});
