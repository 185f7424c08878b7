import { describe, expect, it } from "vitest";
import { formatGithub } from "../../src/report/github.js";
import { formatHtml } from "../../src/report/html.js";
import { formatJunit } from "../../src/report/junit.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { formatText } from "../../src/report/text.js";
import { reportView } from "../../src/report/view.js";
import { scannedReport } from "../support/scanned-report.js";

/** What every human format must carry after a scan: the places a model is used and the project's findings. */
const SEVEN_USES = "src/app.py:10, src/app.py:11, src/app.py:12, src/app.py:13, src/app.py:14 and 2 more";

describe("the view of a scan", () => {
  it("names the first five uses of a model and counts the rest, and every use as file:line", () => {
    const view = reportView(scannedReport());
    expect(view.models[1]!.usedAtSummary).toBe(SEVEN_USES);
    expect(view.models[1]!.usedAt).toHaveLength(7);
    expect(view.models[0]!.usedAt).toEqual(["scripts/embed.py:3"]);
    expect(view.notChecked[0]!.usedAtSummary).toBe("config/models.yaml:2");
  });

  it("has the project's findings as finding views, their first place named", () => {
    const project = reportView(scannedReport()).project!;
    expect(project).toMatchObject({ heading: "Code and lic.lock", root: ".", lock: "lic.lock" });
    expect(project.findings.map((finding) => [finding.severity, finding.code, finding.at])).toEqual([
      ["error", "lock-entry-missing", "src/train.py:7"],
      ["warning", "lock-entry-unused", "lic.lock:4"],
    ]);
  });

  it("is null, and a model has no uses, when the run was not a scan", () => {
    const report = scannedReport();
    delete report.project;
    delete report.results[0]!.uses;
    const view = reportView(report);
    expect(view.project).toBeNull();
    expect(view.models[0]).toMatchObject({ uses: [], usedAt: [], usedAtSummary: null });
  });
});

