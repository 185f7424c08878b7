import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']/gm)].map((match) => match[1]!);
}

/** The pure core checks data in memory: no Hub, no CLI, no file system, no network, no process. */
const CORE = ["check.ts", "checks/", "catalog/", "license/", "policy/", "report/", "card/", "yaml/", "model-ref.ts", "types.ts", "once.ts"];
const FORBIDDEN_IN_CORE = [/\/hub\//, /\/cli\//, /\/cache\//, /\/acquire\.js$/, /^node:(fs|http|https|net|child_process|os|process)/, /^@huggingface\/hub$/];

describe("import boundaries (dependencies point inwards)", () => {
  const files = sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(file)] as const);

  it("finds the sources", () => expect(files.length).toBeGreaterThan(20));

  it.each(files.filter(([name]) => CORE.some((prefix) => name === prefix || name.startsWith(prefix))))("core %s", (_name, imports) => {
    for (const specifier of imports) {
      expect(FORBIDDEN_IN_CORE.filter((pattern) => pattern.test(specifier)), specifier).toEqual([]);
    }
  });

  it.each(files.filter(([name]) => !name.startsWith("hub/")))("only src/hub imports @huggingface/hub: %s", (_name, imports) => {
    expect(imports).not.toContain("@huggingface/hub");
  });

  it.each(files.filter(([name]) => name.startsWith("hub/")))("src/hub imports only the Hub library, its own files, types and the pure redactor and id rules: %s", (_name, imports) => {
    for (const specifier of imports) {
      expect(specifier, specifier).toMatch(/^(@huggingface\/hub|zod|node:crypto|\.\/[a-z-]+\.js|\.\.\/(types|redact|model-ref)\.js)$/);
    }
  });

  it("the core never touches process, console or the global fetch", () => {
    for (const [name] of files.filter(([file]) => CORE.some((prefix) => file === prefix || file.startsWith(prefix)))) {
      const text = readFileSync(join(SRC, name), "utf8");
      expect(text, name).not.toMatch(/\bprocess\.|\bconsole\.|\bfetch\(/);
    }
  });

  it.each(files.filter(([name]) => name.startsWith("gate/")))("the gate is an edge the CLI uses, never the other way round: %s", (_name, imports) => {
    expect(imports.filter((specifier) => specifier.includes("/cli/"))).toEqual([]);
  });

  it.each(files.filter(([name]) => ["gate/route.ts", "gate/headers.ts", "gate/metrics.ts"].includes(name)))("the gate reads requests with pure code: %s", (_name, imports) => {
    expect(imports.filter((specifier) => specifier.startsWith("node:") || !/^\.\.?\//.test(specifier))).toEqual([]);
  });
});
