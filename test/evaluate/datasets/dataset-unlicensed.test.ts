import { testCheck } from "../../support/check-table.js";
import { namedDataset, trainedOn, unreadableDataset } from "../../support/datasets.js";
import { snapshotWith } from "../../support/snapshots.js";

const model = snapshotWith({ license: "apache-2.0", datasets: ["org/data"] });

testCheck("dataset-unlicensed", {
  valid: [
    {
      name: "a declared license",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", { license: "pddl" })),
    },
    {
      name: "other with a license_name lic does not know is a license, just not one in the catalog",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", { license: "other", license_name: "acme-data-license" })),
    },
    {
      name: "a bare other names custom terms (ImageNet's are in its gate), not none",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", { license: "other", license_details: "imagenet-agreement" })),
    },
    {
      name: "an unreadable dataset is dataset-unavailable's",
      snapshot: model,
      trainingData: trainedOn(unreadableDataset("org/gone", "repo-not-found", "404")),
    },
  ],
  invalid: [
    {
      name: "no license in the card at all",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", { task_categories: ["text-generation"] })),
      findings: [
        { severity: "warning", args: { dataset: "org/data", declared: [] }, evidence: [{ path: ["datasets", 0] }] },
      ],
    },
    {
      name: "no card data at all",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", null)),
      findings: [{ args: { declared: [] } }],
    },
    {
      name: "license: unknown",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", { license: "unknown" })),
      findings: [
        {
          args: { declared: ["unknown"] },
          evidence: [
            { path: ["datasets", 0] },
            { source: "api", field: "org/data:cardData.license", value: "unknown" },
          ],
        },
      ],
    },
    {
      name: "datasets.unlicensed: block",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", {})),
      policy: "datasets:\n  unlicensed: block\n",
      findings: [{ severity: "error", rule: { path: "datasets.unlicensed" } }],
    },
  ],
});