describe("every human format after a scan", () => {
  it("text: used at under a model and a model not checked, then the project block", () => {
    const out = formatText(scannedReport());
    expect(out).toContain(`\n  used at: ${SEVEN_USES}\n`);
    expect(out).toContain("nobody/nothing  NOT CHECKED\n");
    expect(out).toContain("\n  used at: config/models.yaml:2\n");
    const project = out.slice(out.indexOf("Code and lic.lock: ., lock lic.lock\n"));
    expect(project).toContain("    error lock-entry-missing: The code loads the model org/new-model@main");
    // Evidence stands once, in the block's list, and each finding points into it.
    expect(project).toContain(
      "    E1  your code at src/train.py:7 (transformers.from_pretrained)  (code src/train.py:7:13 (transformers.from_pretrained))",
    );
    expect(project).toContain("    E3  lic.lock line 4 (org/old-model@main)  (lock lic.lock:4 (org/old-model@main))");
    expect(project).toContain("    warning lock-entry-unused: lic.lock lists the model org/old-model@main");
    expect(project).toContain("      see https://github.com/lic-dev/lic/blob/main/docs/findings/lock-entry-missing.md");
    // Datasets the code loads are checked as results of their own; the project block lists none apart.
    expect(project).not.toContain("datasets");
  });

  it("text: colours the project's severities as a model's", () => {
    expect(formatText(scannedReport(), { color: true })).toContain("    \x1b[31merror\x1b[0m lock-entry-missing:");
  });

  it("markdown: a Used at line and column, and the Code and lic.lock section", () => {
    const out = formatMarkdown(scannedReport());
    expect(out).toContain(`- Used at: ${SEVEN_USES}\n`);
    expect(out).toContain("| Model | Revision | Kind | Reason | Used at |");
    expect(out).toMatch(/\| nobody\/nothing \|.*\| config\/models\.yaml:2 \|\n/);
    const project = out.slice(out.indexOf("### Code and lic.lock\n"));
    expect(project).toContain("- Root: `.`\n- Lock: `lic.lock`");
    expect(project).toContain(
      "##### ERROR [lock-entry-missing](https://github.com/lic-dev/lic/blob/main/docs/findings/lock-entry-missing.md): The code loads a repo that lic.lock does not list",
    );
    expect(project).toContain("- Evidence: E1, E2\n");
    expect(project).toContain("- **E2** your code at src/serve.py:21 (pipeline) (code src/serve.py:21:9 (pipeline))");
    expect(project).not.toContain("Datasets");
  });

  it("html: a Used at fact and column, the project section, and its codes explained", () => {
    const out = formatHtml(scannedReport());
    expect(out).toContain(`<dt>Used at</dt><dd class="used-at">${SEVEN_USES}</dd>`);
    expect(out).toContain(`<td class="used-at">config/models.yaml:2</td>`);
    const project = out.slice(out.indexOf(`<section class="model project" id="project">`));
    expect(project).toContain("<h2>Code and lic.lock</h2>");
    expect(project).toContain(`<div class="finding error" data-code="lock-entry-missing">`);
    expect(project).toContain(`<span class="phrase">lock lic.lock:4 (org/old-model@main)</span>`);
    expect(project).not.toContain("Datasets");
    expect(out).toContain(`<article class="explanation" id="explain-lock-entry-unused">`);
  });

  it("junit: a project suite with a test case per finding, an error failing it, the totals counting it", () => {
    const out = formatJunit(scannedReport());
    expect(out).toContain(`<testsuites name="lic" tests="7" failures="3" errors="1"`);
    expect(out).toContain(`<testsuite name="project" tests="2" failures="1" errors="0" skipped="0"`);
    expect(out).toMatch(
      /<testcase classname="lic" name="lock-entry-missing at src\/train\.py:7">\n {6}<failure type="lock-entry-missing" message="The code loads the model org\/new-model@main/,
    );
    expect(out).toMatch(
      /<testcase classname="lic" name="lock-entry-unused at lic\.lock:4">\n {6}<system-out>warning lock-entry-unused:/,
    );
    expect(out).not.toContain("Datasets the code loads");
    expect(out).toContain(`<system-out>used at: ${SEVEN_USES}\nwarning license-files-unreadable:`);
    expect(out).toContain("<system-out>used at: config/models.yaml:2</system-out>");
  });

  it("github: annotations at the first use of a model, with its column, and at the project's evidence", () => {
    const { commands, summary } = formatGithub(scannedReport());
    const lines = commands.trimEnd().split("\n");
    const llama = lines.filter((line) => line.includes("meta-llama/Meta-Llama-3-8B-Instruct@"));
    expect(llama).toEqual([
      expect.stringMatching(
        /^::warning title=lic%3A meta-llama\/Meta-Llama-3-8B-Instruct has warnings,file=src\/app\.py,line=10,col=5::/,
      ),
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error title=lic%3A nobody\/nothing not checked \(repo-not-found\),file=config\/models\.yaml,line=2,col=10::/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error title=lic%3A lock-entry-missing,file=src\/train\.py,line=7,col=13::The code loads/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^::warning title=lic%3A lock-entry-unused,file=lic\.lock,line=4::lic\.lock lists/),
    );
    // A model without uses is annotated at the policy line that decided it, never at the model repo's README.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error title=lic%3A org\/model blocked by the policy,file=policies\/default\.yaml,line=7::/,
      ),
    );
    for (const line of lines) expect(line).not.toContain("file=README.md");

    const project = summary.slice(summary.indexOf("### Code and lic.lock\n"));
    expect(project).toContain("- **error** `lock-entry-missing` The code loads a repo that lic.lock does not list:");
    expect(project).toContain(
      "(at `src/train.py:7`; see <https://github.com/lic-dev/lic/blob/main/docs/findings/lock-entry-missing.md>)",
    );
    expect(project).not.toContain("Datasets the code loads");
  });
});
