import { describe, expect, it } from "vitest";
import { formatFindingMessage } from "../../src/report/format-message.js";
import { formatJunit } from "../../src/report/junit.js";
import type { Finding } from "../../src/types/finding.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";

/** The attributes of every element named `name`, decoded. */
function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}(\\s[^>]*)?/?>`, "g"))].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? "").matchAll(/([\w.:-]+)="([^"]*)"/g)].map((attribute) => [
        attribute[1]!,
        decode(attribute[2]!),
      ]),
    ),
  );
}

function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, entity: string) =>
    entity.startsWith("#")
      ? String.fromCodePoint(Number(entity.slice(1)))
      : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity]!,
  );
}

const NASTY = `deny <&"'> this\u0001\u0008\uFFFF\nnext line`;

/** The fixed report, with a blocking finding and an error whose wording carries markup and illegal characters. */
function nastyReport(): RunReport {
  const report = fixedReport();
  const finding: Finding = {
    code: "license-denied",
    severity: "error",
    args: { license: NASTY, entry: "x" },
    subject: { license: NASTY },
    evidence: [{ source: "tag", tag: "license:<&>" }],
  };
  report.results[0]!.findings.push(finding);
  report.errors.push({ model: "a/b", revision: "main", kind: "rate-limited", message: NASTY });
  return report;
}

describe("junit", () => {
  it("matches the snapshot", async () => {
    await expect(formatJunit(fixedReport())).toMatchFileSnapshot("__snapshots__/report.junit.xml");
  });

  it("gives byte-identical output for the same input", () => {
    expect(formatJunit(fixedReport())).toBe(formatJunit(fixedReport()));
  });

  it("counts in its attributes what it contains", () => {
    const report = fixedReport();
    const xml = formatJunit(report);
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n`)).toBe(true);
    const testcases = xml.split("<testcase ").slice(1);
    const failed = testcases.filter((testcase) => testcase.includes("<failure ")).length;
    const errored = testcases.filter((testcase) => testcase.includes("<error ")).length;
    const [suites] = elements(xml, "testsuites");
    const [suite] = elements(xml, "testsuite");
    for (const attributes of [suites!, suite!]) {
      expect(attributes).toMatchObject({
        tests: String(testcases.length),
        failures: String(failed),
        errors: String(errored),
        timestamp: report.generatedAt,
      });
    }
    expect(suites!.name).toBe("lic");
    expect(suite!.name).toBe("lic check (policy default)");
    expect(elements(xml, "testsuite")).toHaveLength(1);
    expect(failed).toBeGreaterThan(0);
    expect(errored).toBe(report.errors.length);
  });

  it("has one test case per model and per model not checked", () => {
    const report = fixedReport();
    const cases = elements(formatJunit(report), "testcase");
    expect(cases).toEqual([
      ...report.results.map((result) => ({ classname: "lic", name: `${result.model}@${result.revision}` })),
      ...report.errors.map((error) => ({
        classname: "lic",
        name: error.revision ? `${error.model}@${error.revision}` : error.model,
      })),
    ]);
  });

  it("has a failure per blocking finding, warnings in the output", () => {
    const report = fixedReport();
    const xml = formatJunit(report);
    const blocking = report.results.flatMap((result) =>
      result.findings.filter((finding) => finding.severity === "error"),
    );
    expect(elements(xml, "failure")).toEqual(
      blocking.map((finding) => ({ type: finding.code, message: formatFindingMessage(finding) })),
    );
    expect(elements(xml, "error")).toEqual(
      report.errors.map((error) => ({ type: error.kind, message: error.message })),
    );
    const warnings = report.results.flatMap((result) =>
      result.findings.filter((finding) => finding.severity === "warning"),
    );
    for (const warning of warnings) expect(xml).toContain(`warning ${warning.code}: `);
    expect(xml).toContain(
      "evidence: api cardData.license = null\nrule: policies/default.yaml:7 unknownLicense\nsee https://github.com/lic-dev/lic/blob/main/docs/findings/license-missing.md</failure>",
    );
  });

  it("escapes markup and drops characters XML 1.0 cannot carry", () => {
    const xml = formatJunit(nastyReport());
    expect(xml).toContain(`message="deny &lt;&amp;&quot;&apos;&gt; this&#10;next line`);
    expect(xml).toContain("evidence: tag license:&lt;&amp;&gt;");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const expected = `deny <&"'> this\nnext line`;
    expect(elements(xml, "error").at(-1)).toEqual({ type: "rate-limited", message: expected });
    expect(elements(xml, "failure").find((failure) => failure.type === "license-denied")!.message).toBe(
      `${expected} is denied by the policy (deny: x)`,
    );
    // No raw markup character outside tags: every "<" opens an element, every "&" an entity.
    expect(xml.match(/&(?!(amp|lt|gt|quot|apos|#\d+);)/g)).toBeNull();
    expect(xml.match(/<(?![?/a-z])/g)).toBeNull();
  });
});
