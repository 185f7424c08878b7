import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runLicIn } from "../support/run-lic.js";

const INVALID = fileURLToPath(new URL("../fixtures/policies/invalid/", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../fixtures/policies/clarify.yaml", import.meta.url));
const cache = mkdtempSync(`${tmpdir()}/lic-clarify-`);

describe("lic policy validate: a bad clarify entry exits 2 at its line", () => {
  it.each([
    ["clarify-bad-commit.yaml", ":5: clarify[0].commit: a 40-hex commit sha"],
    ["clarify-bad-hash.yaml", ":6: clarify[0].sha256: a 64-hex sha256"],
    ["clarify-bad-expression.yaml", ':5: clarify[0].license: "MIT OR" is not a license expression'],
    ["clarify-missing-reason.yaml", ":3: clarify[0].reason: "],
  ])("%s", async (file, message) => {
    const run = await runLicIn(["policy", "validate", `${INVALID}${file}`], { XDG_CACHE_HOME: cache });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${INVALID}${file}${message}`);
  });

  it("the fixture policy is valid", async () => {
    expect((await runLicIn(["policy", "validate", FIXTURE], { XDG_CACHE_HOME: cache })).code).toBe(0);
  });
});
