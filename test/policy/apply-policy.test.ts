import { describe, expect, it } from "vitest";
import { applyPolicy } from "../../src/policy/apply-policy.js";
import type { Fact } from "../../src/types/finding.js";
import { policyFrom, TODAY } from "../support/policies.js";

const model = { id: "org/model", requestedId: "org/model", sha: "a".repeat(40) };
const nonCommercial: Fact = {
  code: "license-non-commercial",
  args: { license: "cc-by-nc-4.0", scope: "non-commercial" },
  subject: { license: "cc-by-nc-4.0" },
  evidence: [],
};
const notInCatalog: Fact = {
  code: "license-not-in-catalog",
  args: { id: "acme" },
  subject: { license: "acme" },
  evidence: [],
};
const decide = (fact: Fact, policy: string) =>
  applyPolicy([fact], policyFrom(policy), model, TODAY).map((finding) => [finding.severity, finding.rule?.path]);

describe("applyPolicy: one severity per finding, decided after every check", () => {
  it.each([
    ["a rule not set reports nothing", nonCommercial, "name: bare\n", []],
    ["a rule set to allow reports nothing", nonCommercial, "rules:\n  nonCommercial: allow\n", []],
    [
      "a rule's outcome, with where it is written",
      nonCommercial,
      "rules:\n  nonCommercial: warn\n",
      [["warning", "rules.nonCommercial"]],
    ],
    [
      "an override replaces the rule",
      nonCommercial,
      "rules:\n  nonCommercial: warn\nseverity:\n  license-non-commercial: error\n",
      [["error", "severity.license-non-commercial"]],
    ],
    [
      "an override cannot report what the rule does not",
      nonCommercial,
      "severity:\n  license-non-commercial: error\n",
      [],
    ],
    ["an ungoverned code takes the table's default", notInCatalog, "name: bare\n", [["warning", undefined]]],
    ["off drops it", notInCatalog, "severity:\n  license-not-in-catalog: 'off'\n", []],
  ])("%s", (_name, fact, policy, expected) => {
    expect(decide(fact, policy)).toEqual(expected);
  });

  it("drops the decision basis: the report shows args", () => {
    const fact: Fact = {
      code: "license-unidentified",
      args: { declared: ["other"] },
      subject: null,
      evidence: [],
      basis: { alone: true },
    };
    const [finding] = applyPolicy([fact], policyFrom("name: bare\n"), model, TODAY);
    expect(finding).toEqual({
      code: "license-unidentified",
      severity: "error",
      args: { declared: ["other"] },
      subject: null,
      evidence: [],
    });
  });

  it("applies waivers last, and reports one that matches nothing at the table's severity", () => {
    const waivers = (finding: string) =>
      `waivers:\n  - model: org/model\n    finding: ${finding}\n    reason: r\n    approvedBy: a\n    expires: 2027-01-01\n`;
    expect(applyPolicy([notInCatalog], policyFrom(waivers("license-not-in-catalog")), model, TODAY)).toMatchObject([
      { code: "license-not-in-catalog", severity: "info", waiver: { approvedBy: "a" } },
    ]);
    expect(applyPolicy([], policyFrom(waivers("license-missing")), model, TODAY)).toMatchObject([
      { code: "waiver-unused", severity: "warning", subject: null, rule: { path: "waivers[0]" } },
    ]);
  });
});
