import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findingInfo } from "../../src/findings/finding-info.js";
import { FINDING_PAGES } from "../../src/report/finding-pages.js";
import type { FindingCode } from "../../src/types/finding.js";

const codes = Object.keys(findingInfo) as FindingCode[];

describe("src/report/finding-pages.ts (generated from docs/findings/*.md)", () => {
  it.each(codes)("%s: holds the page as it is in docs/ (else run npm run generate:finding-pages)", (code) => {
    expect(FINDING_PAGES[code]).toBe(readFileSync(findingInfo[code].docs, "utf8"));
  });

  it("holds a page for every code and nothing else, in findingInfo's order", () => {
    expect(Object.keys(FINDING_PAGES)).toEqual(codes);
  });
});
