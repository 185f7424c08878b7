import { describe, expect, it } from "vitest";
import { findingInfo } from "../../src/findings/finding-info.js";
import { formatFindingMessage } from "../../src/report/format-message.js";
import { escapeData, formatGithub } from "../../src/report/github.js";
import type { Finding } from "../../src/types/finding.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";
import { manyModelsReport } from "../support/many-models-report.js";

/** A workflow command split the way the Actions runner reads it, values unescaped. */
function parse(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const decode = (value: string) =>
    value.replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
  const properties = Object.fromEntries(
    match[2]!.split(",").map((pair) => {
      const [key, value] = pair.split("=");
      return [key!, decode(value!)];
    }),
  );
  return { command: match[1]!, properties, message: decode(match[3]!) };
}

/** The fixed report with a finding whose wording and file carry every character the commands must escape. */
function awkwardReport(): RunReport {
  const report = fixedReport();
  const result = report.results.at(-1)!;
  const finding: Finding = {
    code: "license-denied",
    severity: "error",
    args: { license: "50%\r\nnext, a:b", entry: "x" },
    subject: { license: "50%\r\nnext, a:b" },
    evidence: [
      { source: "tag", tag: "license:x" },
      { source: "file", file: "dir,a:b%/LICENSE.md", commit: result.revision, sha256: "0".repeat(64), line: 12 },
    ],
  };
  result.findings.push(finding);
  return report;
}

describe("github", () => {
  it("matches the snapshots", async () => {
    const { commands, summary } = formatGithub(fixedReport());
    await expect(commands).toMatchFileSnapshot("__snapshots__/report.github.txt");
    await expect(summary).toMatchFileSnapshot("__snapshots__/report.github-summary.md");
  });

  it("gives byte-identical output for the same input", () => {
    expect(formatGithub(fixedReport())).toEqual(formatGithub(fixedReport()));
    expect(formatGithub(fixedReport()).commands).toBe(formatGithub(fixedReport()).commands);
  });

  it("writes one error per blocked model, naming its error findings' titles, at the policy line without a scan", () => {
    const report = fixedReport();
    const lines = formatGithub(report).commands.slice(0, -1).split("\n");
    for (const line of lines) expect(line).toMatch(/^::(error|warning) /);
    const blocked = report.results.filter((result) => result.verdict === "block");
    const errors = lines.filter((line) => line.startsWith("::error ")).map(parse);
    expect(errors).toHaveLength(blocked.length + report.errors.length);
    blocked.forEach((result, index) => {
      const titles = result.findings
        .filter((finding) => finding.severity === "error")
        .map((finding) => findingInfo[finding.code].title);
      expect(errors[index]!.properties).toMatchObject({ title: `lic: ${result.model} blocked by the policy` });
      expect(errors[index]!.properties.file).toBe("policies/default.yaml");
      expect(errors[index]!.message).toContain(
        `${result.model}@${result.revision.slice(0, 12)} blocked by the policy: ${titles.join("; ")}.`,
      );
      expect(errors[index]!.message).toContain("Decided by lic's built-in policies/default.yaml:");
    });
    expect(errors.at(-1)).toEqual({
      command: "error",
      properties: { title: "lic: nobody/nothing not checked (repo-not-found)" },
      message: report.errors[0]!.message,
    });
    for (const line of lines) expect(line).not.toContain("file=README.md");
  });

  it("skips info findings", () => {
    const report = fixedReport();
    report.results[0]!.findings.push({
      code: "waiver-unused",
      severity: "info",
      args: { finding: "license-denied" },
      subject: null,
      evidence: [],
    });
    expect(formatGithub(report).commands).toBe(formatGithub(fixedReport()).commands);
  });

  it("escapes %, line breaks, and in properties : and ,", () => {
    const report = awkwardReport();
    report.results.at(-1)!.uses = [{ file: "dir,a:b%/x.py", line: 12, column: 1, via: "pipeline" }];
    const line = formatGithub(report)
      .commands.split("\n")
      .find((entry) => entry.includes("org/model blocked"))!;
    expect(
      line.startsWith("::error title=lic%3A org/model blocked by the policy,file=dir%2Ca%3Ab%25/x.py,line=12,col=1::"),
    ).toBe(true);
    expect(parse(line).properties).toEqual({
      title: "lic: org/model blocked by the policy",
      file: "dir,a:b%/x.py",
      line: "12",
      col: "1",
    });
    expect(escapeData("50%\r\nnext")).toBe("50%25%0D%0Anext");
  });

  it("keeps a 30-model run within GitHub's ten errors and ten warnings a step, every blocked model annotated", () => {
    const report = manyModelsReport(30);
    const lines = formatGithub(report).commands.slice(0, -1).split("\n").map(parse);
    const errors = lines.filter((line) => line.command === "error");
    const warnings = lines.filter((line) => line.command === "warning");
    expect(errors.length).toBeLessThanOrEqual(10);
    expect(warnings.length).toBeLessThanOrEqual(10);
    const blocked = report.results.filter((result) => result.verdict === "block");
    expect(blocked.length).toBeGreaterThan(1);
    for (const result of blocked) {
      const annotation = errors.find((line) => line.properties.title === `lic: ${result.model} blocked by the policy`);
      expect(annotation?.properties.file).toBe("src/models.py");
    }
    expect(warnings).toEqual([
      expect.objectContaining({ properties: { title: expect.stringMatching(/^lic: \d+ models have warnings$/) } }),
    ]);
    const { summary } = formatGithub(report);
    for (const result of report.results)
      for (const finding of result.findings) expect(summary).toContain(formatFindingMessage(finding));
  });

  it("says how many more errors there are when more than ten would be annotated", () => {
    const report = manyModelsReport(30);
    for (const result of report.results) result.findings.push({ ...report.results[2]!.findings[0]! });
    const errors = formatGithub(report)
      .commands.split("\n")
      .filter((line) => line.startsWith("::error "));
    expect(errors).toHaveLength(10);
    expect(parse(errors.at(-1)!).message).toMatch(/^\d+ more errors: see the job summary\.$/);
  });

  it("summarizes every model in a table, then the blocking findings", () => {
    const report = fixedReport();
    const { summary } = formatGithub(report);
    const rows = summary
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| Model") && !line.startsWith("| ---"));
    expect(rows).toHaveLength(report.results.length + report.errors.length);
    report.results.forEach((result, index) => {
      const cells = rows[index]!.split(" | ");
      expect(cells[0]).toBe(`| ${result.model}`);
      expect(cells[1]).toBe(`\`${result.revision.slice(0, 12)}\``);
      expect(cells[2]).toBe({ allow: "ALLOW", warn: "WARN", block: "BLOCK" }[result.verdict]);
    });
    expect(rows.at(-1)).toContain("NOT CHECKED");
    const blocking = summary.slice(summary.indexOf("### Blocking findings"), summary.indexOf("### Warnings"));
    for (const finding of report.results.flatMap((result) => result.findings)) {
      if (finding.severity === "error") expect(blocking).toContain(formatFindingMessage(finding));
      else expect(blocking).not.toContain(`\`${finding.code}\``);
    }
  });
});
