import { execFile } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatHtml } from "../../src/report/html.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";
import { useTempDirs } from "../support/temp-dir.js";

const run = promisify(execFile);
const CHROMIUM = "/usr/bin/chromium";
const APACHE_LICENSE_SHA256 = "c274f80372d90c012937370f0e1f15087d22e308ef98b27cea5dc0d2d088366c";
const HOSTILE = "<script>alert(1)</script> | \"quoted\" & 'single'";

function hostileReport(): RunReport {
  const report = fixedReport();
  return {
    ...report,
    errors: [...report.errors, { model: "evil/<b>model</b>", revision: "main", kind: "error", message: HOSTILE }],
  };
}

/** Debian's chromium, headless, in a fresh profile, with no network chatter; fails loudly when missing. */
async function chromium(tempDir: string, ...args: string[]): Promise<string> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the HTML report is tested in a real headless browser, so .ci/run must install it ` +
        "(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) before npm test",
    );
  }
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--user-data-dir=${join(tempDir, "profile")}`,
  ];
  const { stdout } = await run(CHROMIUM, [...flags, ...args], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

describe("html report", () => {
  const tempDir = useTempDirs();

  it("matches the snapshot", async () => {
    await expect(formatHtml(fixedReport())).toMatchFileSnapshot("__snapshots__/report.html");
  });

  it("gives byte-identical output for the same input", () => {
    expect(formatHtml(fixedReport())).toBe(formatHtml(fixedReport()));
  });

  it("is one self-contained page: charset, title, inline CSS with print rules, no scripts or external assets", () => {
    const out = formatHtml(fixedReport());
    expect(out).toMatch(/^<!DOCTYPE html>\n/);
    expect(out).toContain(`<meta charset="utf-8">`);
    expect(out).toMatch(/<title>[^<]+<\/title>/);
    expect(out).toContain("@media print");
    expect(out).not.toMatch(/<script|<link|@import|url\(|src=/i);
  });

  it("carries the explanation of every finding code that occurs, linked from each finding, and no repo-relative link", () => {
    const report = fixedReport();
    const out = formatHtml(report);
    const codes = new Set(report.results.flatMap((result) => result.findings.map((finding) => finding.code)));
    const explained = [...out.matchAll(/<article class="explanation" id="explain-([a-z-]+)">/g)].map(
      (match) => match[1],
    );
    expect(new Set(explained)).toEqual(codes);
    expect(explained).toHaveLength(codes.size);
    for (const code of codes) {
      expect(out).toContain(`<a href="#explain-${code}"><code>${code}</code></a>`);
      expect(out).toContain(`href="https://github.com/lic-dev/lic/blob/main/docs/findings/${code}.md"`);
    }
    expect(out).toContain("<h4>What it means</h4>");
    expect(out).not.toMatch(/href="docs\//);
    expect(formatHtml({ ...report, results: [], errors: [] })).not.toContain(`<section class="explanations"`);
  });

  it("escapes every interpolated string", () => {
    const out = formatHtml(hostileReport());
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<b>model</b>");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt; | &quot;quoted&quot; &amp; &#39;single&#39;");
  });

  it("renders in a real browser: a verdict row per model, the evidence, hostile text inert", async () => {
    const dir = tempDir();
    const file = join(dir, "report.html");
    writeFileSync(file, formatHtml(hostileReport()));
    const dom = await chromium(dir, "--dump-dom", pathToFileURL(file).href);

    const table = dom.match(/<table id="verdicts">([\s\S]*?)<\/table>/)?.[1] ?? "";
    const rows = table.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1]?.match(/<tr\b/g) ?? [];
    expect(rows).toHaveLength(6); // 4 checked models, 2 not checked
    expect([...table.matchAll(/data-verdict="([a-z]+)"/g)].map((match) => match[1])).toEqual([
      "allow",
      "warn",
      "block",
      "block",
    ]);
    expect(table.match(/class="verdict not-checked"/g)).toHaveLength(2);

    expect(dom.match(/<section class="model" id="[a-z0-9-]+"/g)).toHaveLength(4);
    expect(dom).toContain(`<section class="model" id="google-bert-bert-base-uncased"`);
    expect(dom).toContain(APACHE_LICENSE_SHA256);
    expect(dom).toContain("gated: manual");
    expect(dom).toContain(`<article class="explanation" id="explain-license-missing">`);

    expect(dom).not.toMatch(/<script/i);
    expect(dom).not.toContain("<b>model</b>");
    expect(dom).toContain("&lt;script&gt;alert(1)&lt;/script&gt; | \"quoted\" &amp; 'single'");
  }, 90_000);

  it("renders a non-trivial screenshot", async () => {
    const dir = tempDir();
    const file = join(dir, "report.html");
    const png = join(dir, "report.png");
    writeFileSync(file, formatHtml(fixedReport()));
    await chromium(
      dir,
      `--screenshot=${png}`,
      "--window-size=1280,2000",
      "--hide-scrollbars",
      pathToFileURL(file).href,
    );
    expect(existsSync(png), "chromium wrote no screenshot").toBe(true);
    expect(statSync(png).size).toBeGreaterThan(50_000);
  }, 90_000);
});
