import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseYaml } from "../../src/util/parse-yaml.js";

/** What `yaml` itself reports with `uniqueKeys: true` (quadratic), which parseYaml's one-pass check must match. */
function reference(text: string): { reason: string; line: number } | null {
  const doc = parseDocument(text, { prettyErrors: false, strict: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (!error) return null;
  return { reason: error.message.split("\n")[0]!, line: text.slice(0, error.pos[0]).split("\n").length };
}

describe("parseYaml's duplicate-key check", () => {
  it.each([
    "a: 1\nb: 2\na: 3\n",
    "a: 1\nnested:\n  x: 1\n  y: 2\n  x: 3\n",
    "list:\n- {x: 1, x: 2}\n",
    "1: a\n'1': b\n",
    "~: a\nnull: b\n",
    "a: 1\na: 2\nb: [unclosed\n",
    "b: [unclosed\na: 1\na: 2\n",
    "? [1, 2]\n: a\n? [1, 2]\n: b\n",
    "x: &k a\n*k : b\n",
    "a: 1\nb: 2\n",
  ])("reports %j as yaml's uniqueKeys: true does", (text) => {
    const parsed = parseYaml(text);
    expect(parsed.error).toEqual(reference(text));
  });

  it("keeps the line offset of text below a front-matter fence", () => {
    expect(parseYaml("a: 1\na: 2\n", 5).error).toEqual({ reason: "Map keys must be unique", line: 6 });
  });

  it("checks 50,000 keys in about the time of parsing them (linear, not quadratic)", () => {
    const text = `${Array.from({ length: 50_000 }, (_, index) => `k${index}: v`).join("\n")}\nk1: again\n`;
    const started = performance.now();
    expect(parseYaml(text).error).toEqual({ reason: "Map keys must be unique", line: 50_001 });
    // uniqueKeys: true took about 75 s here; generous.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
