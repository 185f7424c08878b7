import { describe, expect, it } from "vitest";
import { formatFindingMessage } from "../../src/report/format-message.js";
import { formatGithub } from "../../src/report/github.js";
import { bySeverity } from "../../src/report/view-summary.js";
import type { Finding } from "../../src/types/finding.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";

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

  it("writes one command a line, for every error and warning finding and every model not checked", () => {
    const report = awkwardReport();
    const { commands } = formatGithub(report);
    expect(commands.endsWith("\n")).toBe(true);
    const lines = commands.slice(0, -1).split("\n");
    for (const line of lines) expect(line).toMatch(/^::(error|warning) /);
    const annotated = report.results.flatMap((result) =>
      // In the view's order: most severe first.
      bySeverity(result.findings)
        .filter((finding) => finding.severity !== "info")
        .map((finding) => ({ result, finding })),
    );
    expect(lines).toHaveLength(annotated.length + report.errors.length);
    annotated.forEach(({ result, finding }, index) => {
      const parsed = parse(lines[index]!);
      expect(parsed.command).toBe(finding.severity);
      expect(parsed.properties.title).toBe(finding.code);
      expect(parsed.message).toBe(`${result.model}@${result.revision.slice(0, 12)}: ${formatFindingMessage(finding)}`);
    });
    report.errors.forEach((error, index) => {
      expect(parse(lines[annotated.length + index]!)).toEqual({
        command: "error",
        properties: { title: error.kind },
        message: error.message,
      });
    });
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

  it("names the file and line where the evidence has them", () => {
    const lines = formatGithub(fixedReport()).commands.split("\n");
    const invalid = lines.find((line) => line.includes("title=card-metadata-invalid"))!;
    expect(invalid).toMatch(
      /^::warning title=card-metadata-invalid,file=README\.md,line=5::org\/model@aaaaaaaaaaaa: README\.md front matter/,
    );
    const missing = lines.find((line) => line.includes("title=license-missing"))!;
    expect(missing).toMatch(/^::error title=license-missing::/);
  });

  it("escapes %, line breaks, and in properties : and ,", () => {
    const line = formatGithub(awkwardReport())
      .commands.split("\n")
      .find((entry) => entry.includes("title=license-denied"))!;
    expect(line).toBe(
      "::error title=license-denied,file=dir%2Ca%3Ab%25/LICENSE.md,line=12::org/model@aaaaaaaaaaaa: 50%25%0D%0Anext, a:b is denied by the policy (deny: x)",
    );
    expect(parse(line).properties).toEqual({ title: "license-denied", file: "dir,a:b%/LICENSE.md", line: "12" });
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
    const blocking = summary.slice(summary.indexOf("### Blocking findings"));
    for (const finding of report.results.flatMap((result) => result.findings)) {
      if (finding.severity === "error") expect(blocking).toContain(formatFindingMessage(finding));
      else expect(blocking).not.toContain(`\`${finding.code}\``);
    }
  });
});
