import { expect } from "vitest";
import { testCheck } from "../../support/check-table.js";
import { namedDataset, trainedOn } from "../../support/datasets.js";
import { snapshotWith } from "../../support/snapshots.js";

const model = snapshotWith({ license: "apache-2.0", datasets: ["tatsu-lab/alpaca"] });
const alpaca = trainedOn(namedDataset("tatsu-lab/alpaca", { license: "cc-by-nc-4.0", language: ["en"] }));

testCheck("dataset-non-commercial", {
  valid: [
    { name: "no training data read", snapshot: model },
    {
      name: "a dataset under CC BY 4.0",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", { license: "cc-by-4.0" })),
    },
    {
      name: "a research-only license is dataset-research-only's",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", { license: "other", license_name: "apple-amlr" })),
    },
    {
      name: "a research organization is within it",
      snapshot: model,
      trainingData: alpaca,
      policy: "context:\n  use: research\n",
    },
    {
      name: "datasets.nonCommercial: off",
      snapshot: model,
      trainingData: alpaca,
      policy: "datasets:\n  nonCommercial: off\n",
    },
  ],
  invalid: [
    {
      name: "Alpaca's CC BY-NC 4.0 under the default policy: an advisory, citing the clause and why",
      snapshot: model,
      trainingData: alpaca,
      findings: [
        {
          severity: "warning",
          args: { dataset: "tatsu-lab/alpaca", license: "cc-by-nc-4.0", scope: "non-commercial" },
          subject: null,
          evidence: [
            { source: "card", path: ["datasets", 0] },
            { source: "api", field: "tatsu-lab/alpaca:cardData.license", value: "cc-by-nc-4.0" },
          ],
          term: {
            document: "Creative Commons Attribution-NonCommercial 4.0 International",
            section: "§2(a)(1)(A)–(B)",
          },
          advisory: [
            { url: "https://creativecommons.org/2023/08/18/understanding-cc-licenses-and-generative-ai/" },
            { url: "https://creativecommons.org/using-cc-licensed-works-for-ai-training-2/" },
            { url: "https://eur-lex.europa.eu/eli/dir/2019/790/oj", section: expect.stringContaining("Art. 3") },
          ],
        },
      ],
    },
    {
      name: "a license list: one finding for the NC entry, at its index",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/mixed", { license: ["mit", "cc-by-nc-sa-4.0"] })),
      findings: [
        {
          args: { dataset: "org/mixed", license: "cc-by-nc-sa-4.0" },
          evidence: [{}, { field: "org/mixed:cardData.license[1]", value: "cc-by-nc-sa-4.0" }],
        },
      ],
    },
    {
      name: "datasets.nonCommercial: block names its rule",
      snapshot: model,
      trainingData: alpaca,
      policy: "datasets:\n  nonCommercial: block\n",
      findings: [{ severity: "error", rule: { path: "datasets.nonCommercial", line: 2 } }],
    },
    {
      name: "allow shows it as information",
      snapshot: model,
      trainingData: alpaca,
      policy: "datasets:\n  nonCommercial: allow\n",
      findings: [{ severity: "info", rule: { path: "datasets.nonCommercial" } }],
    },
    {
      name: "a severity override wins over the setting",
      snapshot: model,
      trainingData: alpaca,
      policy: "datasets:\n  nonCommercial: block\nseverity:\n  dataset-non-commercial: info\n",
      findings: [{ severity: "info", rule: { path: "severity.dataset-non-commercial" } }],
    },
  ],
});
