import { describe, expect, it } from "vitest";
import { researchOnlySignals } from "../../../src/identify/dataset/research-only-signals.js";
import { datasetSnapshot } from "../../support/datasets.js";

const gatedWith = (prompt: string) => researchOnlySignals(datasetSnapshot("org/data", { extra_gated_prompt: prompt }));

describe("research-only wording in a dataset's gate", () => {
  it.each([
    "This dataset is for research purposes only.",
    "Use it for non-commercial research only.",
    "Researcher shall use the Database only for non-commercial research and educational purposes.",
    "The data may be used only for academic research.",
    "Not for commercial use.",
    "Our datasets are intended for research, not commercial, purposes.",
    "Access is limited to noncommercial use.",
  ])("%s", (prompt) => {
    expect(gatedWith(prompt)).toEqual([
      expect.objectContaining({
        signal: "gated-terms",
        evidence: expect.objectContaining({ path: ["extra_gated_prompt"] }),
      }),
    ]);
  });

  it.each([
    "A dataset of research papers from arXiv.",
    "Please tell us about your research so we can improve the dataset.",
    "Commercial use is permitted under CC BY 4.0.",
  ])("not: %s", (prompt) => {
    expect(gatedWith(prompt)).toEqual([]);
  });

  it("reads the labels and options of extra_gated_fields", () => {
    const marks = researchOnlySignals(
      datasetSnapshot("org/data", {
        extra_gated_fields: {
          Name: "text",
          "Intended use": { type: "select", options: ["Research", { label: "Non-commercial use only", value: "nc" }] },
        },
      }),
    );
    expect(marks).toEqual([
      expect.objectContaining({
        signal: "gated-terms",
        evidence: expect.objectContaining({ path: ["extra_gated_fields", "Intended use"] }),
      }),
    ]);
  });
});
