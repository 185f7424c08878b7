import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { findingInfo } from "../../src/findings/finding-info.js";
import { FINDING_PAGES } from "../../src/report/finding-pages.js";
import { formatFindingMessage } from "../../src/report/format-message.js";
import { formatSarif, sarifRule } from "../../src/report/sarif.js";
import type { Finding } from "../../src/types/finding.js";
import type { RunReport } from "../../src/types/result.js";
import { fixedReport } from "../support/fixed-report.js";
import { scannedReport, usesIn } from "../support/scanned-report.js";

/**
 * The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (sarif-2.1.0-rtm.5.json, the schema SchemaStore
 * serves for 2.1.0). It is written in JSON Schema draft-04, hence ajv-draft-04 rather than Ajv's draft-07 class.
 */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as object;
  // unicodeRegExp: false: the schema's `language` pattern has a stray "]", an error only in unicode mode.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

function expectValid(output: string) {
  const ok = validate(JSON.parse(output));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

/** The fixed report with a waived finding and one whose evidence points at an awkward path. */
function reportWithExtras(): RunReport {
  const report = fixedReport();
  const result = report.results.at(-1)!;
  const waived: Finding = {
    code: "license-non-commercial",
    severity: "info",
    args: { license: "cc-by-nc-4.0", scope: "all use" },
    subject: { license: "cc-by-nc-4.0" },
    evidence: [
      { source: "file", file: "docs/my license.md", commit: result.revision, sha256: "0".repeat(64), line: 2 },
    ],
    waiver: {
      reason: "research use only, approved",
      approvedBy: "legal@example.com",
      ticket: "LEGAL-1",
      expires: "2027-01-01",
      rule: { file: "lic.yaml", line: 3, path: "waivers.0" },
    },
  };
  result.findings.push(waived);
  return report;
}

interface SarifLog {
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
        }[];
      };
    };
    invocations: {
      executionSuccessful: boolean;
      endTimeUtc: string;
      toolExecutionNotifications: { level: string; message: { text: string }; descriptor: { id: string } }[];
    }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } };
        logicalLocations: { fullyQualifiedName: string; kind: string }[];
      }[];
      suppressions?: { kind: string; justification: string }[];
      partialFingerprints: Record<string, string>;
      properties: { model: string; revision: string; hubFiles?: string[] };
    }[];
  }[];
}

