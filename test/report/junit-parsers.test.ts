import { XMLValidator } from "fast-xml-parser";
import { parse, type TestSuites } from "junit2json";
import { describe, expect, it } from "vitest";
import { formatJunit } from "../../src/report/junit.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";
import { manyModelsReport } from "../support/many-models-report.js";
import { scannedReport } from "../support/scanned-report.js";

/** Runs whose JUnit XML CI systems must read: a plain one, a scan with a project suite, a 30-model run. */
const RUNS: Record<string, () => RunReport> = {
  fixed: fixedReport,
  scanned: scannedReport,
  "30 models": () => manyModelsReport(30),
};

describe("JUnit XML read by real parsers", () => {
  for (const [name, build] of Object.entries(RUNS)) {
    it(`${name}: well-formed XML (fast-xml-parser's validator)`, () => {
      expect(XMLValidator.validate(formatJunit(build()))).toBe(true);
    });

    it(`${name}: junit2json reads every suite, test case, failure and error, and the counts add up`, async () => {
      const report = build();
      const parsed = (await parse(formatJunit(report))) as TestSuites;
      const suites = parsed.testsuite ?? [];
      const cases = suites.flatMap((suite) => suite.testcase ?? []);
      expect(parsed.tests).toBe(cases.length);
      expect(parsed.failures).toBe(cases.filter((testcase) => (testcase.failure ?? []).length > 0).length);
      expect(parsed.errors).toBe(cases.filter((testcase) => (testcase.error ?? []).length > 0).length);
      for (const suite of suites) expect(suite.tests).toBe((suite.testcase ?? []).length);
      expect(suites[0]!.testcase).toHaveLength(report.results.length + report.errors.length);
      for (const testcase of cases) expect(testcase.name).toMatch(/\S/);
    });
  }
});
