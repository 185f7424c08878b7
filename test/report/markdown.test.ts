import { describe, expect, it } from "vitest";
import { formatMarkdown } from "../../src/report/markdown.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";

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
    expect(out).toContain(`(digest \`${report.policy.digest}\`)`);
    expect(out).toContain("- Generated: 2026-11-26T12:00:00.000Z");
    const summary = out.split("## Summary\n\n")[1]!.split("\n\n")[0]!.split("\n").slice(2);
    expect(summary).toHaveLength(report.results.length + report.errors.length);
    for (const row of summary) expect(cells(row)).toHaveLength(4);
    expect(summary.map((row) => cells(row)[2]!.trim())).toEqual([
      "**ALLOW**",
      "**WARN**",
      "**BLOCK**",
      "**BLOCK**",
      "**NOT CHECKED**",
    ]);
    for (const result of report.results) expect(out).toContain(`\n## ${result.model}\n`);
  });

  it("links each finding code to its docs page and shows its evidence, clause and rule", () => {
    const out = formatMarkdown(fixedReport());
    expect(out).toContain(
      "#### WARNING [license-files-unreadable](https://github.com/lic-dev/lic/blob/main/docs/findings/license-files-unreadable.md): License files could not be read",
    );
    expect(out).toContain(
      "#### ERROR [license-missing](https://github.com/lic-dev/lic/blob/main/docs/findings/license-missing.md): No license declared",
    );
    expect(out).toContain("- Docs: <https://github.com/lic-dev/lic/blob/main/docs/findings/license-missing.md>");
    expect(out).toContain('- Evidence: api gated = "manual"');
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
