import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatMarkdown } from "../../src/report/markdown.js";
import { formatText } from "../../src/report/text.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";
import { manyModelsReport } from "../support/many-models-report.js";

/**
 * The text and Markdown reports, byte for byte (under __snapshots__/golden, which the formatter leaves alone), for one model (the default policy, nothing named) and for thirty (a
 * named policy, past GitHub's limit). Regenerate after a deliberate change with `UPDATE_GOLDENS=1 npx vitest run
 * test/report/golden.test.ts`, and read the diff.
 */
const GOLDEN = fileURLToPath(new URL("./__snapshots__/golden/", import.meta.url));
const UPDATE = process.env["UPDATE_GOLDENS"] === "1";

function oneModel(): RunReport {
  const report = fixedReport();
  return { ...report, results: report.results.slice(1, 2), errors: [] };
}

const RUNS: [string, () => RunReport][] = [
  ["1-model", oneModel],
  ["30-models", () => manyModelsReport(30)],
];
const FORMATS: [string, (report: RunReport) => string][] = [
  ["txt", (report) => formatText(report)],
  ["md", (report) => formatMarkdown(report)],
];

describe("golden reports", () => {
  for (const [run, build] of RUNS) {
    for (const [extension, format] of FORMATS) {
      it(`${run}.${extension}`, () => {
        const file = `${GOLDEN}${run}.${extension}`;
        const output = format(build());
        if (UPDATE) writeFileSync(file, output);
        expect(output).toBe(readFileSync(file, "utf8"));
      });
    }
  }
});
