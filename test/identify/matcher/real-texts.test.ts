import { describe, expect, it } from "vitest";
import { shippedReferences } from "../../../src/acquire/reference-data.js";
import { identifyLicenseText } from "../../../src/identify/matcher/match-license-text.js";
import { fixtureText } from "../../support/fixtures.js";
import { listsRunTogether, PROMPT_LICENSES, RENDERINGS, realTexts } from "../../support/real-texts.js";

const identify = (text: string) => identifyLicenseText(text, shippedReferences);
const license = (file: string) => fixtureText(`license-texts/${file}`);
const summary = (text: string) => identify(text).matches.map((match) => [match.reference, match.kind]);

describe("every real, unmodified text in the fixtures", () => {
  it.each(realTexts().map((real) => [real.name, real] as const))("%s: no modified-copy match", (_name, real) => {
    expect(summary(real.text)).toEqual(real.expected.map((key) => [key, "exact"]));
  });
});

describe.each(PROMPT_LICENSES)("the %s gate prompt", (key) => {
  const policy = license(`${key}-aup.txt`);
  const prompt = (render: (policy: string) => string) => `${license(`${key}.txt`)}\n${render(policy)}`;

  it.each(RENDERINGS)("is exact with its %s", (_name, render) => {
    expect(summary(prompt(render))).toEqual([
      [key, "exact"],
      [`${key}-aup`, "exact"],
    ]);
  });

  // The edits are made on the rendered words, so a rendering that changes the characters (soft hyphens) is left out.
  it.each(RENDERINGS.slice(0, 3))(
    "with %s, still reports a changed word, a removed and an added sentence",
    (_name, render) => {
      const rendered = render(policy);
      const item = "Guns and illegal weapons (including weapon development)";
      if (!rendered.includes(item)) return expect.fail(`${key}-aup does not list "${item}"`);
      const edits: [string, string][] = [
        ["a word replaced", rendered.replace(item, "Guns and legal weapons (including weapon development)")],
        ["an item removed", rendered.replace(item, "")],
        ["a sentence added", rendered.replace(item, `${item}. You may also use it for surveillance.`)],
      ];
      for (const [edit, text] of edits) {
        const result = identify(`${license(`${key}.txt`)}\n${text}`);
        expect(
          result.matches.map((match) => [match.reference, match.kind]),
          edit,
        ).toEqual([
          [key, "exact"],
          [`${key}-aup`, "near"],
        ]);
        const { missing, added } = result.matches[1]!.differences;
        expect(missing.length + added.length, edit).toBeGreaterThan(0);
      }
    },
  );
});

it("reports a sentence removed from inside the terms of a license whose list is run together", () => {
  const text = license("llama3.1.txt").replace(
    "Sections 3, 4 and 7 shall survive the termination of this Agreement.",
    "",
  );
  expect(summary(`${text}\n${listsRunTogether(license("llama3.1-aup.txt"))}`)).toEqual([
    ["llama3.1", "near"],
    ["llama3.1-aup", "exact"],
  ]);
});
