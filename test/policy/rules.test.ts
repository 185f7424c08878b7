import { describe, expect, it } from "vitest";
import type { FindingCode } from "../../src/types/finding.js";
import type { CheckResult } from "../../src/types/result.js";
import type { JsonObject, ModelSnapshot } from "../../src/types/snapshot.js";
import { fixtureText, hubApiFixture, readmeFor } from "../support/fixtures.js";
import { builtInPolicy, check, policyFrom } from "../support/policies.js";
import { snapshotOf, snapshotWith } from "../support/snapshots.js";

/**
 * Meta's Llama 4 Scout as the Hub serves it: `license: other` + `license_name: llama4` (hub-api.md §3, the hub-docs
 * license table links this repo's LICENSE), task image-text-to-text, gated; its LICENSE and USE_POLICY.md.
 */
function llama4Scout(): ModelSnapshot {
  const info: JsonObject = {
    id: "meta-llama/Llama-4-Scout-17B-16E-Instruct",
    sha: "e".repeat(40),
    gated: "manual",
    pipeline_tag: "image-text-to-text",
    tags: ["safetensors", "llama4", "image-text-to-text", "license:other"],
    cardData: { license: "other", license_name: "llama4", license_link: "LICENSE", pipeline_tag: "image-text-to-text" },
  };
  return snapshotOf(info, [
    { path: "README.md", role: "readme", text: readmeFor(info) },
    { path: "LICENSE", role: "license", text: fixtureText("license-texts/llama4.txt") },
    { path: "USE_POLICY.md", role: "use-policy", text: fixtureText("license-texts/llama4-aup.txt") },
  ]);
}

/** Llama 3.2 Vision: the same EU clause, a multimodal model known by its architecture. */
function llama32Vision(): ModelSnapshot {
  return {
    ...snapshotWith({ license: "llama3.2" }, ["license:llama3.2"]),
    config: { architectures: ["MllamaForConditionalGeneration"], model_type: "mllama" },
  };
}

function llama32Text(): ModelSnapshot {
  const info = hubApiFixture("meta-llama__Llama-3.2-3B.maruel-fixture");
  return snapshotOf(info, [{ path: "README.md", role: "readme", text: readmeFor(info) }]);
}

const codes = (result: CheckResult) => result.findings.map((finding) => `${finding.severity} ${finding.code}`);
const finding = (result: CheckResult, code: FindingCode) => result.findings.find((item) => item.code === code);

describe("shipped policies on real models", () => {
  it("eu: a Llama 4 multimodal model is blocked, quoting the use-policy clause", () => {
    const result = check(llama4Scout(), builtInPolicy("eu"));
    expect(result.verdict).toBe("block");
    const geographic = finding(result, "license-geographic-restriction");
    expect(geographic).toMatchObject({
      severity: "error",
      args: { license: "llama4", region: "EU", domicile: "EU", multimodal: true },
    });
    expect(geographic?.term?.quote).toContain("company with a principal place of business in, the European Union");
    expect(geographic?.rule).toMatchObject({ path: "rules.geographicExclusions", line: 12 });
    expect(geographic?.rule?.file).toMatch(/policies\/eu\.yaml$/);
    expect(geographic?.evidence).toContainEqual({ source: "api", field: "pipeline_tag", value: "image-text-to-text" });
  });

  it("eu: Llama 3.2 Vision is blocked too; Llama 3.2 3B, text only, is not hit by the multimodal clause", () => {
    expect(finding(check(llama32Vision(), builtInPolicy("eu")), "license-geographic-restriction")).toMatchObject({
      severity: "error",
    });
    const text = check(llama32Text(), builtInPolicy("eu"));
    expect(finding(text, "license-geographic-restriction")).toBeUndefined();
    expect(text.verdict).toBe("warn");
  });

  it("commercial (a US company, no domicile set): Llama 4 is allowed with warnings about its conditions and obligations", () => {
    const result = check(
      llama4Scout(),
      policyFrom("extends: commercial\ncontext:\n  domicile: US\nrules:\n  geographicExclusions: block\n"),
    );
    expect(result.verdict).toBe("warn");
    expect(codes(result)).toEqual([
      "warning license-commercial-conditions",
      "warning license-use-restrictions",
      "info license-geographic-restriction",
    ]);
  });

  it("commercial: CC BY-NC is blocked", () => {
    const readme = fixtureText("model-cards/jinaai__jina-reranker-v2-base-multilingual.md");
    const result = check(
      snapshotWith({ license: "cc-by-nc-4.0" }, ["license:cc-by-nc-4.0"], readme),
      builtInPolicy("commercial"),
    );
    expect(result.verdict).toBe("block");
    expect(finding(result, "license-non-commercial")).toMatchObject({
      severity: "error",
      args: { license: "cc-by-nc-4.0", scope: "non-commercial" },
    });
  });

  it("osi: Apache-2.0 passes", () => {
    const info = hubApiFixture("google-bert__bert-base-uncased");
    const result = check(
      snapshotOf(info, [{ path: "LICENSE", role: "license", text: fixtureText("license-texts/apache-2.0.txt") }]),
      builtInPolicy("osi"),
    );
    expect(result).toMatchObject({ verdict: "allow", findings: [] });
  });

  it.each(["cc-by-4.0", "llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4"])(
    "osi: %s is blocked",
    (license) => {
      const result = check(snapshotWith({ license }, [`license:${license}`]), builtInPolicy("osi"));
      expect(result.verdict).toBe("block");
      expect(finding(result, "license-not-osi-approved")).toMatchObject({ severity: "error", args: { license } });
    },
  );

  it("osi: OSI's stance on Llama is quoted", () => {
    const result = check(snapshotWith({ license: "llama3.1" }), builtInPolicy("osi"));
    expect(finding(result, "license-not-osi-approved")?.term).toMatchObject({
      url: expect.stringContaining("opensource.org"),
    });
  });

  it("osi: an unknown license is blocked", () => {
    expect(check(snapshotWith({ license: "other", license_name: "acme-weights" }), builtInPolicy("osi")).verdict).toBe(
      "block",
    );
  });
});

