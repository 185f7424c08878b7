import { describe, expect, it } from "vitest";
import { EU_MEMBER_STATES, isDomicileCode, isEuDomicile } from "../../src/policy/eu-members.js";
import { ISO_3166_1_ALPHA_2 } from "../../src/policy/iso-3166-1.js";
import { parsePolicyText } from "../support/policies.js";

describe("context.domicile", () => {
  it("knows the 249 assigned ISO 3166-1 alpha-2 codes, each a region ICU names", () => {
    expect(ISO_3166_1_ALPHA_2.size).toBe(249);
    // ICU answers an unknown code with the code itself: a typo in the list would show here.
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    expect([...ISO_3166_1_ALPHA_2].filter((code) => names.of(code) === code)).toEqual([]);
  });

  it("has every EU member state on the ISO list", () => {
    expect(EU_MEMBER_STATES.size).toBe(27);
    expect([...EU_MEMBER_STATES].filter((code) => !ISO_3166_1_ALPHA_2.has(code))).toEqual([]);
  });

  it.each(["DE", "de", "Fr", "US", "gb", "EU", "eu", "Eu"])("accepts %j", (code) =>
    expect(isDomicileCode(code)).toBe(true),
  );

  it.each(["XX", "ZZ", "UK", "XK", "EZ", "AN", "", "D", "DEU", "Germany", "D3"])("refuses %j", (code) =>
    expect(isDomicileCode(code)).toBe(false),
  );

  it("is EU for a member state or EU itself, in any case, and not for the EEA or Switzerland", () => {
    expect(["DE", "fr", "EU", "eu"].map(isEuDomicile)).toEqual([true, true, true, true]);
    expect(["NO", "IS", "LI", "CH", "GB", "US"].map(isEuDomicile)).toEqual([false, false, false, false, false, false]);
  });

  // The review's M6: `domicile: XX` under `extends: eu` validated and silently turned the EU rule off.
  it("refuses a code that names no country, at its line, instead of failing open", () => {
    const parsed = parsePolicyText("extends: eu\ncontext:\n  domicile: XX\n", "/team/xx.yaml");
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      {
        file: "/team/xx.yaml",
        line: 3,
        path: "context.domicile",
        message: '"XX" is not an ISO 3166-1 alpha-2 country code (or EU)',
      },
    ]);
  });

  it("keeps the value as written; matching ignores case", () => {
    const parsed = parsePolicyText("extends: eu\ncontext:\n  domicile: de\n");
    expect(parsed.ok && parsed.policy.context.domicile?.value).toBe("de");
  });
});
