import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { MODEL_REFERENCES } from "../../../scripts/license-data.js";
import { shippedReferences } from "../../../src/acquire/reference-data.js";
import { identifyLicenseText } from "../../../src/identify/matcher/match-license-text.js";
import { fixtureText } from "../../support/fixtures.js";

const identify = (text: string) => identifyLicenseText(text, shippedReferences);

/** Each fixture text and the reference it must identify as (SPDX texts by their SPDX id). */
const FIXTURES: [string, string][] = [
  ...MODEL_REFERENCES.filter((reference) => !reference.before && !reference.after).map(
    (reference): [string, string] => [reference.file, reference.key],
  ),
  ["llama3.txt", "llama3"],
  ["apache-2.0.txt", "Apache-2.0"],
  ["mit.txt", "MIT"],
  ["cc-by-nc-4.0.txt", "CC-BY-NC-4.0"],
  ["openmdw-1.0.txt", "OpenMDW-1.0"],
];

const text = (file: string) => fixtureText(`license-texts/${file}`);
const spdxText = (id: string) =>
  (createRequire(import.meta.url)("spdx-license-list/full.js") as Record<string, { licenseText: string }>)[id]!
    .licenseText;

/** Reformatting that must not change what a license is. */
const VARIANTS: [string, (input: string) => string][] = [
  ["as given", (input) => input],
  [
    "markdown to plain",
    (input) =>
      input
        .replace(/\*\*|__/g, "")
        .replace(/\\([.\-_*])/g, "$1")
        .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/^#+\s*/gm, ""),
  ],
  ["plain to markdown", (input) => input.replace(/^([A-Z][A-Z0-9 .,'’-]{8,})$/gm, "## **$1**")],
  [
    "rewrapped at 60 columns",
    (input) =>
      input
        .split(/\n\s*\n/)
        .map((paragraph) =>
          paragraph
            .replace(/\s+/g, " ")
            .trim()
            .replace(/(.{1,60})(\s|$)/g, "$1\n"),
        )
        .join("\n"),
  ],
  ["CRLF", (input) => input.replace(/\r?\n/g, "\r\n")],
  ["with a copyright header", (input) => `Copyright (c) 2024 Example Model Makers, Inc.\n\n${input}`],
];

describe("identifyLicenseText", () => {
  describe.each(FIXTURES)("%s", (file, expected) => {
    it.each(VARIANTS)("identifies as %s, %s", (_name, transform) => {
      const result = identify(transform(text(file)));
      expect(result.matches[0]).toMatchObject({
        reference: expected,
        kind: "exact",
        differences: { missing: [], added: [] },
      });
      const others = result.matches
        .slice(1)
        .filter((match) => !(file === "llama3.txt" && match.reference === "llama3-aup"));
      expect(others).toEqual([]);
    });
  });

  it("finds the use policy appended to Meta's Llama 3 LICENSE as a second, unchanged document", () => {
    expect(identify(text("llama3.txt")).matches.map((match) => [match.reference, match.kind])).toEqual([
      ["llama3", "exact"],
      ["llama3-aup", "exact"],
    ]);
  });

  it("finds a license and its use policy in one text", () => {
    const combined = `${text("llama3.2.txt")}\n\n${text("llama3.2-aup.txt")}`;
    expect(identify(combined).matches.map((match) => [match.reference, match.kind])).toEqual([
      ["llama3.2", "exact"],
      ["llama3.2-aup", "exact"],
    ]);
  });

  it.each([
    ["llama3.1.txt", ["llama3.2", "llama3.3", "llama4"]],
    ["llama3.2.txt", ["llama3.1", "llama3.3", "llama4"]],
    ["llama3.3.txt", ["llama3.1", "llama3.2", "llama4"]],
    ["llama4.txt", ["llama3.1", "llama3.2", "llama3.3"]],
    ["creativeml-openrail-m.txt", ["openrail++"]],
    ["openrail++-m.txt", ["creativeml-openrail-m"]],
    ["tongyi-qianwen.txt", ["tongyi-qianwen-research"]],
    ["tongyi-qianwen-research.txt", ["tongyi-qianwen"]],
  ])("tells %s from its siblings %j", (file, siblings) => {
    const references = identify(text(file)).matches.map((match) => match.reference);
    for (const sibling of siblings) expect(references).not.toContain(sibling);
  });

  it.each([
    [
      "llama3.2.txt",
      "greater than 700 million monthly active users",
      "greater than 7 billion monthly active users",
      "llama3.2",
    ],
    [
      "openrail++-m.txt",
      "MUST be included as an enforceable provision",
      "MAY be included as a provision",
      "openrail++",
    ],
    [
      "mit.txt",
      "The above copyright notice and this permission notice shall be included",
      "The above copyright notice may be omitted and this permission notice shall be included",
      "MIT",
    ],
    [
      "apache-2.0.txt",
      "You must give any other recipients of the Work or Derivative Works a copy of this License; and",
      "",
      "Apache-2.0",
    ],
  ])("reports an edited %s as a near match, with what differs", (file, from, to, reference) => {
    const original = text(file);
    if (!original.includes(from)) return expect.fail(`${file} does not contain "${from}"`);
    const result = identify(original.replace(from, to));
    expect(result.matches[0]).toMatchObject({ reference, kind: "near" });
    const { missing, added } = result.matches[0]!.differences;
    expect(missing.length + added.length).toBeGreaterThan(0);
    if (to) expect(added.join(" ")).toContain(to.toLowerCase().split(" ").slice(0, 3).join(" "));
  });

  it("reports an edit appended after a license", () => {
    const result = identify(`${text("llama4.txt")}\n\nAdditional term: you may not use the Llama Materials in Canada.`);
    expect(result.matches[0]).toMatchObject({
      reference: "llama4",
      kind: "near",
      differences: { added: ["additional term", "you may not use the llama materials in canada"] },
    });
  });

  it("ignores a preamble before a license", () => {
    const result = identify(`This model is released under the license below.\n\n${text("llama4.txt")}`);
    expect(result).toMatchObject({ matches: [{ reference: "llama4", kind: "exact" }], unexplained: 1 });
  });

  it.each([
    [
      "Apache-2.0 without its appendix, as most LICENSE files are",
      () => text("apache-2.0.txt").slice(0, text("apache-2.0.txt").indexOf("END OF TERMS AND CONDITIONS") + 27),
      "Apache-2.0",
    ],
    [
      "Apache-2.0 with its appendix filled in",
      () =>
        text("apache-2.0.txt").replace(
          "Copyright [yyyy] [name of copyright owner]",
          "Copyright 2018 The Google AI Language Team Authors.",
        ),
      "Apache-2.0",
    ],
    [
      "MIT with a yearless notice (Microsoft's Phi LICENSE)",
      () => text("mit.txt").replace("Copyright (c) <year> <copyright holders>", "Copyright (c) Microsoft Corporation."),
      "MIT",
    ],
    [
      "BSD-3-Clause naming its organization",
      () =>
        spdxText("BSD-3-Clause")
          .replace("<year> <owner>", "2019 Google LLC")
          .replace("the copyright holder nor", "Google LLC nor"),
      "BSD-3-Clause",
    ],
  ])("identifies %s", (_name, make, reference) => {
    expect(identify(make()).matches).toEqual([expect.objectContaining({ reference, kind: "exact" })]);
  });

  it("finds nothing in a text that is no license", () => {
    expect(identify("# Model card\n\nThis model classifies sentiment. Use it well.").matches).toEqual([]);
    expect(identify("").matches).toEqual([]);
  });
});

describe("every SPDX-list text identifies as its own id or a documented equivalent", () => {
  const full = createRequire(import.meta.url)("spdx-license-list/full.js") as Record<string, { licenseText: string }>;
  const library = shippedReferences;
  /**
   * Known exceptions, each for a reason in the SPDX text itself: xinetd's template slots sit inside a version
   * number ("<number>.<number>.<number>"), which our slot syntax cannot express.
   */
  const EXCEPTIONS: Record<string, "near"> = { xinetd: "near" };

  it.each(Object.keys(full))("%s", (id) => {
    const [top] = identify(full[id]!.licenseText).matches;
    expect([id, ...library.equivalentsOf(id)]).toContain(top?.reference);
    expect(top?.kind).toBe(EXCEPTIONS[id] ?? "exact");
  });
});

describe("shipped reference data", () => {
  it("is regenerated from the fixture texts and spdx-license-list (run npm run generate:license-data)", async () => {
    const { buildModelReferences, buildSketchIndex } = await import("../../../scripts/license-data.js");
    const { LICENSE_DATA_DIR, SPDX_LIST_LABEL, TEXTS_DIR } = await import("../../../scripts/license-data-paths.js");
    const committed = (name: string) => JSON.parse(readFileSync(`${LICENSE_DATA_DIR}/${name}`, "utf8"));
    const models = buildModelReferences((file) => readFileSync(`${TEXTS_DIR}/${file}`, "utf8"));
    expect(models).toEqual(committed("model-references.json"));
    const full = createRequire(import.meta.url)("spdx-license-list/full.js") as Record<string, { licenseText: string }>;
    const texts = Object.fromEntries(Object.entries(full).map(([id, entry]) => [id, entry.licenseText]));
    expect(buildSketchIndex(models, texts, SPDX_LIST_LABEL)).toEqual(committed("sketch-index.json"));
  });
});
