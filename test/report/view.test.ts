import { describe, expect, it } from "vitest";
import { reportView } from "../../src/report/view.js";
import { policyView } from "../../src/report/view-policy.js";
import { dutyWords, evidenceWords, whenWords } from "../../src/report/view-words.js";
import type { Finding } from "../../src/types/finding.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";
import { manyModelsReport } from "../support/many-models-report.js";

const byModel = (report: RunReport, id: string) => reportView(report).models.find((model) => model.model === id)!;
const LLAMA = "meta-llama/Meta-Llama-3-8B-Instruct";

/** The fixed report with org/model's findings reversed, so its warning comes before its error. */
function warningFirst(): RunReport {
  const report = fixedReport();
  const broken = report.results.find((result) => result.model === "org/model")!;
  broken.findings = [...broken.findings].reverse();
  expect(broken.findings.map((finding) => finding.severity)).toEqual(["warning", "error"]);
  return report;
}

describe("report view", () => {
  it("lists findings most severe first, keeping the checks' order within a severity", () => {
    expect(byModel(warningFirst(), "org/model").findings.map((finding) => finding.code)).toEqual([
      "license-unidentified",
      "card-metadata-invalid",
    ]);
    const report = fixedReport();
    const llama = report.results.find((result) => result.model === LLAMA)!;
    expect(byModel(report, LLAMA).findings.map((finding) => finding.code)).toEqual(
      llama.findings.map((finding) => finding.code),
    );
  });

  it("numbers each model's evidence once, licenses' first, and has findings cite it by ref", () => {
    const llama = byModel(fixedReport(), LLAMA);
    expect(llama.evidence.map((item) => item.ref)).toEqual(["E1", "E2", "E3", "E4", "E5", "E6"]);
    expect(llama.licenses[0]!.evidenceRefs).toEqual(["E1", "E2", "E3"]);
    // Three findings rest on the license's own evidence: they cite it, they do not repeat it.
    expect(llama.findings.map((finding) => finding.evidenceRefs)).toEqual([
      ["E4", "E5", "E6"],
      ["E1", "E2", "E3"],
      ["E1", "E2", "E3"],
      ["E1", "E2", "E3"],
    ]);
    const cited = llama.findings.flatMap((finding) => finding.details.filter((detail) => detail.kind === "evidence"));
    expect(cited).toHaveLength(12);
    expect(new Set(llama.evidence.map((item) => JSON.stringify(item.evidence))).size).toBe(llama.evidence.length);
  });

  it("treats the same evidence with its keys in another order as one piece", () => {
    const report = fixedReport();
    const unlicensed = report.results.find((result) => result.model.startsWith("dbmdz/"))!;
    const finding = unlicensed.findings[0]!;
    const reordered: Finding = { ...finding, evidence: [{ value: null, field: "cardData.license", source: "api" }] };
    unlicensed.findings = [finding, reordered];
    const model = byModel(report, unlicensed.model);
    expect(model.evidence).toHaveLength(1);
    expect(model.findings.map((each) => each.evidenceRefs)).toEqual([["E1"], ["E1"]]);
  });

  it("gives each verdict a one-line reason from its most severe finding", () => {
    const view = reportView(warningFirst());
    expect(view.models.map((model) => model.reason)).toEqual([
      "apache-2.0: no findings; 4 obligations to meet",
      "license-files-unreadable: license files could not be read; 3 more warnings",
      "license-missing: no license declared",
      "license-unidentified: declared license names no license; 1 warning",
    ]);
  });

  it("names the license and clause of the finding a reason rests on", () => {
    const report = fixedReport();
    const llama = report.results.find((result) => result.model === LLAMA)!;
    llama.findings = llama.findings.filter((finding) => finding.code === "license-commercial-conditions");
    expect(byModel(report, LLAMA).reason).toBe(
      "license-commercial-conditions: commercial use is conditional (Meta Llama 3 Community License Agreement, §2 Additional Commercial Terms)",
    );
  });

  it("totals the models by verdict, the ones not checked, and the findings by severity", () => {
    expect(reportView(fixedReport()).totals).toMatchObject({
      models: 5,
      byVerdict: { allow: 1, warn: 1, block: 2 },
      notChecked: 1,
      findings: { error: 2, warning: 5, info: 0 },
      verdictLine: "5 models: 1 allowed, 1 allowed with warnings, 2 blocked, 1 not checked",
      findingsLine: "findings: 2 errors, 5 warnings, 0 notes",
    });
  });

  it("warns plainly when the permissive default policy applied because nothing named one", () => {
    const unnamed = policyView({ name: "default", digest: "sha256:0" });
    expect(unnamed.chosenBy).toBe("default");
    expect(unnamed.defaultWarning).toMatch(/^No policy was named .*permissive built-in `default` policy/);
    expect(policyView({ name: "default", digest: "sha256:0", chosenBy: "default" }).defaultWarning).not.toBeNull();
    const named = policyView({ name: "default", digest: "sha256:0", chosenBy: "flag" });
    expect(named.defaultWarning).toBeNull();
    expect(named.chosenByWords).toBe("named with --policy");
    expect(policyView({ name: "acme", digest: "sha256:0", chosenBy: "config" }).chosenByWords).toContain("lic.yaml");
  });

  it("states the policy's context as assumptions in words, and what it leaves unstated", () => {
    const policy = policyView({
      name: "acme",
      digest: "sha256:0",
      chosenBy: "config",
      context: { distribution: "internal-only", use: "commercial-product", domicile: "EU", annualRevenueUsd: 2500000 },
    });
    expect(policy.assumptionsLine).toBe(
      "Organization domiciled in: EU; use: in a commercial product; distribution: internal only; annual revenue: US$2,500,000; not stated: monthly active users",
    );
    expect(policy.assumptions.map((assumption) => assumption.key)).toEqual([
      "domicile",
      "use",
      "distribution",
      "annualRevenueUsd",
    ]);
    expect(policyView({ name: "x", digest: "sha256:0", context: { monthlyActiveUsers: 1200 } }).assumptionsLine).toBe(
      "Monthly active users: 1,200; not stated: domicile, use, distribution, annual revenue",
    );
  });

  it("consolidates the run's obligations once each, with every model they apply to and their clause", () => {
    const view = reportView(manyModelsReport(30));
    const keys = view.obligations.map((obligation) => `${obligation.license} ${obligation.kind} ${obligation.text}`);
    expect(new Set(keys).size).toBe(keys.length);
    const copy = view.obligations.find((each) => each.license === "llama3" && each.kind === "include-license-copy")!;
    expect(copy.models).toEqual(view.models.filter((model) => model.licenseIds.includes("llama3")).map((m) => m.model));
    expect(copy.models.length).toBeGreaterThan(1);
    expect(copy).toMatchObject({
      ref: expect.stringMatching(/^O\d+$/),
      clauseWords: "Meta Llama 3 Community License Agreement, §1.b.i",
      words: "Meta Llama 3 Community License Agreement, §1.b.i: include a copy of the license (when you distribute it)",
      when: "distributing",
      clause: { section: "§1.b.i", url: expect.stringMatching(/^https:\/\//) },
    });
    for (const model of view.models) {
      const own = view.obligations.filter((obligation) => obligation.models.includes(model.model));
      expect(model.obligationRefs).toEqual(own.map((obligation) => obligation.ref));
    }
  });

  it("puts the machine's codes into words", () => {
    expect(whenWords("distributing-derivatives")).toBe("when you distribute derivatives");
    expect(whenWords("something-new")).toBe("when: something-new");
    expect(dutyWords("name-prefix", "Llama")).toBe('begin the name of any derived model with "Llama"');
    expect(evidenceWords({ source: "api", field: "siblings", value: "LICENSE" })).toBe("the Hub's file list: LICENSE");
    expect(evidenceWords({ source: "api", field: "cardData.license", value: null })).toBe(
      "the Hub's card metadata: no license",
    );
  });
});
