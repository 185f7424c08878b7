import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseSimpleYaml } from "../../src/util/parse-simple-yaml.js";
import { parseFully, parseYaml, type YamlPath } from "../../src/util/parse-yaml.js";

/** Every key and item path in `data`, the document itself first. */
function pathsOf(data: unknown, path: YamlPath = []): YamlPath[] {
  const paths = [path];
  if (Array.isArray(data)) {
    for (const [index, item] of data.entries()) paths.push(...pathsOf(item, [...path, index]));
  } else if (data !== null && typeof data === "object")
    for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...path, key]));
  return paths;
}

/** A reproducible stream of numbers in [0, 1) (a linear congruential generator), and a pick from a list by it. */
function seeded(start: number) {
  let seed = start;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return { random, pick };
}

/** Holds the one-pass reader to the `yaml` package on `text`: the same data, and the same line for every path. */
function expectSameAsYaml(text: string, firstLine = 1): void {
  const simple = parseYaml(text, firstLine);
  const full = parseFully(text, firstLine);
  expect(full.error, text).toBeNull();
  expect(simple.data, text).toStrictEqual(full.data);
  for (const path of [...pathsOf(full.data), ["missing"], [0], ...pathsOf(full.data).map((p) => [...p, "x"])]) {
    expect(simple.lineOf(path), `${text}\nline of ${JSON.stringify(path)}`).toBe(full.lineOf(path));
    expect(simple.lineNear(path), `${text}\nline near ${JSON.stringify(path)}`).toBe(full.lineNear(path));
  }
}

const IN_SUBSET = [
  "license: apache-2.0\n",
  "license: apache-2.0\nlanguage:\n- en\n- fr\ntags:\n  - text-generation\n  - 'llama'\n",
  'license: other\nlicense_name: "llama3.2"\nlicense_link: https://www.llama.com/llama3_2/license/\n',
  "base_model: [meta-llama/Llama-3.1-8B, 'org/model', \"q\"]\n",
  "a: 1\nb: 1.50\nc: -0.5e3\nd: 0x1F\ne: 0o17\nf: .inf\ng: .NaN\nh: true\ni: False\nj: ~\nk: null\nl:\nm: 1_000\nn: 007\n",
  "yes: no\non: off\ny: n\n",
  "model-index:\n- name: m\n  results:\n  - task:\n      type: text-classification\n    metrics:\n    - type: accuracy\n      value: 0.9\n",
  "# a comment\nlicense: mit # trailing\n\n  # indented comment\nextra: x#y\n",
  "it's: a key with a quote\n'quoted key': 1\n\"double\": 2\nFull name: text\n",
  "a:\n  b:\n    c: deep\n  d: []\n  e: {}\nf: 'it''s'\n",
  "list:\n-\n  a: 1\n- - x\n  - y\n- [1, 2]\n",
  "  indented: root\n  second: 2\n",
  "url: http://example.com/a:b\nwidget:\n- text: Paris is the [MASK] of France.\n",
  "",
  "# only a comment\n",
  "- a\n- b\n",
  "datasets:\n- x\ninference: false\n",
  "a: plain\n  continued\n\n   after a blank\nb: c\n",
  "a.b: dotted\na:\n  b: nested\n'#1': x\n'1':\n- y\n",
  "prompt_template: '### System:\n\n  {system_message}\n\n\n  ### User:\n\n  '\nquantized_by: TheBloke\n",
  "extra_gated_prompt: To access Gemma on Hugging Face, you’re required to review and\n  agree to Google’s usage license.\nx: 1\n",
];

