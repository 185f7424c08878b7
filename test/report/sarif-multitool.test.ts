import { spawnSync } from "node:child_process";
import { accessSync, constants, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatSarif } from "../../src/report/sarif.js";
import type { RunReport } from "../../src/types/result.js";
import { datasetOnItsOwnReport, modelWithDatasetsReport } from "../support/datasets-report.js";
import { manyModelsReport } from "../support/many-models-report.js";
import { scannedReport } from "../support/scanned-report.js";
import { useTempDirs } from "../support/temp-dir.js";

/**
 * Microsoft's SARIF validator, with GitHub's upload rules (`--rule-kind "Sarif;Gh"`): the check GitHub code scanning's
 * refusals come from. The npm package is a launcher for a self-contained .NET binary shipped in a per-platform
 * package; it is run directly (the launcher passes its arguments through a shell, which splits "Sarif;Gh" at the `;`).
 */
function multitool(): string {
  const require = createRequire(import.meta.url);
  const binary = require("@microsoft/sarif-multitool") as string;
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    throw new Error(
      `${binary} is not executable: @microsoft/sarif-multitool-${process.platform} did not install for this platform, or its postinstall (chmod u+x) did not run`,
    );
  }
  return binary;
}

/** The validator's findings on the log, as `level ruleId: message` lines; it writes them as a SARIF log itself. */
function validate(log: string): string[] {
  {
    const dir = tempDir();
    const input = join(dir, "lic.sarif");
    const output = join(dir, "validation.sarif");
    writeFileSync(input, log);
    const run = spawnSync(multitool(), ["validate", "--rule-kind", "Sarif;Gh", "--output", output, input], {
      encoding: "utf8",
    });
    if (run.error) throw new Error(`sarif-multitool could not run: ${run.error.message}`);
    expect(run.stdout, run.stderr).toContain("Analysis completed successfully");
    const validation = JSON.parse(readFileSync(output, "utf8")) as {
      runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string } }[] }[];
    };
    return (validation.runs[0]!.results ?? [])
      .filter((result) => result.level === "error" || result.level === "warning" || result.level === undefined)
      .map((result) => `${result.level ?? "warning"} ${result.ruleId}: ${result.message.text ?? result.message.id}`);
  }
}

function oneModel(): RunReport {
  const report = manyModelsReport(6);
  return { ...report, results: report.results.slice(5, 6), errors: [] };
}

const tempDir = useTempDirs();

describe("SARIF against GitHub's upload rules (sarif-multitool validate)", { timeout: 60_000 }, () => {
  it("a 1-model run has no error and no warning", () => {
    expect(validate(formatSarif(oneModel()))).toEqual([]);
  });

  it("a 30-model run has no error and no warning", () => {
    expect(validate(formatSarif(manyModelsReport(30)))).toEqual([]);
  });

  it("a scanned project's run has no error and no warning", () => {
    expect(validate(formatSarif(scannedReport()))).toEqual([]);
  });

  it("a model with training data and a dataset checked on its own have no error and no warning", () => {
    const report = modelWithDatasetsReport();
    const both = { ...report, results: [...report.results, ...datasetOnItsOwnReport().results] };
    expect(JSON.parse(formatSarif(both)).runs[0].results[0].properties.dataset.id).toBe("tatsu-lab/alpaca");
    expect(validate(formatSarif(both))).toEqual([]);
  });

  it("does report what GitHub refuses: a rule without its full description", () => {
    const log = JSON.parse(formatSarif(oneModel()));
    delete log.runs[0].tool.driver.rules[0].fullDescription;
    expect(validate(JSON.stringify(log))).toEqual([expect.stringMatching(/^error GH2012: /)]);
  });
});
