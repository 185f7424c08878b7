import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/report/json.js";
import { renderReport } from "../../src/report/render-report.js";
import { REPORT_FORMATS } from "../../src/report/report-formats.js";
import { readJsonReport } from "../../src/results/read-json-report.js";
import { scannedReport } from "../support/scanned-report.js";

/** A scan's result as `lic report` reads it back from a file written by `--format json`. */
const saved = () => readJsonReport(formatJson(scannedReport()), "result.json");

describe("readJsonReport after a scan", () => {
  it("writes the uses and the project section, and reads them back", () => {
    const document = JSON.parse(formatJson(scannedReport()));
    expect(document.schemaVersion).toBe(1);
    expect(document.results[1].uses).toHaveLength(7);
    expect(document.errors[0].uses).toEqual([
      { file: "config/models.yaml", line: 2, column: 10, via: "config:model_id" },
    ]);
    expect(document.project).toMatchObject({ root: ".", lock: "lic.lock" });
    expect(document.project.datasets).toEqual([expect.objectContaining({ id: "rajpurkar/squad" })]);
    expect(document.project.findings[0]).toMatchObject({
      code: "lock-entry-missing",
      title: "The code loads a repo that lic.lock does not list",
      docs: "docs/findings/lock-entry-missing.md",
    });

    const report = saved();
    expect(report.results[1]!.uses).toEqual(scannedReport().results[1]!.uses);
    expect(report.project!.findings[0]).not.toHaveProperty("message");
  });

  it.each(REPORT_FORMATS)("re-renders a saved scan identically as %s", async (format) => {
    expect(await renderReport(format, saved())).toEqual(await renderReport(format, scannedReport()));
  });

  it("refuses a project section that is not one", () => {
    const document = JSON.parse(formatJson(scannedReport()));
    document.project = { findings: [] };
    expect(() => readJsonReport(JSON.stringify(document), "result.json")).toThrow(
      "result.json: project is not a project section (root, findings)",
    );
  });

  it("leaves the project out when the saved result has none", () => {
    const document = JSON.parse(formatJson(scannedReport()));
    delete document.project;
    expect(readJsonReport(JSON.stringify(document), "result.json")).not.toHaveProperty("project");
  });
});
