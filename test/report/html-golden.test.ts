import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatHtml } from "../../src/report/html.js";
import { manyModelsRun, oneModelRun } from "../support/html-runs.js";

/** Compared byte for byte; `UPDATE_GOLDENS=1` writes them anew (review the diff before committing it). */
function expectGolden(name: string, actual: string) {
  const file = new URL(`golden/${name}`, import.meta.url);
  if (process.env["UPDATE_GOLDENS"] === "1") writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`no golden ${name}: run with UPDATE_GOLDENS=1 to write it`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("html golden reports", () => {
  it("1-model run (no policy named: the default's warning)", () =>
    expectGolden("1-model.html", formatHtml(oneModelRun())));
  it("30-model run (the eu policy named with --policy)", () =>
    expectGolden("30-models.html", formatHtml(manyModelsRun(30))));
  it("gives the same bytes every time", () =>
    expect(formatHtml(manyModelsRun(30))).toBe(formatHtml(manyModelsRun(30))));
});
