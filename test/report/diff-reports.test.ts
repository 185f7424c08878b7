import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/report/json.js";
import { diffReports, formatChanges, hasRegression } from "../../src/results/diff-reports.js";
import { readJsonReport } from "../../src/results/read-json-report.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";

/** The fixed report, after a round trip through its JSON, as `lic diff` reads saved results. */
const saved = (report: RunReport) => readJsonReport(formatJson(report), "result.json");

describe("readJsonReport", () => {
  it("reads back what --format json wrote, so every renderer can render it again", () => {
    const report = fixedReport();
    expect(formatJson(saved(report))).toBe(formatJson(report));
  });

  it.each([
    ["not JSON", "{", "result.json is not JSON"],
    ["another schema", '{"schemaVersion": 2, "results": []}', "result.json is not a lic result of schema version 1"],
    [
      "a broken result",
      '{"schemaVersion": 1, "results": [{"model": 1}]}',
      "result.json: results[0] is not a model result",
    ],
  ])("refuses %s", (_name, text, message) => {
    expect(() => readJsonReport(text, "result.json")).toThrow(message);
  });
});

describe("diffReports", () => {
  it("finds nothing between a run and itself", () => {
    expect(diffReports(saved(fixedReport()), saved(fixedReport()))).toEqual([]);
    expect(formatChanges([])).toBe("no changes\n");
  });

  it("reports models added and removed, revisions, licenses and verdicts, and a worse verdict as a regression", () => {
    const before = fixedReport();
    const after = fixedReport();
    const bert = after.results[0]!;
    after.results[0] = {
      ...bert,
      revision: "f".repeat(40),
      license: { ...bert.license, ids: ["apache-2.0", "llama4"] },
      verdict: "block",
    };
    after.results.splice(2, 1);
    after.results.push({ ...bert, model: "org/new-model", verdict: "allow" });
    const changes = diffReports(before, after);
    expect(formatChanges(changes).trim().split("\n")).toEqual([
      "- dbmdz/bert-large-cased-finetuned-conll03-english: removed (was block)",
      "~ google-bert/bert-base-uncased: revision 86b5e0934494 → ffffffffffff",
      "~ google-bert/bert-base-uncased: licenses apache-2.0 → apache-2.0, llama4",
      "! google-bert/bert-base-uncased: verdict allow → block (worse)",
      "+ org/new-model: added (allow)",
    ]);
    expect(hasRegression(changes)).toBe(true);
    expect(hasRegression(changes.filter((change) => change.kind !== "verdict"))).toBe(false);
  });
});
