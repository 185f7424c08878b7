import { describe, expect, it } from "vitest";
import { formatJson } from "../../src/report/json.js";
import { formatText } from "../../src/report/text.js";
import { fixedReport } from "../support/fixed-report.js";

describe("renderers", () => {
  it("text", async () => {
    await expect(formatText(fixedReport())).toMatchFileSnapshot("__snapshots__/report.txt");
  });

  it("json", async () => {
    await expect(formatJson(fixedReport())).toMatchFileSnapshot("__snapshots__/report.json");
  });

  it("give byte-identical output for the same input", () => {
    expect(formatJson(fixedReport())).toBe(formatJson(fixedReport()));
    expect(formatText(fixedReport())).toBe(formatText(fixedReport()));
  });

  it("json names every finding's message, title and docs page", () => {
    const json = JSON.parse(formatJson(fixedReport()));
    const findings = json.results.flatMap((result: { findings: object[] }) => result.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding).toMatchObject({
        message: expect.any(String),
        title: expect.any(String),
        docs: expect.stringMatching(/^docs\/findings\/[a-z-]+\.md$/),
      });
    }
  });
});
