import { describe, expect, it } from "vitest";
import { datasetOf } from "../../src/report/dataset-of.js";
import { formatHtml } from "../../src/report/html.js";
import { formatJson } from "../../src/report/json.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { formatSarif } from "../../src/report/sarif.js";
import { formatText } from "../../src/report/text.js";
import { type DatasetNode, reportView } from "../../src/report/view.js";
import type { Finding } from "../../src/types/finding.js";
import type { CheckResult, DatasetUsed, RunReport } from "../../src/types/result.js";
import { datasetOnItsOwnReport, modelWithDatasetsReport } from "../support/datasets-report.js";

/** The report with its one result changed by `change`. */
function changed(report: RunReport, change: (result: CheckResult) => CheckResult): RunReport {
  return { ...report, results: report.results.map(change) };
}

/** Each dataset as `name` indented by depth, then its findings' codes: the shape the section shows. */
function outline(nodes: DatasetNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${"  ".repeat(depth)}${node.name}${node.findings.map((finding) => ` ${finding.code}`).join("")}`,
    ...outline(node.sources, depth + 1),
  ]);
}

const advisory = (result: CheckResult) => result.findings.find((finding) => datasetOf(finding) !== null)!;

describe("datasetOf", () => {
  const base = modelWithDatasetsReport().results[0]!.findings.find((finding) => datasetOf(finding))!;
  it.each([
    [{ dataset: "org/data" }, "org/data"],
    [{ license: "mit" }, null],
    [{ dataset: 3 }, null],
  ])("args %j: %s", (args, expected) => {
    expect(datasetOf({ ...base, args } as unknown as Finding)).toBe(expected);
  });
});

describe("the training data section", () => {
  it("nests a source under the dataset naming it and places each finding under its dataset", () => {
    const model = reportView(modelWithDatasetsReport()).models[0]!;
    expect(model.trainingData?.heading).toBe("Training data");
    expect(outline(model.trainingData!.datasets)).toEqual([
      "dataset:tatsu-lab/alpaca@dce01c9 dataset-non-commercial",
      "  dataset:yizhongw/self_instruct@2f5b6e6",
      "dataset:HuggingFaceH4/internal-preferences dataset-unavailable",
    ]);
    expect(model.ownFindings.map((finding) => finding.dataset)).not.toContain("tatsu-lab/alpaca");
    expect(model.findings.map((finding) => finding.dataset)).toContain("tatsu-lab/alpaca");
  });

  it("says where each was declared, links it at its commit, and says why one was not read", () => {
    const [alpaca, missing] = reportView(modelWithDatasetsReport()).models[0]!.trainingData!.datasets;
    expect(alpaca!.declared).toBe("this model's card, datasets[0]");
    expect(alpaca!.sources[0]!.declared).toBe("the card of dataset:tatsu-lab/alpaca@dce01c9, source_datasets[0]");
    expect(alpaca!.url).toBe(
      "https://huggingface.co/datasets/tatsu-lab/alpaca/tree/dce01c9b08f87459cf36a430d809084718273017",
    );
    expect(missing!.url).toBeNull();
    expect(formatText(modelWithDatasetsReport())).toContain(
      "    dataset:HuggingFaceH4/internal-preferences  not read: repo-not-found (",
    );
  });

  it("names an ancestor's card, and shows a gated dataset as gated", () => {
    const report = changed(modelWithDatasetsReport(), (result) => ({
      ...result,
      datasets: result.datasets!.map((dataset, index) =>
        index === 0
          ? { ...dataset, gated: "manual", declaredBy: { kind: "model", id: "org/base", sha: "1234567890".repeat(4) } }
          : dataset,
      ),
    }));
    expect(formatText(report)).toContain("(the card of ancestor org/base@1234567, datasets[0]; gated: manual)");
    expect(formatMarkdown(report)).toContain("; the card of ancestor org/base@1234567, datasets\\[0\\]; gated: manual");
  });

  it("keeps a finding about a dataset it does not list among the model's own findings", () => {
    const report = changed(modelWithDatasetsReport(), (result) => ({
      ...result,
      datasets: result.datasets!.filter((dataset) => dataset.id !== "tatsu-lab/alpaca" && dataset.depth === 1),
    }));
    const model = reportView(report).models[0]!;
    expect(model.ownFindings.map((finding) => finding.dataset)).toEqual(["tatsu-lab/alpaca"]);
    expect(formatText(report)).toMatch(/ {2}findings:\n {4}warning dataset-non-commercial/);
  });

  it("shows each dataset of a cycle of sources once", () => {
    const report = changed(modelWithDatasetsReport(), (result) => {
      const source = result.datasets!.find((dataset) => dataset.via === "source_datasets")!;
      const back: DatasetUsed = {
        ...source,
        id: "tatsu-lab/alpaca",
        sha: source.declaredBy.sha,
        declaredBy: { kind: "dataset", id: source.id, sha: source.sha! },
        depth: 3,
      };
      // alpaca names self_instruct, which names alpaca: with the model's own entry gone, neither is a root.
      return { ...result, datasets: [source, back] };
    });
    const names = outline(reportView(report).models[0]!.trainingData!.datasets);
    expect(names).toEqual([
      "dataset:yizhongw/self_instruct@2f5b6e6",
      "  dataset:tatsu-lab/alpaca@dce01c9 dataset-non-commercial",
    ]);
  });

  it("says none were named when the cards name none, and leaves the section out when none were read", () => {
    const none = changed(modelWithDatasetsReport(), (result) => ({ ...result, datasets: [], findings: [] }));
    expect(formatText(none)).toContain("  training data:\n    Advisories");
    expect(formatText(none)).toContain("    none named\n");
    expect(formatHtml(none)).toContain("no datasets named");
    const unread = changed(none, ({ datasets: _, ...result }) => result);
    expect(formatText(unread)).not.toContain("training data");
    expect(formatHtml(unread)).not.toContain("Training data");
    expect(formatMarkdown(unread)).not.toContain("Training data");
  });

  it("says the datasets are advisories about the data in every human format", () => {
    const report = modelWithDatasetsReport();
    const sentence = reportView(report).models[0]!.trainingData!.note;
    expect(sentence).toMatch(/^Advisories about the data .* not the model's license/);
    expect(formatText(report)).toContain(sentence);
    expect(formatMarkdown(report)).toContain(sentence.replace(/'/g, "'"));
    expect(formatHtml(report)).toContain(sentence.replace(/'/g, "&#39;"));
  });
});

describe("a dataset checked on its own", () => {
  it("is labelled dataset:org/name wherever its id is shown, and its sources are its Source datasets", () => {
    const report = datasetOnItsOwnReport();
    const view = reportView(report);
    expect(view.models[0]!.model).toBe("dataset:tatsu-lab/alpaca");
    expect(view.totals.verdictLine).toMatch(/^1 dataset: /);
    expect(view.models[0]!.trainingData!.heading).toBe("Source datasets");
    expect(view.obligations[0]!.models).toEqual(["dataset:tatsu-lab/alpaca"]);
    expect(formatText(report)).toMatch(/^dataset:tatsu-lab\/alpaca@dce01c9b08f8\S+ {2}WARN/m);
    expect(formatMarkdown(report)).toContain("### dataset:tatsu-lab/alpaca\n");
  });

  it("is a dataset in SARIF: its logical location, and its card's files on the Hub under /datasets/", () => {
    const result = JSON.parse(formatSarif(datasetOnItsOwnReport())).runs[0].results[0];
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^dataset:tatsu-lab\/alpaca@/);
    expect(result.properties.repoType).toBe("dataset");
    expect(result.properties.hubFiles).toEqual([
      "https://huggingface.co/datasets/tatsu-lab/alpaca/blob/dce01c9b08f87459cf36a430d809084718273017/README.md#L2",
    ]);
  });
});

describe("the JSON result", () => {
  it("passes repoType and datasets through", () => {
    const document = JSON.parse(formatJson(datasetOnItsOwnReport()));
    expect(document.results[0].repoType).toBe("dataset");
    expect(document.results[0].datasets).toEqual(datasetOnItsOwnReport().results[0]!.datasets);
    expect(Object.keys(JSON.parse(formatJson(modelWithDatasetsReport())).results[0])).not.toContain("repoType");
  });
});

describe("SARIF for a dataset finding on a model", () => {
  it("names the dataset and the card line naming it, and links the dataset's card under /datasets/", () => {
    const report = modelWithDatasetsReport();
    const [result] = JSON.parse(formatSarif(report)).runs[0].results;
    const line = advisory(report.results[0]!).evidence[0]!;
    expect(line).toMatchObject({ source: "card", path: ["datasets", 0] });
    expect(result.message.text).toContain(
      `named at HuggingFaceH4/zephyr-7b-beta README.md:${"line" in line ? line.line : ""})`,
    );
    expect(result.properties.datasetNamedAt).toMatch(
      /^https:\/\/huggingface\.co\/HuggingFaceH4\/zephyr-7b-beta\/blob\/892b3d7\w+\/README\.md#L\d+$/,
    );
    // The dataset's license was read from its metadata (the training-data walk reads no file of it): the Hub's API.
    expect(advisory(report.results[0]!).evidence).toContainEqual({
      source: "api",
      field: "tatsu-lab/alpaca:cardData.license",
      value: "cc-by-nc-4.0",
    });
    // Where the user's repository has a place for it, as for any finding: the Hub's README is evidence, not that.
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe("policies/default.yaml");
  });
});
