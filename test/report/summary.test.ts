import { describe, expect, it } from "vitest";
import { shouldColour } from "../../src/report/colour.js";
import { formatSummary } from "../../src/report/summary.js";
import { fixedReport } from "../support/fixed-report.js";
import { scannedReport } from "../support/scanned-report.js";

describe("summary format", () => {
  it("gives one line a model (verdict, model@short commit, licenses, the most severe finding), then the totals", () => {
    const lines = formatSummary(fixedReport()).split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^ALLOW {8}google-bert\/bert-base-uncased@86b5e0934494 +apache-2\.0$/),
      expect.stringMatching(
        /^WARN {9}meta-llama\/Meta-Llama-3-8B-Instruct@5f0b02c75b57 +llama3 +license-files-unreadable: License files could not be read$/,
      ),
      expect.stringMatching(
        /^BLOCK {8}dbmdz\/\S+@4c534963167c +none identified +license-missing: No license declared$/,
      ),
      expect.stringMatching(/^BLOCK {8}org\/model@aaaaaaaaaaaa +mit +license-unidentified: /),
      expect.stringMatching(/^NOT CHECKED {2}nobody\/nothing +repo-not-found: nobody\/nothing: no such model/),
      "5 models: 1 allowed, 1 with warnings, 2 blocked, 1 not checked",
      // The fixed report names no policy: the summary says the permissive default applied.
      expect.stringMatching(/^WARNING: No policy was named/),
      "",
    ]);
  });

  it("lines the columns up: every model name starts, and every license list ends, in one column", () => {
    const rows = formatSummary(fixedReport()).split("\n").slice(0, 4);
    const licenseStarts = rows.map((row) => row.search(/ {2}(apache-2\.0|llama3|none identified|mit)\b/));
    expect(new Set(licenseStarts).size).toBe(1);
  });

  it("adds the project's most severe finding after a scan", () => {
    expect(formatSummary(scannedReport())).toMatch(/\nPROJECT {6}lic\.lock +lock-entry-missing: .+\n\d+ models: /);
  });

  it("colours the verdict only when asked, keeping the columns", () => {
    const plain = formatSummary(fixedReport());
    const coloured = formatSummary(fixedReport(), { color: true });
    expect(plain).not.toContain("\x1b[");
    expect(coloured).toContain("\x1b[32mALLOW\x1b[0m        google-bert/");
    expect(coloured.replace(/\x1b\[\d+m/g, "")).toBe(plain);
  });
});

describe("shouldColour", () => {
  it.each([
    // env, stdout is a TTY, coloured
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, true],
    [{ NO_COLOR: "1", FORCE_COLOR: "1" }, true, false],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "3" }, false, true],
    [{ FORCE_COLOR: "true" }, false, true],
    [{ FORCE_COLOR: "" }, false, false],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ FORCE_COLOR: "false" }, true, false],
  ])("%o, TTY %s: %s", (env, isTTY, expected) => {
    expect(shouldColour(env, isTTY)).toBe(expected);
  });
});