const OUTSIDE = [
  "a: |\n  block\n",
  "a: >-\n  folded\n",
  "a: &anchor x\nb: *anchor\n",
  "a: !!str 1\n",
  'a: "escape \\n"\n',
  "a: {b: 1}\n",
  "a: 1\na: 2\n",
  "1: a\n",
  "true: a\n",
  "a:\tb\n",
  "a: b\r\nc: d\r\n",
  "---\na: 1\n",
  "? complex\n: key\n",
  "a: [1, [2]]\n",
  "a: [1, 2,]\n",
  "a: b: c\n",
  "a: 'unclosed\n",
  "a:\n- x\n b: y\n",
  "list:\n-\n- b\n",
  "__proto__: x\n",
  "<<: {a: 1}\n",
  "a: [x] # c\n",
  "a: @x\n",
  "a:\n\u00A0\u00A0b: 1\n",
  "a: x\u3000\nb: 1\n",
  "a: 1\u2028b: 2\n",
];

describe("parseSimpleYaml: the one-pass reader of simple front matter", () => {
  it.each(IN_SUBSET)("reads %j itself, as yaml does", (text) => {
    expect(parseSimpleYaml(text), text).toBeDefined();
    expectSameAsYaml(text);
  });

  it.each(OUTSIDE)("leaves %j to yaml", (text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
    const parsed = parseYaml(text);
    const full = parseFully(text);
    expect(parsed.data).toStrictEqual(full.data);
    expect(parsed.error).toEqual(full.error);
  });

  it("keeps the line offset of text below a front-matter fence", () => {
    const parsed = parseYaml("a: 1\nb:\n- x\n", 5);
    expect([parsed.lineOf(["a"]), parsed.lineOf(["b", 0]), parsed.lineNear(["b", 3])]).toEqual([5, 7, 6]);
    expectSameAsYaml("a: 1\nb:\n- x\n", 5);
  });

  it("reads the front matter of the real model cards in the fixtures as yaml does", () => {
    const dir = new URL("../fixtures/model-cards/", import.meta.url);
    let read = 0;
    for (const name of readdirSync(dir).filter((file) => file.endsWith(".md"))) {
      const yaml = /^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(name, dir), "utf8"))?.[1];
      if (yaml === undefined) continue;
      if (parseSimpleYaml(yaml)) read++;
      if (parseFully(yaml).error === null) expectSameAsYaml(yaml);
    }
    expect(read).toBeGreaterThanOrEqual(5);
  });

  it("agrees with yaml on data written by yaml itself, folded at several widths", () => {
    const { random, pick } = seeded(4242);
    const words = [
      "license",
      "it's",
      'say "hi"',
      "a: b",
      "x #y",
      "#tag",
      "- item",
      "[MASK]",
      "{x}",
      "é",
      "0.5",
      "true",
    ];
    const text = () =>
      Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(words)).join(random() < 0.8 ? " " : "\n");
    const value = (depth: number): unknown => {
      const kind = random();
      if (depth < 3 && kind < 0.15) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      if (depth < 3 && kind < 0.3) return object(depth + 1);
      if (kind < 0.4) return pick([1, -2.5, 0, 1e21, true, false, null, "", "null", "1", "yes"]);
      return text();
    };
    const object = (depth: number) =>
      Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 4) }, () => [pick(words), value(depth)]));
    let inSubset = 0;
    for (let index = 0; index < 3000; index++) {
      const written = stringify(object(0), { lineWidth: pick([0, 20, 40, 80]) });
      if (parseSimpleYaml(written) === undefined) continue;
      inSubset++;
      expectSameAsYaml(written);
    }
    expect(inSubset).toBeGreaterThan(300);
  });

  it("agrees with yaml on thousands of generated documents, in the subset and around it", () => {
    const { random, pick } = seeded(20261202);
    const scalars = [
      "apache-2.0",
      "1",
      "-1",
      "+3",
      "0.5",
      "1.50",
      "1e3",
      "1.",
      ".5",
      "0x1f",
      "0o7",
      "007",
      ".inf",
      "-.Inf",
      ".nan",
      "true",
      "True",
      "FALSE",
      "yes",
      "null",
      "~",
      "Null",
      "'quoted'",
      "'it''s'",
      '"double"',
      '"a, b"',
      "a b  c",
      "x#y",
      "x #comment",
      "https://hf.co/a",
      "[a, b]",
      "[]",
      "{}",
      "['a', 2, \"c\"]",
      "[a,b]",
      "-x",
      "a:b",
      '"esc\\t"',
      "|",
      "&a x",
      "*a",
      "!t x",
      "[a, [b]]",
      "{a: 1}",
      "a: b",
      "?x",
      "'unclosed",
      "[a,]",
      "@x",
      "",
      "# only",
      "12345678901234567890",
      "1_0",
      "0b101",
      "-0",
      "+.5",
      "3.0e-2",
      "é ü",
      "`x`",
      "%x",
    ];
    const plainScalars = [
      "apache-2.0",
      "1",
      "0.5",
      "true",
      "~",
      "'q'",
      '"d"',
      "[a, 'b']",
      "two words",
      "x#y",
      "http://a/b",
    ];
    const keys = [
      "license",
      "base_model",
      "tags",
      "a b",
      "'q k'",
      '"d k"',
      "k-1",
      "k.2",
      "1",
      "true",
      "x",
      "it's",
      "a",
    ];
    const words = [
      "word",
      "two words",
      "- dash",
      "a: b",
      "#c",
      "x #c",
      "1",
      "true",
      "it''s",
      "'",
      '"',
      "q\\n",
      "x:",
      "",
    ];
    const under = (indent: string) => `${indent}${pick(["", " ", "  ", "  ", "    "])}`;
    /** A scalar after `head`: on one line mostly, else plain or quoted over several (as PyYAML folds them). */
    const leaf = (head: string, indent: string): string[] => {
      const kind = random();
      if (kind < 0.4) return [`${head}${pick(plainScalars)}`];
      if (kind < 0.7) return [`${head}${pick(scalars)}`];
      const quote = kind < 0.8 ? "" : kind < 0.9 ? "'" : '"';
      const lines = [`${head}${quote}${pick(["first", "### System:", "{prompt}", "a  b", ""])}`];
      const count = 1 + Math.floor(random() * 3);
      for (let line = 0; line < count; line++) {
        for (let blank = Math.floor(random() * 3); blank > 1; blank--) lines.push(random() < 0.5 ? "" : under(indent));
        lines.push(`${under(indent)}${pick(words)}`);
      }
      if (quote)
        lines.push(`${under(indent)}${pick(["end", "", "x''y"])}${quote}${pick(["", "", " # c", " junk", ":"])}`);
      return lines;
    };
    const block = (depth: number, indent: string): string[] => {
      const lines: string[] = [];
      const asSequence = random() < 0.3;
      const count = 1 + Math.floor(random() * 4);
      for (let index = 0; index < count; index++) {
        const nested = depth < 3 && random() < 0.35;
        const head = asSequence ? "- " : `${pick(keys)}:${random() < 0.05 ? "" : " "}`;
        if (random() < 0.08) lines.push(`${indent}# comment`);
        if (!nested) lines.push(...leaf(`${indent}${head}`, indent));
        else if (asSequence && random() < 0.5) {
          const inner = block(depth + 1, `${indent}  `);
          lines.push(`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1));
        } else {
          lines.push(`${indent}${head.trimEnd()}`);
          const deeper = random() < 0.1 ? indent : `${indent}${pick(["  ", "  ", "    ", " "])}`;
          lines.push(...block(depth + 1, deeper));
        }
        if (random() < 0.03) lines.push(`${indent}   stray continuation`);
      }
      return lines;
    };
    let inSubset = 0;
    const documents = 8000;
    for (let index = 0; index < documents; index++) {
      const text = `${block(0, random() < 0.1 ? "  " : "").join("\n")}\n`;
      const simple = parseSimpleYaml(text);
      if (simple === undefined) continue;
      inSubset++;
      expectSameAsYaml(text);
    }
    // The generator must exercise the reader, not only its refusals.
    expect(inSubset).toBeGreaterThan(documents / 6);
  });
});
