import { describe, expect, it } from "vitest";
import type { EvidenceGap, ModelSnapshot } from "../../src/types/snapshot.js";
import { fixtureText, hubApiFixture, readmeFor } from "../support/fixtures.js";
import { builtInPolicy, check, policyFrom } from "../support/policies.js";
import { cardWithLicenseSection, snapshotOf, snapshotWith } from "../support/snapshots.js";

function fixtureSnapshot(name: string, gaps: EvidenceGap[] = []): ModelSnapshot {
  const info = hubApiFixture(name);
  return snapshotOf(info, [{ path: "README.md", role: "readme", text: readmeFor(info) }], gaps);
}

const gated = (path: string): EvidenceGap => ({
  path,
  role: "license",
  reason: "gated",
  status: 401,
  detail: "restricted",
});

describe("checkModel under the default policy", () => {
  it.each([
    ["google-bert__bert-base-uncased", [], "allow", ["apache-2.0"], []],
    ["openai-community__gpt2", [], "allow", ["mit"], []],
    ["deepset__roberta-base-squad2", [], "allow", ["cc-by-4.0"], []],
    [
      "meta-llama__Llama-3.2-3B.maruel-fixture",
      [],
      "warn",
      ["llama3.2"],
      ["license-commercial-conditions", "license-use-restrictions"],
    ],
    [
      "meta-llama__Meta-Llama-3-8B-Instruct",
      [gated("LICENSE")],
      "warn",
      ["llama3"],
      [
        "license-files-unreadable",
        "license-commercial-conditions",
        "license-use-restrictions",
        "license-output-restrictions",
      ],
    ],
    ["dbmdz__bert-large-cased-finetuned-conll03-english", [], "block", [], ["license-missing"]],
  ])("%s", (name, gaps, verdict, ids, codes) => {
    const result = check(fixtureSnapshot(name, gaps as EvidenceGap[]));
    expect(result.verdict).toBe(verdict);
    expect(result.license.ids).toEqual(ids);
    expect(result.findings.map((finding) => finding.code)).toEqual(codes);
  });

  it("reads `license: other` with no name as the license the shipped LICENSE is: MIT is allowed under osi", () => {
    const snapshot = snapshotOf({ id: "org/model", sha: "a".repeat(40), cardData: { license: "other" } }, [
      { path: "LICENSE", role: "license", text: fixtureText("license-texts/mit.txt") },
    ]);
    const result = check(snapshot, builtInPolicy("osi"));
    expect(result.verdict).toBe("allow");
    expect(result.license.ids).toEqual(["mit"]);
    expect(result.license.expression).toBe("MIT");
    expect(result.license.licenses[0]).toMatchObject({ id: "mit", sources: ["detected", "declared"] });
  });

  it("counts a license the card's license section states (source card-text): CC BY-NC blocks under commercial", () => {
    const snapshot = cardWithLicenseSection(
      "TheBloke__Yarn-Mistral-7B-128k-quant",
      "apache-2.0",
      "The weights are released under CC BY-NC 4.0.",
    );
    const result = check(snapshot, builtInPolicy("commercial"));
    expect(result.verdict).toBe("block");
    expect(result.license.ids).toEqual(["apache-2.0", "cc-by-nc-4.0"]);
    expect(result.license.licenses[1]).toMatchObject({ id: "cc-by-nc-4.0", sources: ["card-text"] });
  });

  it("blocks `license: other` with no name, also beside an identified license (both apply)", () => {
    expect(check(snapshotWith({ license: "other" })).verdict).toBe("block");
    const mixed = check(snapshotWith({ license: ["mit", "other"] }));
    expect(mixed.verdict).toBe("block");
    expect(mixed.findings).toEqual([
      expect.objectContaining({
        code: "license-unidentified",
        severity: "error",
        args: { declared: ["other"] },
        rule: expect.objectContaining({ path: "unknownLicense" }),
      }),
    ]);
  });

  it("reports a README whose front matter is broken, citing the file and line", () => {
    const snapshot = snapshotWith({ license: "mit" }, ["license:mit"], "---\nlicense: mit\ntags: [a\n---\n");
    const result = check(snapshot);
    expect(result.verdict).toBe("warn");
    const finding = result.findings.find((item) => item.code === "card-metadata-invalid");
    expect(finding?.args).toMatchObject({ file: "README.md" });
    expect(finding?.evidence[0]).toMatchObject({ source: "file", file: "README.md", commit: "a".repeat(40) });
  });

  it("identifies the license from the shipped text when nothing declares one", () => {
    const snapshot = snapshotOf(hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english"), [
      { path: "LICENSE", role: "license", text: fixtureText("license-texts/mit.txt") },
    ]);
    const result = check(snapshot);
    expect(result).toMatchObject({ verdict: "allow", findings: [] });
    expect(result.license.ids).toEqual(["mit"]);
  });

  it("cites an unrecognized license text when nothing declares a license", () => {
    const snapshot = snapshotOf(hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english"), [
      { path: "LICENSE", role: "license", text: "You may use these weights on Tuesdays only.\n" },
    ]);
    const result = check(snapshot);
    expect(result.verdict).toBe("block");
    expect(result.findings.map((finding) => finding.code)).toEqual(["license-missing", "license-text-unrecognized"]);
    expect(result.findings[0]!.evidence).toContainEqual(expect.objectContaining({ source: "file", file: "LICENSE" }));
  });

  it("warns when the shipped license is not the declared one (a Llama 4 LICENSE under an apache-2.0 tag)", () => {
    const snapshot = snapshotOf(
      { id: "org/llama-4-fp8", sha: "c".repeat(40), tags: ["license:apache-2.0"], cardData: { license: "apache-2.0" } },
      [{ path: "LICENSE", role: "license", text: fixtureText("license-texts/llama4.txt") }],
    );
    const result = check(snapshot);
    expect(result.license.ids).toEqual(["apache-2.0", "llama4"]);
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        code: "license-mismatch",
        severity: "warning",
        args: { declared: ["apache-2.0"], detected: "llama4", text: "LICENSE" },
      }),
    );
    expect(
      result.findings
        .filter((finding) => finding.code !== "license-mismatch")
        .every((finding) => "license" in finding.args && finding.args.license === "llama4"),
    ).toBe(true);
  });

  it("warns about a modified copy of a known license, saying what changed", () => {
    const edited = fixtureText("license-texts/llama3.2.txt").replace(
      "greater than 700 million monthly active users",
      "greater than 7 billion monthly active users",
    );
    const snapshot = snapshotOf(
      { id: "org/m", sha: "d".repeat(40), tags: ["license:llama3.2"], cardData: { license: "llama3.2" } },
      [{ path: "LICENSE.txt", role: "license", text: edited }],
    );
    const [finding] = check(snapshot).findings;
    expect(finding).toMatchObject({
      code: "license-text-modified",
      severity: "warning",
      args: { text: "LICENSE.txt", document: "llama3.2" },
    });
    expect(finding!.code === "license-text-modified" && finding!.args.added.join(" ")).toContain("7 billion");
  });

  it("warns about a declared license the catalog does not know", () => {
    const result = check(snapshotWith({ license: "other", license_name: "acme-weights-license" }));
    expect(result.findings).toEqual([
      expect.objectContaining({ code: "license-not-in-catalog", args: { id: "acme-weights-license" } }),
    ]);
  });

  it("takes the known branch of an OR with an uncatalogued license, and drops the other branch's finding", () => {
    const result = check(snapshotWith({ license: "mit OR acme-weights-license" }));
    expect(result.license.choices).toEqual([{ expression: "(mit OR acme-weights-license)", chosen: "mit" }]);
    expect(result).toMatchObject({ verdict: "allow", findings: [] });
  });

  it("is deterministic: the same snapshot and policy give the same result", () => {
    const snapshot = fixtureSnapshot("meta-llama__Meta-Llama-3-8B-Instruct", [gated("LICENSE")]);
    expect(JSON.stringify(check(snapshot))).toBe(JSON.stringify(check(structuredClone(snapshot))));
  });
});

describe("policy severity overrides", () => {
  it("applies a severity from the policy after the checks ran, and drops findings turned off", () => {
    const snapshot = fixtureSnapshot("meta-llama__Meta-Llama-3-8B-Instruct", [gated("LICENSE")]);
    const strict = policyFrom("severity:\n  license-files-unreadable: error\n");
    expect(check(snapshot, strict).verdict).toBe("block");
    expect(check(snapshot, strict).findings[0]!.rule).toEqual({
      file: "/policies-under-test/policy.yaml",
      line: 2,
      path: "severity.license-files-unreadable",
    });
    const quiet = policyFrom("severity:\n  license-files-unreadable: 'off'\n");
    expect(check(snapshot, quiet)).toMatchObject({ verdict: "allow", findings: [] });
  });

  it("gives different policies different digests", () => {
    const a = policyFrom("name: a\n");
    const b = policyFrom("name: a\nseverity:\n  license-missing: warning\n");
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.digest).not.toBe(b.digest);
  });
});
