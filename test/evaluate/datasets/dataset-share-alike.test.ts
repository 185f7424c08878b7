import { expect } from "vitest";
import { testCheck } from "../../support/check-table.js";
import { namedDataset, trainedOn } from "../../support/datasets.js";
import { snapshotWith } from "../../support/snapshots.js";

const model = snapshotWith({ license: "mit", datasets: ["wikimedia/wikipedia"] });
// wikimedia/wikipedia's card: `license: [cc-by-sa-3.0, gfdl]`.
const wikipedia = trainedOn(namedDataset("wikimedia/wikipedia", { license: ["cc-by-sa-3.0", "gfdl"] }));

testCheck("dataset-share-alike", {
  valid: [
    { name: "CC BY", snapshot: model, trainingData: trainedOn(namedDataset("org/data", { license: "cc-by-4.0" })) },
    {
      name: "CDLA-Permissive-2.0",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/d", { license: "cdla-permissive-2.0" })),
    },
    {
      name: "datasets.shareAlike: off",
      snapshot: model,
      trainingData: wikipedia,
      policy: "datasets:\n  shareAlike: off\n",
    },
  ],
  invalid: [
    {
      name: "Wikipedia's CC BY-SA 3.0: information by default",
      snapshot: model,
      trainingData: wikipedia,
      findings: [
        {
          severity: "info",
          args: { dataset: "wikimedia/wikipedia", license: "cc-by-sa-3.0" },
          term: { section: "§4(b)" },
        },
      ],
    },
    {
      name: "ODbL §4.4, quoted",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/osm", { license: "odbl" })),
      findings: [
        {
          args: { license: "odbl" },
          term: { section: "§4.4(a)", quote: expect.stringContaining("Derivative Database") },
        },
      ],
    },
    {
      name: "CDLA-Sharing-1.0 under warn",
      snapshot: model,
      trainingData: trainedOn(namedDataset("org/cdla", { license: "cdla-sharing-1.0" })),
      policy: "datasets:\n  shareAlike: warn\n",
      findings: [{ severity: "warning", args: { license: "cdla-sharing-1.0" }, term: { section: "§3.1(a)" } }],
    },
  ],
});
