import { describe, expect, it } from "vitest";
import { formatHtml } from "../../src/report/html.js";
import { datasetOnItsOwnReport, modelWithDatasetsReport } from "../support/datasets-report.js";
import { manyModelsRun, oneModelRun } from "../support/html-runs.js";
import { useTempDirs } from "../support/temp-dir.js";
import { countPixels, decodePng, pdfPageCount, printToPdf, screenshot } from "./html-browser.js";

/** What the old layout printed for 29 models (issue 15): a page and more per model, in-page links as URLs. */
const PAGES_BEFORE = 74;
/** The policy warning's fill (#fff8c5); a WARN badge has it too, but a few hundred pixels of it, not tens of thousands. */
const WARNING_FILL: [number, number, number] = [0xff, 0xf8, 0xc5];
/** A BLOCK badge's fill (#ffebe9). */
const BLOCK_FILL: [number, number, number] = [0xff, 0xeb, 0xe9];

describe("html report in Chromium", () => {
  const tempDir = useTempDirs();

  it("screenshots a 1-model run: the size asked for, not blank, the default-policy warning in sight", async () => {
    const pixels = decodePng(await screenshot(tempDir(), formatHtml(oneModelRun()), 1280, 1600));
    expect([pixels.width, pixels.height]).toEqual([1280, 1600]);
    const { ink, matching } = countPixels(pixels, WARNING_FILL);
    // Text, tables and badges cover a good part of the page; a blank or failed render has next to none.
    expect(ink / (pixels.width * pixels.height)).toBeGreaterThan(0.03);
    expect(matching, "the warning box that no policy was named").toBeGreaterThan(20_000);
  }, 90_000);

  it("screenshots a 30-model run: the size asked for, not blank, blocked models marked", async () => {
    const pixels = decodePng(await screenshot(tempDir(), formatHtml(manyModelsRun(30)), 1280, 2400));
    expect([pixels.width, pixels.height]).toEqual([1280, 2400]);
    const { ink, matching } = countPixels(pixels, BLOCK_FILL);
    expect(ink / (pixels.width * pixels.height)).toBeGreaterThan(0.03);
    expect(matching, "BLOCK badges in the summary table").toBeGreaterThan(1_000);
  }, 90_000);

  it("prints a 30-model run in a fraction of the pages the old layout took, with in-page links kept in the PDF", async () => {
    const pdf = await printToPdf(tempDir(), formatHtml(manyModelsRun(30)));
    const pages = pdfPageCount(pdf);
    console.info(`30-model run (and 1 not checked): ${pages} printed pages, was ${PAGES_BEFORE} for 29 models`);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(30);
    // In-page anchors become the PDF's own destinations, never a file:// link to the page they came from.
    expect(pdf.toString("latin1")).not.toMatch(/\/URI\s*\(file:/);
  }, 90_000);

  it("prints a 1-model run on a few pages", async () => {
    const pages = pdfPageCount(await printToPdf(tempDir(), formatHtml(oneModelRun())));
    console.info(`1-model run: ${pages} printed pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
  }, 90_000);

  it("prints a model with training data and a dataset on its own on a few pages, the datasets' Hub links kept", async () => {
    const report = modelWithDatasetsReport();
    const run = { ...report, results: [...report.results, ...datasetOnItsOwnReport().results] };
    const pdf = await printToPdf(tempDir(), formatHtml(run));
    const pages = pdfPageCount(pdf);
    console.info(`a model with 3 datasets and a dataset on its own: ${pages} printed pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(6);
    // A link that leaves the page stays a link on paper: the dataset's files at the commit read.
    expect(pdf.toString("latin1")).toContain("/URI (https://huggingface.co/datasets/tatsu-lab/alpaca/tree/");
  }, 90_000);
});
