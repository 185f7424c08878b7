import { describe, expect, it } from "vitest";
import {
  isSafeRepoPath,
  linkedRepoFile,
  MAX_EVIDENCE_FILES,
  selectEvidenceFiles,
} from "../../../src/acquire/hub/select-evidence-files.js";
import { hubApiFixture } from "../../support/fixtures.js";

describe("selectEvidenceFiles", () => {
  it("picks README, LICENSE and USE_POLICY from a real Llama repo listing", () => {
    const info = hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct");
    const files = (info["siblings"] as { rfilename: string }[]).map((sibling) => sibling.rfilename);
    expect(selectEvidenceFiles("meta-llama/Meta-Llama-3-8B-Instruct", files, null)).toEqual([
      { path: "README.md", role: "readme" },
      { path: "LICENSE", role: "license" },
      { path: "USE_POLICY.md", role: "use-policy" },
    ]);
  });

  it.each([
    ["LICENSE", "license"],
    ["LICENCE.txt", "license"],
    ["LICENSE.md", "license"],
    ["LICENSE-MODEL", "license"],
    ["MODEL_LICENSE", "license"],
    ["LICENSE_Llama2.txt", "license"],
    ["LICENSES.md", "license"],
    ["COPYING", "license"],
    ["NOTICE", "notice"],
    ["NOTICE.md", "notice"],
    ["USE_POLICY.md", "use-policy"],
    ["ACCEPTABLE_USE_POLICY.txt", "use-policy"],
    ["TERMS_OF_USE.md", "license"],
  ])("reads %s as %s", (path, role) => {
    expect(selectEvidenceFiles("o/m", [path], null)).toEqual([{ path, role }]);
  });

  it.each([
    "license_plate.py",
    "licenses.json",
    "LICENSE.pdf",
    "docs/LICENSE",
    "model.safetensors",
    "config.json",
    "unlicensed.bin",
  ])("skips %s", (path) => expect(selectEvidenceFiles("o/m", [path], null)).toEqual([]));

  it("reads the in-repo file license_link names, also through a URL into the same repo", () => {
    const files = ["README.md", "docs/terms.txt", "LICENSE"];
    expect(selectEvidenceFiles("o/m", files, { license_link: "docs/terms.txt" })).toContainEqual({
      path: "docs/terms.txt",
      role: "license-link",
    });
    expect(selectEvidenceFiles("o/m", files, { license_link: "https://huggingface.co/o/m/blob/main/LICENSE" })).toEqual(
      [
        { path: "README.md", role: "readme" },
        { path: "LICENSE", role: "license-link" },
      ],
    );
  });

  it.each([
    "../../../../api/whoami-v2",
    "./LICENSE",
    "/LICENSE",
    "sub//LICENSE",
    "sub/../LICENSE",
    "..\\LICENSE",
    "LICENSE\u0000",
  ])("never selects %j, as a file or as license_link: it could leave the repo's URLs", (path) => {
    expect(selectEvidenceFiles("o/m", ["README.md", path], { license_link: path })).toEqual([
      { path: "README.md", role: "readme" },
    ]);
    expect(isSafeRepoPath(path)).toBe(false);
  });

  it("reads at most a bounded number of files", () => {
    const files = Array.from({ length: 40 }, (_, index) => `LICENSE-${index}.txt`);
    expect(selectEvidenceFiles("o/m", files, null)).toHaveLength(MAX_EVIDENCE_FILES);
  });
});

describe("linkedRepoFile", () => {
  it.each([
    ["LICENSE", "LICENSE"],
    ["./LICENSE.md", "LICENSE.md"],
    ["https://huggingface.co/o/m/resolve/main/LICENSE", "LICENSE"],
    ["https://huggingface.co/o/m/blob/v1/sub%20dir/LICENSE.txt", "sub dir/LICENSE.txt"],
    ["https://huggingface.co/other/m/blob/main/LICENSE", null],
    ["https://ai.google.dev/gemma/terms", null],
    [42, null],
  ])("%j → %j", (link, expected) => expect(linkedRepoFile("o/m", link)).toBe(expected));

  it.each([
    ["https://huggingface.co/datasets/o/m/blob/main/LICENSE.md", "LICENSE.md"],
    ["https://huggingface.co/o/m/blob/main/LICENSE.md", null],
    ["LICENSE", "LICENSE"],
  ])("a dataset's %j → %j", (link, expected) => expect(linkedRepoFile("o/m", link, "dataset")).toBe(expected));
});