describe("allow and deny lists", () => {
  it.each([
    ["an allowed license", "licenses:\n  allow: [mit]\n", { license: "mit" }, []],
    [
      "a license off the allow list",
      "licenses:\n  allow: [mit]\n",
      { license: "apache-2.0" },
      ["error license-not-allowed"],
    ],
    ["a denied license", "licenses:\n  deny: [cc-by-nc-4.0]\n", { license: "cc-by-nc-4.0" }, ["error license-denied"]],
    [
      "deny wins over allow",
      "licenses:\n  allow: [mit]\n  deny: [mit]\n",
      { license: "mit" },
      ["error license-denied"],
    ],
    [
      "an OR with one allowed branch",
      "licenses:\n  allow: [apache-2.0]\n",
      { license: "apache-2.0 OR cc-by-nc-4.0" },
      [],
    ],
    [
      "an OR with no allowed branch",
      "licenses:\n  allow: [mit]\n",
      { license: "apache-2.0 OR cc-by-nc-4.0" },
      ["error license-not-allowed", "error license-not-allowed"],
    ],
    [
      "an AND needs every part",
      "licenses:\n  allow: [apache-2.0]\n",
      { license: "apache-2.0 AND cc-by-nc-4.0" },
      ["error license-not-allowed"],
    ],
    [
      "a list of licenses is an AND",
      "licenses:\n  allow: [mit]\n",
      { license: ["mit", "llama3.2"] },
      ["error license-not-allowed"],
    ],
    [
      "WITH needs the exception allowed",
      "licenses:\n  allow: [GPL-2.0-only]\n",
      { license: "GPL-2.0-only WITH Classpath-exception-2.0" },
      ["error license-not-allowed"],
    ],
    [
      "WITH allowed with its exception",
      "licenses:\n  allow: [GPL-2.0-only WITH Classpath-exception-2.0]\n",
      { license: "GPL-2.0-only WITH Classpath-exception-2.0" },
      [],
    ],
    [
      "an allow entry that is an expression",
      "licenses:\n  allow: [MIT OR Apache-2.0]\n",
      { license: "apache-2.0" },
      [],
    ],
  ])("%s", (_name, policyText, cardData, expected) => {
    expect(codes(check(snapshotWith(cardData), policyFrom(policyText)))).toEqual(expected);
  });

  it("says which branch of an OR it took", () => {
    const result = check(
      snapshotWith({ license: "cc-by-nc-4.0 OR apache-2.0" }),
      policyFrom("licenses:\n  allow: [apache-2.0]\n"),
    );
    expect(result.license.choices).toEqual([{ expression: "(cc-by-nc-4.0 OR apache-2.0)", chosen: "apache-2.0" }]);
    expect(result.verdict).toBe("allow");
  });

  it("names the rule that fired: file, line, path", () => {
    const [denied] = check(
      snapshotWith({ license: "mit" }),
      policyFrom("name: x\nlicenses:\n  deny:\n    - apache-2.0\n    - mit\n"),
    ).findings;
    expect(denied?.rule).toEqual({ file: "/policies-under-test/policy.yaml", line: 5, path: "licenses.deny[1]" });
  });
});

