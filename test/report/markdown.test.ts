import { describe, expect, it } from "vitest";
import { formatMarkdown, MARKDOWN_LIMIT } from "../../src/report/markdown.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";
import { manyModelsReport } from "../support/many-models-report.js";

const HOSTILE = "<script>alert(1)</script> | broken\ncell";

function hostileReport(): RunReport {
  const report = fixedReport();
  return {
    ...report,
    errors: [...report.errors, { model: "evil/model", revision: "main", kind: "error", message: HOSTILE }],
  };
}

/** The cells of a GFM table row: split on `|` not preceded by a backslash. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/);
}

describe("markdown report", () => {
  it("matches the snapshot", async () => {
    await expect(formatMarkdown(fixedReport())).toMatchFileSnapshot("__snapshots__/report.md");
  });

  it("gives byte-identical output for the same input", () => {
    expect(formatMarkdown(fixedReport())).toBe(formatMarkdown(fixedReport()));
  });

  it("has the header, one summary row per model and a section per model", () => {
    const report = fixedReport();
    const out = formatMarkdown(report);
    expect(out).toContain("- Tool: lic 0.0.0-test");
    expect(out).toContain(`digest \`${report.policy.digest}\`)`);
    expect(out).toContain("- Generated: 2026-11-26T12:00:00.000Z");
    const summary = out.split("## Summary\n\n")[1]!.split("\n\n")[0]!.split("\n").slice(2);
    expect(summary).toHaveLength(report.results.length + report.errors.length);
    for (const row of summary) expect(cells(row)).toHaveLength(4);
    expect(summary.map((row) => cells(row)[1]!.trim())).toEqual([
      "**ALLOW**",
      "**WARN**",
      "**BLOCK**",
      "**BLOCK**",
      "**NOT CHECKED**",
    ]);
    for (const result of report.results) expect(out).toContain(`\n### ${result.model}\n`);
    expect(out.indexOf("## Summary")).toBeLessThan(out.indexOf("<details>"));
  });

  it("links each finding code to its docs page and shows its evidence, clause and rule", () => {
    const out = formatMarkdown(fixedReport());
    expect(out).toContain(
      "##### WARNING [license-files-unreadable](https://github.com/lic-dev/lic/blob/main/docs/findings/license-files-unreadable.md): License files could not be read",
    );
    expect(out).toContain(
      "##### ERROR [license-missing](https://github.com/lic-dev/lic/blob/main/docs/findings/license-missing.md): No license declared",
    );
    expect(out).toContain("- Docs: <https://github.com/lic-dev/lic/blob/main/docs/findings/license-missing.md>");
    expect(out).toContain("- Evidence: E4, E5, E6\n");
    expect(out).toContain('- **E4** the Hub\'s access gate: manual (api gated = "manual")');
    expect(out).toContain("- Rule: `policies/default.yaml` line 8, `unreadableEvidence`");
    expect(out).toContain(
      "- Clause: META LLAMA 3 COMMUNITY LICENSE AGREEMENT (April 18, 2024), §2 Additional Commercial Terms <https://github.com/",
    );
    expect(out).toContain("sha256 `c274f80372d90c012937370f0e1f15087d22e308ef98b27cea5dc0d2d088366c`");
  });

  it("renders hostile text inert: no HTML, no extra table cells, no broken rows", () => {
    const out = formatMarkdown(hostileReport());
    expect(out).not.toContain("<script>");
    expect(out).toContain("\\<script\\>alert(1)\\</script\\> \\| broken<br>cell");
    const row = out.split("\n").find((line) => line.startsWith("| evil/model |"))!;
    expect(row).toBeDefined();
    expect(cells(row)).toHaveLength(4);
  });
});

describe("markdown report where it lands", () => {
  const summaryRows = (out: string) => out.split("## Summary\n\n")[1]!.split("\n\n")[0]!.split("\n").slice(2);

  it("puts the policy warning, assumptions and totals before the summary table, then what we must do", () => {
    const out = formatMarkdown(fixedReport());
    const order = [
      "> **Warning:** No policy was named",
      "**Assumes:** ",
      "**Totals:** 5 models",
      "## Summary",
      "## What we must do",
      "## Details",
    ];
    const at = order.map((part) => out.indexOf(part));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("folds each model's details in a <details> section whose summary is escaped HTML", () => {
    const report = fixedReport();
    report.results[2]!.model = "<b>evil</b>/model";
    const out = formatMarkdown(report);
    expect(out.match(/^<details><summary>/gm)).toHaveLength(report.results.length);
    expect(out).toContain("<details><summary><strong>&lt;b&gt;evil&lt;/b&gt;/model</strong> BLOCK: ");
  });

  it("stays within GitHub's 65,536 characters for 100 models, listing all of them in the table", () => {
    const report = manyModelsReport(100);
    const out = formatMarkdown(report);
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(summaryRows(out)).toHaveLength(100 + report.errors.length);
    expect(out).toContain("**Totals:** 101 models");
    expect(out).toMatch(/> \*\*Details of the last \d+ sections left out\*\* .*Full report: use `--format html`/);
    // Details are dropped from the end: the first models keep theirs.
    expect(out).toContain(`<details><summary><strong>${report.results[0]!.model}</strong>`);
  });

  it("drops details from the end to fit any limit, and keeps them all when they fit", () => {
    const report = manyModelsReport(12);
    const full = formatMarkdown(report);
    expect(full).not.toContain("left out");
    expect(full.match(/^<details><summary>/gm)).toHaveLength(12);
    const limit = Math.floor(full.length / 2);
    const cut = formatMarkdown(report, limit);
    expect(cut.length).toBeLessThanOrEqual(limit);
    expect(summaryRows(cut)).toHaveLength(12 + report.errors.length);
    const kept = cut.match(/^<details><summary>/gm)?.length ?? 0;
    expect(kept).toBeGreaterThan(0);
    expect(full.startsWith(cut.slice(0, cut.indexOf("> **Details of the last")))).toBe(true);
  });
});