describe("sarif", () => {
  it("matches the snapshot", async () => {
    await expect(formatSarif(fixedReport())).toMatchFileSnapshot("__snapshots__/report.sarif.json");
  });

  it("gives byte-identical output for the same input", () => {
    expect(formatSarif(fixedReport())).toBe(formatSarif(fixedReport()));
  });

  it("is valid against the SARIF 2.1.0 schema", () => {
    expectValid(formatSarif(fixedReport()));
    expectValid(formatSarif(reportWithExtras()));
    expectValid(formatSarif({ ...fixedReport(), results: [], errors: [] }));
  });

  it("the schema check does catch an invalid log", () => {
    const log = JSON.parse(formatSarif(fixedReport()));
    log.runs[0].results[0].level = "fatal";
    expect(validate(log)).toBe(false);
    const badTime = JSON.parse(formatSarif(fixedReport()));
    badTime.runs[0].invocations[0].endTimeUtc = "yesterday";
    expect(validate(badTime)).toBe(false);
  });

  it("has one result per finding, with the finding code as ruleId and the severity mapped to a level", () => {
    const report = fixedReport();
    const log = JSON.parse(formatSarif(report)) as SarifLog;
    const run = log.runs[0]!;
    const findings = report.results.flatMap((result) => result.findings.map((finding) => ({ result, finding })));
    expect(findings.length).toBeGreaterThan(0);
    expect(run.results).toHaveLength(findings.length);
    const levels = { error: "error", warning: "warning", info: "note" } as const;
    findings.forEach(({ result, finding }, index) => {
      const sarif = run.results[index]!;
      expect(sarif.ruleId).toBe(finding.code);
      expect(run.tool.driver.rules[sarif.ruleIndex]!.id).toBe(finding.code);
      expect(sarif.level).toBe(levels[finding.severity]);
      expect(sarif.message.text).toBe(
        `${result.model}@${result.revision.slice(0, 12)}: ${formatFindingMessage(finding)}`,
      );
      expect(sarif.locations[0]!.physicalLocation).toBeDefined();
      expect(sarif.locations[0]!.logicalLocations).toEqual([
        { fullyQualifiedName: `${result.model}@${result.revision}`, kind: "module" },
      ]);
      expect(sarif.properties).toMatchObject({ model: result.model, revision: result.revision });
    });
    expect(new Set(run.results.map((result) => result.level))).toEqual(new Set(["error", "warning"]));
  });

  it("lists one rule per finding code that occurs, with its title and docs page", () => {
    const report = fixedReport();
    const run = (JSON.parse(formatSarif(report)) as SarifLog).runs[0]!;
    const codes = new Set(report.results.flatMap((result) => result.findings.map((finding) => finding.code)));
    expect(run.tool.driver.rules.map((rule) => rule.id).sort()).toEqual([...codes].sort());
    for (const rule of run.tool.driver.rules) {
      const info = findingInfo[rule.id as keyof typeof findingInfo];
      const page = FINDING_PAGES[rule.id as keyof typeof FINDING_PAGES];
      expect(rule.shortDescription.text).toBe(info.title);
      expect(rule.fullDescription.text.length).toBeGreaterThan(info.title.length);
      expect(page.replace(/\s+/g, " ")).toContain(rule.fullDescription.text.slice(0, 40).replace(/\*\*/g, ""));
      expect(rule.help).toEqual({ text: page, markdown: page });
      expect(rule).toMatchObject({ helpUri: `https://github.com/lic-dev/lic/blob/main/${info.docs}` });
    }
    expect(run.tool.driver).toMatchObject({
      name: "lic",
      version: "0.0.0-test",
      semanticVersion: "0.0.0-test",
      informationUri: "https://github.com/lic-dev/lic#readme",
    });
  });

  it("gives every finding code's rule a prose description from its docs page", () => {
    for (const code of Object.keys(FINDING_PAGES) as (keyof typeof FINDING_PAGES)[]) {
      expect(sarifRule(code).fullDescription.text, code).toMatch(/^[A-Z`].{40,}/);
    }
  });

  it("never locates a finding at a Hub file: without a use, at the policy line that decided it, the Hub file a link", () => {
    const run = (JSON.parse(formatSarif(fixedReport())) as SarifLog).runs[0]!;
    for (const result of run.results)
      expect(result.locations[0]!.physicalLocation!.artifactLocation.uri).not.toBe("README.md");
    const missing = run.results.find((result) => result.ruleId === "license-missing")!;
    expect(missing.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "policies/default.yaml" },
      region: { startLine: 7 },
    });
    expect(missing.properties).toMatchObject({ locatedAt: "policy", locatedAtBuiltInPolicy: true });
    // No rule decided it (a default severity): the run's policy file, at its first line.
    const invalid = run.results.find((result) => result.ruleId === "card-metadata-invalid")!;
    expect(invalid.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "policies/default.yaml" },
      region: { startLine: 1 },
    });
    expect(invalid.properties.hubFiles).toEqual([
      `https://huggingface.co/org/model/blob/${"a".repeat(40)}/README.md#L5`,
    ]);
  });

  it("fingerprints a finding by its code, model and args: the same across runs and lines, distinct within a run", () => {
    const fingerprints = (report: RunReport) =>
      (JSON.parse(formatSarif(report)) as SarifLog).runs[0]!.results.map(
        (result) => result.partialFingerprints["licFinding/v1"],
      );
    const moved = fixedReport();
    for (const result of moved.results) result.uses = usesIn("src/elsewhere.py", 2);
    expect(fingerprints(moved)).toEqual(fingerprints(fixedReport()));
    expect(new Set(fingerprints(fixedReport())).size).toBe(fingerprints(fixedReport()).length);
    for (const value of fingerprints(fixedReport())) expect(value).toMatch(/^[0-9a-f]{64}$/);
  });

  it("marks waived findings as suppressed, with the waiver's reason", () => {
    const run = (JSON.parse(formatSarif(reportWithExtras())) as SarifLog).runs[0]!;
    const waived = run.results.find((result) => result.ruleId === "license-non-commercial")!;
    expect(waived.level).toBe("note");
    expect(waived.suppressions).toEqual([{ kind: "external", justification: "research use only, approved" }]);
    expect(waived.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "lic.yaml" },
      region: { startLine: 3 },
    });
    expect(run.results.filter((result) => result.suppressions)).toHaveLength(1);
  });

  it("reports models that could not be checked as tool execution notifications", () => {
    const report = fixedReport();
    const invocation = (JSON.parse(formatSarif(report)) as SarifLog).runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.endTimeUtc).toBe(report.generatedAt);
    // First the run's own notice (the fixed report names no policy, so the default applied), then one a model.
    expect(invocation.toolExecutionNotifications).toHaveLength(1 + report.errors.length);
    expect(invocation.toolExecutionNotifications[0]).toMatchObject({
      level: "warning",
      descriptor: { id: "default-policy" },
    });
    expect(invocation.toolExecutionNotifications[1]).toMatchObject({
      level: "error",
      message: { text: report.errors[0]!.message },
      descriptor: { id: "repo-not-found" },
    });
    const clean = (JSON.parse(formatSarif({ ...report, errors: [] })) as SarifLog).runs[0]!.invocations[0]!;
    expect(clean.executionSuccessful).toBe(true);
  });

  describe("after a scan", () => {
    const run = () => (JSON.parse(formatSarif(scannedReport())) as ScannedLog).runs[0]!;

    it("is valid, and byte-identical for the same input", () => {
      expectValid(formatSarif(scannedReport()));
      expect(formatSarif(scannedReport())).toBe(formatSarif(scannedReport()));
    });

    it("locates a model's findings at its first use in the code, the others related, the model kept as logical location", () => {
      const report = scannedReport();
      const llama = report.results[1]!;
      const results = run().results.filter((result) => result.properties.model === llama.model);
      expect(results).toHaveLength(llama.findings.length);
      for (const result of results) {
        expect(result.locations).toEqual([
          {
            physicalLocation: { artifactLocation: { uri: "src/app.py" }, region: { startLine: 10, startColumn: 5 } },
            logicalLocations: [{ fullyQualifiedName: `${llama.model}@${llama.revision}`, kind: "module" }],
          },
        ]);
        expect(result.relatedLocations!.map((location) => location.physicalLocation.region.startLine)).toEqual([
          11, 12, 13, 14, 15, 16,
        ]);
        expect(result.relatedLocations!.map((location) => location.id)).toEqual([1, 2, 3, 4, 5, 6]);
      }
    });

    it("locates a model without uses at the policy, not at its Hub evidence", () => {
      const invalid = run().results.find((result) => result.ruleId === "card-metadata-invalid")!;
      expect(invalid.locations[0]!.physicalLocation).toEqual({
        artifactLocation: { uri: "policies/default.yaml" },
        region: { startLine: 1 },
      });
      expect(invalid).not.toHaveProperty("relatedLocations");
    });

    it("gives each project finding a result at its code or lock evidence, and a rule", () => {
      const log = run();
      const missing = log.results.find((result) => result.ruleId === "lock-entry-missing")!;
      expect(missing.level).toBe("error");
      expect(missing.message.text).toMatch(/^The code loads the model org\/new-model@main/);
      expect(missing.locations).toEqual([
        { physicalLocation: { artifactLocation: { uri: "src/train.py" }, region: { startLine: 7, startColumn: 13 } } },
      ]);
      expect(missing.relatedLocations).toEqual([
        {
          id: 1,
          physicalLocation: { artifactLocation: { uri: "src/serve.py" }, region: { startLine: 21, startColumn: 9 } },
        },
      ]);
      const unused = log.results.find((result) => result.ruleId === "lock-entry-unused")!;
      expect(unused.level).toBe("warning");
      expect(unused.locations).toEqual([
        { physicalLocation: { artifactLocation: { uri: "lic.lock" }, region: { startLine: 4 } } },
      ]);
      const rules = log.tool.driver.rules.map((rule) => rule.id);
      for (const result of log.results) expect(log.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(rules).toEqual(expect.arrayContaining(["lock-entry-missing", "lock-entry-unused"]));
      expect(new Set(log.results.map((result) => result.ruleId))).toEqual(new Set(rules));
    });
  });
});

type Region = { startLine: number; startColumn?: number };
/** The parts of a log after a scan the tests read: locations with columns, related locations. */
interface ScannedLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation?: { artifactLocation: { uri: string }; region: Region } }[];
      relatedLocations?: { id: number; physicalLocation: { artifactLocation: { uri: string }; region: Region } }[];
      properties: { model?: string };
    }[];
  }[];
}