describe("rules on the catalog's terms", () => {
  it.each([
    ["osiApproved", "rules:\n  osiApproved: block\n", "cc-by-4.0", ["error license-not-osi-approved"]],
    ["osiApproved passes an approved license", "rules:\n  osiApproved: block\n", "mit", []],
    [
      "nonCommercial",
      "rules:\n  nonCommercial: block\n",
      "fair-noncommercial-research-license",
      ["error license-non-commercial"],
    ],
    ["nonCommercial warn", "rules:\n  nonCommercial: warn\n", "cc-by-nc-4.0", ["warning license-non-commercial"]],
    [
      "commercialConditions",
      "rules:\n  commercialConditions: block\n",
      "llama3.1",
      ["error license-commercial-conditions"],
    ],
    ["useRestrictions", "rules:\n  useRestrictions: block\n", "llama3.1", ["error license-use-restrictions"]],
    [
      "passOnRestrictions hits RAIL",
      "rules:\n  passOnRestrictions: block\n",
      "creativeml-openrail-m",
      ["error license-use-restrictions"],
    ],
    ["passOnRestrictions spares Llama", "rules:\n  passOnRestrictions: block\n", "llama3.1", []],
    [
      "outputTrainingRestrictions hits Llama 3",
      "rules:\n  outputTrainingRestrictions: block\n",
      "llama3",
      ["error license-output-restrictions"],
    ],
    ["outputTrainingRestrictions spares Llama 3.1", "rules:\n  outputTrainingRestrictions: block\n", "llama3.1", []],
    ["allow means no finding", "rules:\n  useRestrictions: allow\n", "llama3.1", []],
  ])("%s", (_name, policyText, license, expected) => {
    expect(codes(check(snapshotWith({ license }), policyFrom(policyText)))).toEqual(expected);
  });

  it("blocks past a user threshold the context states, whatever the rule says", () => {
    const result = check(
      snapshotWith({ license: "llama3.1" }),
      policyFrom("context:\n  monthlyActiveUsers: 800000000\nrules:\n  commercialConditions: allow\n"),
    );
    const found = finding(result, "license-commercial-conditions");
    expect(found).toMatchObject({
      severity: "error",
      args: { exceeded: "800,000,000 monthly active users is over 700,000,000" },
    });
    expect(found?.rule).toMatchObject({ path: "context.monthlyActiveUsers", line: 2 });
  });

  it("blocks past a revenue threshold (Stability AI Community: US$1M)", () => {
    const result = check(
      snapshotWith({ license: "other", license_name: "stabilityai-ai-community" }),
      policyFrom("context:\n  annualRevenueUsd: 2000000\n"),
    );
    expect(finding(result, "license-commercial-conditions")).toMatchObject({ severity: "error" });
  });

  it("only informs of the EU clause a company outside the EU, or without a domicile", () => {
    for (const text of [
      "context:\n  domicile: US\nrules:\n  geographicExclusions: block\n",
      "rules:\n  geographicExclusions: block\n",
      "context:\n  domicile: CH\nrules:\n  geographicExclusions: block\n",
    ]) {
      expect(finding(check(llama4Scout(), policyFrom(text)), "license-geographic-restriction")?.severity).toBe("info");
    }
    expect(
      finding(
        check(llama4Scout(), policyFrom("context:\n  domicile: FR\nrules:\n  geographicExclusions: block\n")),
        "license-geographic-restriction",
      ),
    ).toBeDefined();
  });
});

