import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { formatHtml } from "../../src/report/html.js";
import { HTML_STYLE } from "../../src/report/html-style.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";
import { manyModelsRun, oneModelRun } from "../support/html-runs.js";
import { useTempDirs } from "../support/temp-dir.js";
import { chromium } from "./html-browser.js";

const APACHE_LICENSE_SHA256 = "c274f80372d90c012937370f0e1f15087d22e308ef98b27cea5dc0d2d088366c";
const HOSTILE = "<script>alert(1)</script> | \"quoted\" & 'single'";

function hostileReport(): RunReport {
  const report = fixedReport();
  return {
    ...report,
    errors: [...report.errors, { model: "evil/<b>model</b>", revision: "main", kind: "error", message: HOSTILE }],
  };
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

  it("puts the answer first: policy, totals, summary, what we must do; then the models, explanations, sign-off", () => {
    const out = formatHtml(manyModelsRun(30));
    const order = [
      `<section class="policy" id="policy">`,
      `<section class="totals-block" id="totals">`,
      `<section class="summary" id="summary">`,
      `<section class="duties" id="duties">`,
      `<section class="model" id=`,
      `<section class="errors" id="not-checked">`,
      `<section class="explanations" id="explanations">`,
      `<section class="sign-off" id="sign-off">`,
    ].map((part) => out.indexOf(part));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(out).toContain(
      `<li class="verdict-totals">31 models: 12 allowed, 9 allowed with warnings, 9 blocked, 1 not checked</li>`,
    );
  });

  it("warns when the permissive default applied because no policy was named, and states a named policy's context", () => {
    const unnamed = formatHtml(oneModelRun());
    expect(unnamed).toMatch(/<p class="policy-warning">No policy was named \(--policy or lic\.yaml\)/);
    expect(unnamed).toContain(`<dd class="chosen-by">no policy was named</dd>`);
    expect(unnamed).toContain(`<dd class="assumptions"><span class="none">none stated</span></dd>`);

    const named = formatHtml(manyModelsRun(30));
    expect(named).not.toContain(`class="policy-warning"`);
    expect(named).toContain(`<dd class="chosen-by">named with --policy</dd>`);
    expect(named).toContain(`<dd class="assumptions">Organization domiciled in: EU; use: in a commercial product</dd>`);
    expect(named).toContain(`<dd class="not-stated">distribution, monthly active users, annual revenue</dd>`);
  });

  it("is its own table of contents: a summary row per model leads to its section, each section back to the top", () => {
    const out = formatHtml(manyModelsRun(30));
    const sections = [...out.matchAll(/<section class="model" id="([^"]+)"/g)].map((match) => match[1]);
    const summary = out.slice(out.indexOf(`<table id="verdicts">`), out.indexOf("</table>"));
    const rowTargets = [...summary.matchAll(/<tr data-model="[^"]+"><td><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(sections).toHaveLength(30);
    expect(rowTargets).toEqual([...sections, "not-checked"]);
    expect(summary.match(/<td class="reason">/g)).toHaveLength(31);
    expect(out.match(/<p class="back"><a href="#top">Back to top<\/a><\/p>/g)).toHaveLength(32);
    expect(out).toContain(`<header id="top">`);
  });

  it("lists each model's evidence once, numbered, cited by ref from its licenses and findings, most severe first", () => {
    const out = formatHtml(manyModelsRun(30));
    for (const section of out.split(`<section class="model" id="`).slice(1)) {
      const slug = section.slice(0, section.indexOf(`"`));
      const listed = [...section.matchAll(/<li class="evidence" id="([^"]+)">/g)].map((match) => match[1]);
      const cited = new Set([...section.matchAll(/<a href="#([^"]+\.E\d+)">/g)].map((match) => match[1]));
      expect(new Set(listed).size, slug).toBe(listed.length);
      expect(listed, slug).toEqual(listed.map((_, index) => `${slug}.E${index + 1}`));
      expect([...cited].sort(), slug).toEqual([...listed].sort());
      const severities = [...section.matchAll(/<div class="finding (error|warning|info)"/g)].map((match) => match[1]);
      const rank = severities.map((severity) => ["error", "warning", "info"].indexOf(severity!));
      expect(rank, slug).toEqual([...rank].sort((a, b) => a - b));
    }
    expect(out).not.toContain(`<li class="evidence">evidence:`);
  });

  it("says what we must do once: each duty with its clause and the models it applies to, cited from each model", () => {
    const out = formatHtml(manyModelsRun(30));
    const duties = [...out.matchAll(/<li class="duty" id="duty-(O\d+)">(.*?)<\/li>/g)];
    expect(duties.length).toBeGreaterThan(10);
    expect(duties.map((duty) => duty[1])).toEqual(duties.map((_, index) => `O${index + 1}`));
    for (const [, ref, body] of duties) {
      expect(body, ref).toMatch(/Clause: .+<span class="applies">applies to <a href="#[a-z0-9-]+">/);
      expect(out, ref).toContain(`<a href="#duty-${ref}"><span class="ref">${ref}</span></a>`);
    }
  });

  it("prints for sign-off: no in-page link spelled out as a URL, navigation and back links hidden", () => {
    const print = HTML_STYLE.slice(HTML_STYLE.indexOf("@media print"));
    const urlRules = [...print.matchAll(/([^{}\n]*)::after\s*\{[^}]*attr\(href\)/g)].map((match) => match[1]!.trim());
    expect(urlRules).toEqual([`a[href^="http"]:not(.url)`]);
    expect(print).toMatch(/nav\.contents, \.back, li\.docs \{ display: none; \}/);
    expect(print).not.toMatch(/break-before: page/);
    expect(print).toMatch(/section\.sign-off \{ break-inside: avoid;/);
  });

  it("ends with a sign-off block naming the run it signs for", () => {
    const out = formatHtml(manyModelsRun(30));
    const signOff = out.slice(out.indexOf(`<section class="sign-off" id="sign-off">`), out.indexOf("</main>"));
    for (const field of ["Reviewer name", "Date", "Decision", "Conditions", "Signature"]) {
      expect(signOff).toContain(`<th>${field}</th>`);
    }
    for (const decision of ["Approve", "Approve with conditions", "Reject"]) {
      expect(signOff).toContain(`<span class="choice"><span class="box"></span>${decision}</span>`);
    }
    expect(signOff).toMatch(
      /This review covers: 31 models: .*; policy eu \(digest sha256:[0-9a-f]+\); generated 2026-11-26T12:00:00\.000Z/,
    );
  });
});
