import { describe, expect, it } from "vitest";
import {
  MAX_FRONT_MATTER_CHARS,
  MAX_FRONT_MATTER_ENTRIES,
  parseFrontMatter,
} from "../../../src/identify/card/parse-front-matter.js";
import { fixtureText } from "../../support/fixtures.js";

describe("parseFrontMatter", () => {
  it("reads a real card's front matter and locates its keys by README line", () => {
    const readme = fixtureText("model-cards/microsoft__Phi-3-mini-128k-instruct.md");
    const card = parseFrontMatter(readme);
    expect(card.error).toBeNull();
    expect(card.data).toMatchObject({ license: "mit", pipeline_tag: "text-generation" });
    expect(card.locate(["license"])).toEqual({ line: 2, quote: "license: mit" });
    expect(card.locate(["license_link"])?.line).toBe(3);
    expect(card.locate(["tags", 1])).toEqual({ line: 10, quote: "- code" });
    expect(card.locate(["nothing"])).toBeNull();
  });

  it("locates a key whose value is a list at the key's own line", () => {
    const card = parseFrontMatter("---\nlicense:\n- mit\n- apache-2.0\n---\n# Card\n");
    expect(card.locate(["license"])).toEqual({ line: 2, quote: "license:" });
    expect(card.locate(["license", 1])).toEqual({ line: 4, quote: "- apache-2.0" });
  });

  it("counts lines the same with CRLF line ends and blank lines before the front matter", () => {
    const card = parseFrontMatter("\r\n---\r\nlanguage: en\r\nlicense: llama3\r\n---\r\n");
    expect(card.data).toEqual({ language: "en", license: "llama3" });
    expect(card.locate(["license"])).toEqual({ line: 4, quote: "license: llama3" });
  });

  it("has no data and no error without front matter", () => {
    const card = parseFrontMatter("# Just a title\n\nlicense: mit\n");
    expect(card).toMatchObject({ data: null, error: null });
  });

  it("reports bad YAML with the README line, not a crash", () => {
    const card = parseFrontMatter("---\nlicense: mit\ntags: [a, b\nlanguage: en\n---\n");
    expect(card.data).toBeNull();
    expect(card.error?.line).toBeGreaterThanOrEqual(3);
    expect(card.error?.reason).toMatch(/flow|collection|\]/i);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const bomb = [
      "---",
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
      "license: mit",
      "---",
    ].join("\n");
    const card = parseFrontMatter(bomb);
    expect(card.data).toBeNull();
    expect(card.error?.reason).toMatch(/alias/i);
  });

  it("reports front matter that is not a mapping", () => {
    const card = parseFrontMatter("---\n- just\n- a list\n---\n");
    expect(card.error?.reason).toContain("not a mapping");
  });
});

describe("parseFrontMatter on metadata too large to parse (H2)", () => {
  const keys = (count: number) => Array.from({ length: count }, (_, index) => `k${index}: v`).join("\n");

  it("refuses 50,000 keys as too large, before parsing, with the line the front matter starts at", () => {
    const started = performance.now();
    const card = parseFrontMatter(`---\n${keys(50_000)}\nlicense: mit\n---\n`);
    expect(card.data).toBeNull();
    expect(card.error).toEqual({
      reason: expect.stringContaining("too large to read: more than 20,000 lines"),
      line: 2,
    });
    // The old parse took 75 s; the refusal is a linear scan. Generous, not a benchmark.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses 50,000 keys in one flow mapping just the same", () => {
    const card = parseFrontMatter(
      `---\nwide: {${Array.from({ length: 50_000 }, (_, index) => `k${index}: v`).join(", ")}}\n---\n`,
    );
    expect(card.error?.reason).toContain("too large to read");
  });

  it(`refuses front matter over ${MAX_FRONT_MATTER_CHARS} characters`, () => {
    const card = parseFrontMatter(`---\nlicense: mit\ndescription: ${"x".repeat(MAX_FRONT_MATTER_CHARS)}\n---\n`);
    expect(card.error?.reason).toMatch(/too large to read: 524,3\d\d characters/);
  });

  it("parses a card at the bound, and finds a duplicate key at its line, in linear time", () => {
    const card = parseFrontMatter(`---\n${keys(MAX_FRONT_MATTER_ENTRIES - 2)}\nk7: again\n---\n`);
    expect(card.error).toEqual({ reason: "Map keys must be unique", line: MAX_FRONT_MATTER_ENTRIES });
  });

  it("reads an MTEB-sized model-index (the largest real cards) without complaint", () => {
    const tasks = Array.from({ length: 150 }, (_, task) =>
      [
        `  - task:`,
        `      type: Retrieval`,
        `    dataset:`,
        `      name: MTEB Task${task}`,
        `    metrics:`,
        ...Array.from({ length: 10 }, (_, metric) => `    - type: ndcg_at_${metric}\n      value: 0.${metric}`),
      ].join("\n"),
    );
    const card = parseFrontMatter(`---\nlicense: mit\nmodel-index:\n- name: m\n  results:\n${tasks.join("\n")}\n---\n`);
    expect(card.error).toBeNull();
    expect(card.data?.["license"]).toBe("mit");
  });
});
