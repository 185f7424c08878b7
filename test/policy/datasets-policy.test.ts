import { describe, expect, it } from "vitest";
import { applyPolicy } from "../../src/policy/apply-policy.js";
import type { Fact } from "../../src/types/finding.js";
import { builtInPolicy, policyFrom, TODAY } from "../support/policies.js";

const model = { id: "org/model", requestedId: "org/model", sha: "a".repeat(40) };
const fact = (code: "dataset-non-commercial" | "dataset-share-alike" | "dataset-not-declared"): Fact =>
  code === "dataset-not-declared"
    ? { code, args: { model: "org/model" }, subject: null, evidence: [] }
    : code === "dataset-share-alike"
      ? { code, args: { dataset: "org/data", license: "cc-by-sa-4.0" }, subject: null, evidence: [] }
      : {
          code,
          args: { dataset: "org/data", license: "cc-by-nc-4.0", scope: "non-commercial" },
          subject: null,
          evidence: [],
        };
const decide = (item: Fact, policy: string) =>
  applyPolicy([item], policyFrom(policy), model, TODAY).map((finding) => [
    finding.severity,
    finding.rule?.path ?? null,
  ]);

describe("the policy's datasets: section", () => {
  it("is located: each setting names its file, line and path", () => {
    const policy = policyFrom("name: team\ndatasets:\n  nonCommercial: block\n  notDeclared: warn\n", "/p/team.yaml");
    expect(policy.datasets).toEqual({
      nonCommercial: { value: "block", at: { file: "/p/team.yaml", line: 3, path: "datasets.nonCommercial" } },
      notDeclared: { value: "warn", at: { file: "/p/team.yaml", line: 4, path: "datasets.notDeclared" } },
    });
  });

  it("lays a team's settings over its base's, key by key", () => {
    const policy = policyFrom("extends: default\ndatasets:\n  shareAlike: warn\n");
    expect(Object.keys(policy.datasets)).toEqual(["shareAlike"]);
  });

  it.each([
    ["advisories warn by default", fact("dataset-non-commercial"), "name: bare\n", [["warning", null]]],
    ["facts are information by default", fact("dataset-share-alike"), "name: bare\n", [["info", null]]],
    ["dataset-not-declared is off by default", fact("dataset-not-declared"), "name: bare\n", []],
    [
      "block is an error",
      fact("dataset-non-commercial"),
      "datasets:\n  nonCommercial: block\n",
      [["error", "datasets.nonCommercial"]],
    ],
    [
      "warn is a warning",
      fact("dataset-share-alike"),
      "datasets:\n  shareAlike: warn\n",
      [["warning", "datasets.shareAlike"]],
    ],
    [
      "allow is information",
      fact("dataset-non-commercial"),
      "datasets:\n  nonCommercial: allow\n",
      [["info", "datasets.nonCommercial"]],
    ],
    ["off drops it", fact("dataset-non-commercial"), "datasets:\n  nonCommercial: 'off'\n", []],
    [
      "off, unquoted (YAML 1.2 reads it as a string)",
      fact("dataset-share-alike"),
      "datasets:\n  shareAlike: off\n",
      [],
    ],
    [
      "a setting turns an off finding on",
      fact("dataset-not-declared"),
      "datasets:\n  notDeclared: block\n",
      [["error", "datasets.notDeclared"]],
    ],
    [
      "severity: overrides the setting",
      fact("dataset-non-commercial"),
      "datasets:\n  nonCommercial: block\nseverity:\n  dataset-non-commercial: info\n",
      [["info", "severity.dataset-non-commercial"]],
    ],
    [
      "severity: off drops what the setting reports",
      fact("dataset-non-commercial"),
      "datasets:\n  nonCommercial: block\nseverity:\n  dataset-non-commercial: 'off'\n",
      [],
    ],
  ])("%s", (_name, item, policy, expected) => {
    expect(decide(item, policy)).toEqual(expected);
  });

  it("a waiver turns a dataset finding into information, as any other", () => {
    const policy = policyFrom(
      "datasets:\n  nonCommercial: block\nwaivers:\n  - model: org/model\n    finding: dataset-non-commercial\n    reason: Legal reviewed the training data.\n    approvedBy: Jane Doe\n    expires: 2027-12-31\n",
    );
    const [finding] = applyPolicy([fact("dataset-non-commercial")], policy, model, TODAY);
    expect(finding).toMatchObject({ severity: "info", waiver: { approvedBy: "Jane Doe" } });
  });
});

describe("the policy digest", () => {
  it("does not change for a policy without the section (lock files and reports carry it)", () => {
    // The digest the shipped default policy had before `datasets:` existed: test/report/__snapshots__/golden/*.
    expect(builtInPolicy("default").digest).toBe(
      "sha256:1100d54e8618b358988bbf4b0a4fcf6c2a8b3b8e5c55c0b2e6ba7878b6cef673",
    );
    expect(policyFrom("name: x\n").digest).toBe(policyFrom("name: x\ndatasets: {}\n").digest);
  });

  it("changes with a dataset setting, and each setting counts", () => {
    const digests = new Set(
      ["name: x\n", "name: x\ndatasets:\n  nonCommercial: block\n", "name: x\ndatasets:\n  nonCommercial: warn\n"].map(
        (text) => policyFrom(text).digest,
      ),
    );
    expect(digests.size).toBe(3);
  });
});
