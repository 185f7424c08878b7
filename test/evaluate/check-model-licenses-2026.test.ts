import { describe, expect, it } from "vitest";
import { formatFindingMessage } from "../../src/report/format-message.js";
import { builtInPolicy, check } from "../support/policies.js";
import { snapshotWith } from "../support/snapshots.js";

// Models declaring the licenses of 2026 as the Hub carries them (`license: other` + `license_name`), through
// checkModel under the built-in `commercial` policy.
describe("checkModel: the licenses of 2026 under `commercial`", () => {
  it.each([
    [
      "exaone",
      "exaone-ai-model-1.1-nc",
      "block",
      ["license-non-commercial", "license-use-restrictions", "license-output-restrictions"],
    ],
    ["flux-dev-non-commercial-license", "flux-dev-non-commercial", "block", ["license-non-commercial"]],
    ["modified-mit", "modified-mit", "warn", ["license-commercial-conditions"]],
    ["falcon-llm-license", "tii-falcon-2.0", "warn", ["license-use-restrictions"]],
    ["nvidia-open-model-license", "nvidia-open-model", "warn", ["license-use-restrictions"]],
    ["nvidia-nemotron-open-model-license", "nvidia-nemotron-open-model", "allow", []],
    // Grok 2's text is unread: conditional, no condition known, so a commercial policy warns (src/catalog/licenses/hub-only.ts).
    ["grok2-community", "grok2-community", "warn", ["license-commercial-conditions"]],
    // HAI-DEF's terms are unread, so the cards' name stays uncatalogued (src/catalog/licenses/google-health.ts).
    ["health-ai-developer-foundations", "health-ai-developer-foundations", "warn", ["license-not-in-catalog"]],
  ] as const)("license_name %s is read as %s: %s %j", (name, key, verdict, codes) => {
    const result = check(snapshotWith({ license: "other", license_name: name }), builtInPolicy("commercial"));
    expect(result.license.ids).toEqual([key]);
    expect(result.verdict).toBe(verdict);
    expect(result.findings.map((finding) => finding.code)).toEqual(codes);
  });

  it("says what it does not know when a license's conditions are not catalogued", () => {
    const result = check(
      snapshotWith({ license: "other", license_name: "grok2-community" }),
      builtInPolicy("commercial"),
    );
    expect(formatFindingMessage(result.findings[0]!)).toBe(
      "grok2-community allows commercial use only on conditions lic has not catalogued (its text was not read); read the license before relying on it",
    );
  });
});
