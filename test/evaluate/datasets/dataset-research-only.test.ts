import { expect } from "vitest";
import { testCheck } from "../../support/check-table.js";
import { datasetSnapshot, namedDataset, trainedOn } from "../../support/datasets.js";
import { snapshotOf, snapshotWith } from "../../support/snapshots.js";

const model = snapshotWith({ license: "apache-2.0", datasets: ["ILSVRC/imagenet-1k"] });
// ILSVRC/imagenet-1k's card: `license: other`, `license_details: imagenet-agreement`, gated, its terms in the prompt.
const imagenetCard = {
  license: "other",
  license_details: "imagenet-agreement",
  extra_gated_prompt:
    'By clicking on “Access repository” below, you also agree to ImageNet Terms of Access:\n[RESEARCHER_FULLNAME] (the "Researcher") has requested permission to use the ImageNet database (the "Database") at Princeton University and Stanford University. In exchange for such permission, Researcher hereby agrees to the following terms and conditions:\n1. Researcher shall use the Database only for non-commercial research and educational purposes.\n2. Princeton University and Stanford University make no representations or warranties regarding the Database.',
};
const imagenet = trainedOn(namedDataset("ILSVRC/imagenet-1k", imagenetCard, { extra: { gated: "auto" } }));

testCheck("dataset-research-only", {
  valid: [
    {
      name: "a card about research papers, with a gate asking for a name",
      snapshot: model,
      trainingData: trainedOn(
        namedDataset("org/papers", {
          license: "cc-by-4.0",
          pretty_name: "Research papers",
          extra_gated_fields: { Name: "text", Affiliation: "text" },
        }),
      ),
    },
    {
      name: "a research organization is within it",
      snapshot: model,
      trainingData: imagenet,
      policy: "context:\n  use: research\n",
    },
    {
      name: "datasets.researchOnly: off",
      snapshot: model,
      trainingData: imagenet,
      policy: "datasets:\n  researchOnly: off\n",
    },
  ],
  invalid: [
    {
      name: "ImageNet's gate: non-commercial research and educational purposes",
      snapshot: model,
      trainingData: imagenet,
      findings: [
        {
          severity: "warning",
          args: {
            dataset: "ILSVRC/imagenet-1k",
            signal: "gated-terms",
            detail: "Researcher shall use the Database only for non-commercial research and educational purposes.",
          },
          evidence: [
            { path: ["datasets", 0] },
            { source: "api", field: "ILSVRC/imagenet-1k:cardData.extra_gated_prompt" },
          ],
          advisory: [{}, {}, {}],
        },
      ],
    },
    {
      name: "a gate checkbox (extra_gated_fields)",
      snapshot: model,
      trainingData: trainedOn(
        namedDataset("org/data", {
          license: "cc-by-4.0",
          extra_gated_fields: {
            Company: "text",
            "I agree to use this dataset for non-commercial use ONLY": "checkbox",
          },
        }),
      ),
      findings: [
        {
          args: { signal: "gated-terms", detail: "I agree to use this dataset for non-commercial use ONLY" },
          evidence: [
            {},
            { field: "org/data:cardData.extra_gated_fields.I agree to use this dataset for non-commercial use ONLY" },
          ],
        },
      ],
    },
    {
      name: "a research-only license (Apple AMLR), cited",
      snapshot: model,
      trainingData: trainedOn(namedDataset("apple/data", { license: "apple-amlr" })),
      findings: [
        { args: { signal: "license", detail: "apple-amlr" }, term: { url: expect.stringMatching(/^https:/) } },
      ],
    },
    {
      name: "a dataset checked on its own: its README's words, no advisory",
      snapshot: {
        ...snapshotOf({ id: "laion/laion-subset", sha: "f".repeat(40), cardData: { license: "cc-by-4.0" } }, [
          {
            path: "README.md",
            role: "readme",
            text: "---\nlicense: cc-by-4.0\n---\n# LAION subset\n\nThe dataset is intended for research, not commercial, purposes.\n",
          },
        ]),
        repoType: "dataset",
      },
      policy: "extends: commercial\ndatasets:\n  researchOnly: block\n",
      findings: [
        {
          severity: "error",
          args: { dataset: "laion/laion-subset", signal: "card-text" },
          evidence: [{ source: "file", file: "README.md", line: 6 }],
        },
      ],
    },
    {
      name: "a dataset on its own, gated with research-only terms",
      snapshot: datasetSnapshot("ILSVRC/imagenet-1k", imagenetCard, { gated: "auto" }),
      findings: [
        {
          args: { dataset: "ILSVRC/imagenet-1k", signal: "gated-terms" },
          evidence: [{ source: "card", path: ["extra_gated_prompt"] }],
        },
      ],
    },
  ],
});
