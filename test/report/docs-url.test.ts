import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findingInfo } from "../../src/findings/finding-info.js";
import { docsUrl, HOMEPAGE } from "../../src/report/docs-url.js";
import type { FindingCode } from "../../src/types/finding.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  homepage: string;
};

describe("docs links", () => {
  it("start from package.json's homepage, written once in the report core", () => {
    expect(HOMEPAGE).toBe(packageJson.homepage);
  });

  it.each(Object.keys(findingInfo) as FindingCode[])(
    "%s: an absolute URL of its page on the default branch",
    (code) => {
      expect(docsUrl(code)).toBe(`https://github.com/lic-dev/lic/blob/main/docs/findings/${code}.md`);
    },
  );
});
