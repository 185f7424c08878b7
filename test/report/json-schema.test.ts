import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { FINDING_CODES } from "../../src/findings/finding-info.js";
import { formatJson } from "../../src/report/json.js";
import { datasetOnItsOwnReport, modelWithDatasetsReport } from "../support/datasets-report.js";
import { fixedReport } from "../support/fixed-report.js";
import { scannedReport } from "../support/scanned-report.js";

const schema = JSON.parse(readFileSync("docs/schema/result.schema.json", "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe("docs/schema/result.schema.json", () => {
  it("describes the JSON result", () => {
    const document = JSON.parse(formatJson(fixedReport()));
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  it("describes the JSON result of a scan: uses, code and lock evidence, the project section", () => {
    const document = JSON.parse(formatJson(scannedReport()));
    expect(document.project.findings).toHaveLength(2);
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  it("describes the JSON result of a model with training data and of a dataset checked on its own", () => {
    for (const report of [modelWithDatasetsReport(), datasetOnItsOwnReport()]) {
      const document = JSON.parse(formatJson(report));
      expect(document.results[0].datasets.length).toBeGreaterThan(0);
      expect(validate(document) ? [] : validate.errors).toEqual([]);
    }
  });

  it("rejects training data that breaks it", () => {
    const document = JSON.parse(formatJson(modelWithDatasetsReport()));
    document.results[0].datasets[0].via = "base_model";
    expect(validate(document)).toBe(false);
  });

  it("rejects a project section that breaks it", () => {
    const document = JSON.parse(formatJson(scannedReport()));
    document.project.findings[0].evidence[0].column = "13";
    document.results[0].uses[0].extra = true;
    expect(validate(document)).toBe(false);
  });

  it("rejects a result that breaks it", () => {
    const document = JSON.parse(formatJson(fixedReport()));
    document.results[0].verdict = "maybe";
    document.results[0].findings.push({ code: "no-such-code" });
    expect(validate(document)).toBe(false);
  });

  it("lists every finding code", () => {
    expect(schema.definitions.result.properties.findings.items.properties.code.enum).toEqual([...FINDING_CODES].sort());
  });
});