describe("evidence outcomes and severity overrides", () => {
  it.each([
    ["unknownLicense: allow", "unknownLicense: allow\n", snapshotWith(null), "allow"],
    ["unknownLicense: warn", "unknownLicense: warn\n", snapshotWith({ license: "other" }), "warn"],
    [
      "conflictingEvidence: block",
      "conflictingEvidence: block\n",
      snapshotOf({ id: "o/m", sha: "f".repeat(40), cardData: { license: "mit" } }, [
        { path: "LICENSE", role: "license", text: fixtureText("license-texts/apache-2.0.txt") },
      ]),
      "block",
    ],
    ["severity off", "severity:\n  license-missing: 'off'\n", snapshotWith(null), "allow"],
  ])("%s", (_name, policyText, snapshot, verdict) => {
    expect(check(snapshot, policyFrom(policyText)).verdict).toBe(verdict);
  });
});

describe("waivers", () => {
  const waiver = (extra = "", expires = "2027-06-30") =>
    [
      "licenses:",
      "  allow: [mit]",
      "waivers:",
      "  - model: org/model",
      "    finding: license-not-allowed",
      "    reason: legal approved this model for the pilot",
      "    approvedBy: Jane Doe",
      "    ticket: LEGAL-42",
      `    expires: ${expires}`,
      extra,
    ].join("\n");

  it("turns a finding into information, with who, why and until when", () => {
    const result = check(snapshotWith({ license: "apache-2.0" }), policyFrom(waiver()));
    expect(result.verdict).toBe("allow");
    expect(result.findings[0]).toMatchObject({
      code: "license-not-allowed",
      severity: "info",
      waiver: {
        reason: "legal approved this model for the pilot",
        approvedBy: "Jane Doe",
        ticket: "LEGAL-42",
        expires: "2027-06-30",
        rule: { path: "waivers[0]", line: 4 },
      },
    });
  });

  it("stops applying once expired, and says so", () => {
    const result = check(snapshotWith({ license: "apache-2.0" }), policyFrom(waiver("", "2026-01-31")));
    expect(result.verdict).toBe("block");
    expect(codes(result)).toEqual(["error license-not-allowed", "warning waiver-expired"]);
  });

  it("reports a waiver that matches nothing", () => {
    expect(codes(check(snapshotWith({ license: "mit" }), policyFrom(waiver())))).toEqual(["warning waiver-unused"]);
  });

  it("applies to one revision only when it names one", () => {
    const other = waiver(`    revision: "${"1".repeat(40)}"`);
    expect(check(snapshotWith({ license: "apache-2.0" }), policyFrom(other)).verdict).toBe("block");
  });
});

describe("the context the rules evaluate against", () => {
  it("a research organization is within research-only and non-commercial licenses", () => {
    const research = policyFrom("extends: commercial\ncontext:\n  use: research\n");
    expect(
      finding(check(snapshotWith({ license: "cc-by-nc-4.0" }), research), "license-non-commercial"),
    ).toBeUndefined();
    expect(
      finding(check(snapshotWith({ license: "cc-by-nc-4.0" }), builtInPolicy("commercial")), "license-non-commercial"),
    ).toBeDefined();
  });

  it("pass-through duties bind only organizations that distribute", () => {
    const internal = policyFrom("context:\n  distribution: internal-only\nrules:\n  passOnRestrictions: block\n");
    const customers = policyFrom("context:\n  distribution: customers\nrules:\n  passOnRestrictions: block\n");
    expect(check(snapshotWith({ license: "creativeml-openrail-m" }), internal).verdict).toBe("allow");
    expect(check(snapshotWith({ license: "creativeml-openrail-m" }), customers).verdict).toBe("block");
  });

  it("lists the obligations that follow, for what the organization does with the model", () => {
    const llama = check(llama4Scout(), policyFrom("context:\n  distribution: customers\n"));
    expect(
      llama.obligations.map((obligation) => [obligation.license, obligation.kind, obligation.text ?? null]),
    ).toEqual([
      ["llama4", "include-license-copy", null],
      ["llama4", "display-attribution", "Built with Llama"],
      ["llama4", "name-prefix", "Llama"],
      [
        "llama4",
        "notice-file",
        "Llama 4 is licensed under the Llama 4 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.",
      ],
    ]);
    expect(llama.obligations[1]?.source.section).toBe("§1.b.i (B)");
    const internal = check(llama4Scout(), policyFrom("context:\n  distribution: internal-only\n"));
    expect(internal.obligations).toEqual([]);
    const rail = check(
      snapshotWith({ license: "creativeml-openrail-m" }),
      policyFrom("context:\n  distribution: internal-only\n"),
    );
    expect(rail.obligations.map((obligation) => obligation.kind)).toEqual(["use-latest-version"]);
  });
});
