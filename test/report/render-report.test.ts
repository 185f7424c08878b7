import { describe, expect, it } from "vitest";
import { formatCycloneDx } from "../../src/report/cyclonedx.js";
import { formatGithub } from "../../src/report/github.js";
import { formatHtml } from "../../src/report/html.js";
import { formatJson } from "../../src/report/json.js";
import { formatJunit } from "../../src/report/junit.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { renderReport } from "../../src/report/render-report.js";
import { REPORT_FORMATS } from "../../src/report/report-formats.js";
import { formatSarif } from "../../src/report/sarif.js";
import { formatSpdx } from "../../src/report/spdx.js";
import { formatSummary } from "../../src/report/summary.js";
import { formatText } from "../../src/report/text.js";
import { fixedReport } from "../support/fixed-report.js";

describe("renderReport", () => {
  const report = fixedReport();

  it.each([
    ["text", formatText(report)],
    ["json", formatJson(report)],
    ["markdown", formatMarkdown(report)],
    ["html", formatHtml(report)],
    ["sarif", formatSarif(report)],
    ["junit", formatJunit(report)],
    ["github", formatGithub(report).commands],
    ["summary", formatSummary(report)],
    ["cyclonedx", formatCycloneDx(report, "1.6")],
    ["spdx", formatSpdx(report)],
  ] as const)("%s: loads the format's renderer and gives its output", async (format, expected) => {
    expect((await renderReport(format, report)).output).toBe(expected);
  });

  it("covers every format", () => {
    expect(REPORT_FORMATS).toEqual([
      "text",
      "json",
      "markdown",
      "html",
      "sarif",
      "junit",
      "github",
      "summary",
      "cyclonedx",
      "spdx",
    ]);
  });

  it("gives a cyclonedx report the CycloneDX version asked for", async () => {
    const output = (await renderReport("cyclonedx", report, { cyclonedxVersion: "1.7" })).output;
    expect(output).toBe(formatCycloneDx(report, "1.7"));
    expect(JSON.parse(output).specVersion).toBe("1.7");
  });

  it("gives a second output only for GitHub: its job summary", async () => {
    for (const format of REPORT_FORMATS) {
      const { stepSummary } = await renderReport(format, report);
      expect(stepSummary).toBe(format === "github" ? formatGithub(report).summary : undefined);
    }
  });

  it("colours the text report only when asked", async () => {
    expect((await renderReport("text", report, { color: true })).output).toBe(formatText(report, { color: true }));
    expect((await renderReport("text", report, { color: true })).output).toContain("\x1b[31mBLOCK\x1b[0m");
  });
});
