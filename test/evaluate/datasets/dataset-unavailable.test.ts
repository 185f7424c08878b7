import { testCheck } from "../../support/check-table.js";
import { namedDataset, trainedOn, unreadableDataset } from "../../support/datasets.js";
import { snapshotWith } from "../../support/snapshots.js";

const model = snapshotWith({ license: "apache-2.0", datasets: ["org/private-data"] });
const missing = trainedOn(
  unreadableDataset("org/private-data", "repo-not-found", "the Hub has no dataset org/private-data"),
);

testCheck("dataset-unavailable", {
  valid: [
    {
      name: "a readable dataset",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/data", { license: "mit" })),
    },
    {
      name: "datasets.unavailable: off",
      snapshot: model,
      trainingData: missing,
      policy: "datasets:\n  unavailable: off\n",
    },
  ],
  invalid: [
    {
      name: "a missing or private dataset: information by default",
      snapshot: model,
      trainingData: missing,
      findings: [
        {
          severity: "info",
          args: {
            dataset: "org/private-data",
            reason: "repo-not-found",
            message: "the Hub has no dataset org/private-data",
          },
          evidence: [{ source: "card", path: ["datasets", 0] }],
        },
      ],
    },
    {
      name: "a cycle among source_datasets, counted under warn",
      snapshot: model,
      trainingData: trainedOn(unreadableDataset("org/a", "cycle", "org/a → org/b → org/a")),
      policy: "datasets:\n  unavailable: warn\n",
      findings: [{ severity: "warning", args: { reason: "cycle" }, rule: { path: "datasets.unavailable" } }],
    },
  ],
});
