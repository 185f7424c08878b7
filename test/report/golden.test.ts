import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatGithub } from "../../src/report/github.js";
import { formatJunit } from "../../src/report/junit.js";
import { formatSarif } from "../../src/report/sarif.js";
import type { RunReport } from "../../src/types/result.js";
import { manyModelsReport } from "../support/many-models-report.js";

/** The formats read where they land (code scanning, an Actions step, a CI's test view), each as its golden file. */
const FORMATS: Record<string, (report: RunReport) => string> = {
  "sarif.json": formatSarif,
  "github.txt": (report) => formatGithub(report).commands,
  "github-summary.md": (report) => formatGithub(report).summary,
  "junit.xml": formatJunit,
};

/** A 1-model run (a model whose card declares no license, loaded once) and a 30-model run from real fixtures. */
const RUNS: Record<string, () => RunReport> = {
  "1-model": () => {
    const report = manyModelsReport(3);
    return { ...report, results: report.results.slice(2, 3), errors: [] };
  },
  "30-models": () => manyModelsReport(30),
};

/** Under __snapshots__ (which the formatter leaves as written), compared byte for byte; `UPDATE_GOLDENS=1` writes them anew (review the diff before committing it). */
function expectGolden(name: string, actual: string) {
  const file = new URL(`__snapshots__/golden/${name}`, import.meta.url);
  if (process.env["UPDATE_GOLDENS"] === "1") writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`no golden ${name}: run with UPDATE_GOLDENS=1 to write it`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("golden reports", () => {
  for (const [run, build] of Object.entries(RUNS)) {
    for (const [format, render] of Object.entries(FORMATS)) {
      it(`${run} ${format}`, () => expectGolden(`${run}.${format}`, render(build())));
    }
  }
});
