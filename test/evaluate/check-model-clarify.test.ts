import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtInPolicy, check, policyFrom } from "../support/policies.js";
import { snapshotOf } from "../support/snapshots.js";

const FILE = fileURLToPath(new URL("../fixtures/policies/clarify.yaml", import.meta.url));
const POLICY = policyFrom(readFileSync(FILE, "utf8"), FILE);
const ACME =
  "ACME Weights License\n\nYou may use, copy and modify these weights for any purpose, provided this notice is kept.\n";

/** `license: other`, no name, a custom LICENSE: lic identifies nothing (license-unidentified, an error). */
const custom = (id: string, sha: string, text = ACME) =>
  snapshotOf({ id, sha, tags: ["license:other"], cardData: { license: "other" } }, [
    { path: "LICENSE", role: "license", text },
  ]);
/** A named license the catalog does not know (license-not-in-catalog). */
const uncatalogued = (id: string) =>
  snapshotOf({ id, sha: "d".repeat(40), cardData: { license: "other", license_name: "acme-weights-license" } });

const codes = (result: ReturnType<typeof check>) => result.findings.map((finding) => finding.code);

describe("checkModel with a policy's clarify entries", () => {
  it.each([
    // [case, snapshot, verdict, license ids, expression, finding codes]
    ["applied, unpinned", custom("acme/unpinned", "d".repeat(40)), "allow", ["apache-2.0"], "Apache-2.0", []],
    ["applied, at the pinned commit", custom("acme/at-commit", "c".repeat(40)), "allow", ["mit"], "MIT", []],
    [
      "applied, the pinned LICENSE's sha256",
      custom("acme/by-hash", "e".repeat(40)),
      "allow",
      ["mit", "apache-2.0"],
      "MIT OR Apache-2.0",
      [],
    ],
    ["applied over an uncatalogued name", uncatalogued("acme/unpinned"), "allow", ["apache-2.0"], "Apache-2.0", []],
    [
      "stale commit: not applied, reported",
      custom("acme/at-commit", "d".repeat(40)),
      "block",
      [],
      null,
      ["license-unidentified", "clarification-stale"],
    ],
    [
      "stale hash: not applied, reported",
      custom("acme/by-hash", "e".repeat(40), `${ACME}\nNo commercial use.\n`),
      "block",
      [],
      null,
      ["license-unidentified", "clarification-stale"],
    ],
    ["not this model", custom("acme/other", "c".repeat(40)), "block", [], null, ["license-unidentified"]],
    [
      "not this model, uncatalogued",
      uncatalogued("acme/other"),
      "warn",
      ["acme-weights-license"],
      "LicenseRef-lic-acme-weights-license",
      ["license-not-in-catalog"],
    ],
  ] as const)("%s", (_name, snapshot, verdict, ids, expression, findings) => {
    const result = check(snapshot, POLICY);
    expect(result.verdict).toBe(verdict);
    expect(result.license.ids).toEqual(ids);
    expect(result.license.expression).toBe(expression);
    expect(codes(result).filter((code) => code !== "license-text-unrecognized")).toEqual(findings);
  });

  it("says the license comes from the policy: source policy, the entry's file and line, who and why", () => {
    const result = check(custom("acme/unpinned", "d".repeat(40)), POLICY);
    expect(result.license.licenses).toEqual([
      {
        id: "apache-2.0",
        name: expect.any(String),
        known: true,
        sources: ["policy"],
        evidence: [],
        clarifiedBy: {
          file: FILE,
          line: 6,
          path: "clarify[0]",
          decidedBy: "Jane Doe",
          reason: "The LICENSE is Apache 2.0 with the vendor's header; the vendor confirmed it.",
          ticket: "LEGAL-124",
        },
      },
    ]);
    expect(result.license.unidentified).toEqual([]);
    // The shipped text is still identified (and reported) on its own.
    expect(result.license.texts.map((text) => text.origin)).toMatchObject([{ path: "LICENSE" }]);
  });

  it("under the default policy alone, the same model is unidentified (the clarification decided it)", () => {
    expect(codes(check(custom("acme/unpinned", "d".repeat(40)), builtInPolicy("default")))).toContain(
      "license-unidentified",
    );
  });

  it("a policy's clarifications count in its digest; an empty clarify list does not", () => {
    const base = policyFrom("extends: default\n");
    expect(policyFrom("extends: default\nclarify: []\n").digest).toBe(base.digest);
    expect(POLICY.digest).not.toBe(base.digest);
  });
});
