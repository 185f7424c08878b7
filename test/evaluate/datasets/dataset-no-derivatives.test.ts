import { testCheck } from "../../support/check-table.js";
import { namedDataset, trainedOn } from "../../support/datasets.js";
import { snapshotWith } from "../../support/snapshots.js";

const model = snapshotWith({ license: "mit", datasets: ["org/nd"] });
const nd = trainedOn(namedDataset("org/nd", { license: "cc-by-nc-nd-4.0" }));

testCheck("dataset-no-derivatives", {
  valid: [
    {
      name: "share-alike is not no-derivatives",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/sa", { license: "cc-by-sa-4.0" })),
    },
    {
      name: "datasets.noDerivatives: off",
      snapshot: model,
      trainingData: nd,
      policy: "datasets:\n  noDerivatives: off\n",
    },
  ],
  invalid: [
    {
      name: "CC BY-NC-ND 4.0: a warning citing §2(a)(1)(B)",
      snapshot: model,
      trainingData: nd,
      findings: [
        {
          severity: "warning",
          args: { dataset: "org/nd", license: "cc-by-nc-nd-4.0" },
          term: { section: "§2(a)(1)(B)" },
        },
      ],
    },
    {
      name: "CC BY-ND 4.0 under block",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/bynd", { license: "cc-by-nd-4.0" })),
      policy: "datasets:\n  noDerivatives: block\n",
      findings: [{ severity: "error", rule: { path: "datasets.noDerivatives" } }],
    },
  ],
});
