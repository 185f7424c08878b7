import { testCheck } from "../../support/check-table.js";
import { datasetSnapshot, namedDataset, trainedOn } from "../../support/datasets.js";
import { snapshotWith } from "../../support/snapshots.js";

const silent = snapshotWith({ license: "apache-2.0" });
const on = "datasets:\n  notDeclared: warn\n";

testCheck("dataset-not-declared", {
  valid: [
    { name: "off by default", snapshot: silent, trainingData: trainedOn() },
    {
      name: "a card that names its data",
      snapshot: snapshotWith({ license: "apache-2.0", datasets: "org/data" }),
      policy: on,
    },
    {
      name: "an ancestor's card names it (training data read along the lineage)",
      snapshot: silent,
      trainingData: trainedOn(namedDataset("org/data", { license: "mit" })),
      policy: on,
    },
    { name: "a dataset is not a model", snapshot: datasetSnapshot("org/data", { license: "mit" }), policy: on },
  ],
  invalid: [
    {
      name: "names nothing, under warn",
      snapshot: silent,
      trainingData: trainedOn(),
      policy: on,
      findings: [
        { severity: "warning", args: { model: "org/model" }, evidence: [{ source: "card", path: ["datasets"] }] },
      ],
    },
    {
      name: "without training data, the card alone decides (an empty list names nothing)",
      snapshot: snapshotWith({ license: "apache-2.0", datasets: [] }),
      policy: "datasets:\n  notDeclared: block\n",
      findings: [{ severity: "error" }],
    },
  ],
});
