import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "src");

/**
 * The rooms of src/, bottom floor first: a room imports only rooms on lower floors (and itself). The tree reads as the
 * pipeline: acquire → identify → evaluate → report, with the edges (cli, gate) on top, and `run/` the one pipeline
 * both edges call.
 */
const FLOORS: string[][] = [
  ["types"],
  ["util"],
  ["findings", "catalog"],
  ["identify"],
  ["policy"],
  ["evaluate"],
  ["report"],
  ["results", "lock", "bom"],
  ["acquire", "scan"],
  ["run", "dist"],
  ["gate"],
  ["cli"],
];

/** Rooms that check data in memory: no file system, network, process or module loading of their own. */
const PURE = [
  "types",
  "util",
  "findings",
  "catalog",
  "identify",
  "policy",
  "evaluate",
  "report",
  "results",
  "lock",
  "bom",
];
/** The only Node modules a pure room may use: computation, no I/O (hashing for digests and fingerprints). */
const PURE_NODE = new Set(["node:crypto", "node:buffer"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module a file names: static imports and re-exports, `import type`, and dynamic `import()`. */
function specifiersOf(text: string): string[] {
  const statics = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']/gm)].map(
    (match) => match[1]!,
  );
  const bare = [...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((match) => match[1]!);
  const dynamic = [...text.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]!);
  return [...statics, ...bare, ...dynamic];
}

function roomOf(path: string): string {
  const [first] = path.split("/");
  return first!.endsWith(".ts") ? first!.slice(0, -3) : first!;
}

const floorOf = new Map(FLOORS.flatMap((rooms, floor) => rooms.map((room) => [room, floor] as const)));

const files = sourceFiles(SRC).map((file) => {
  const name = relative(SRC, file);
  const imports = specifiersOf(readFileSync(file, "utf8")).map((specifier) => ({
    specifier,
    room: /^\.\.?\//.test(specifier) ? roomOf(normalize(join(dirname(name), specifier))) : null,
  }));
  return { name, room: roomOf(name), imports, text: readFileSync(file, "utf8") };
});

describe("the tree shows the pipeline", () => {
  it("src/ holds no loose file but index.ts", () => {
    expect(files.filter((file) => !file.name.includes("/")).map((file) => file.name)).toEqual(["index.ts"]);
  });

  it("every folder of src/ is a room on a floor", () => {
    const rooms = new Set(files.filter((file) => file.name.includes("/")).map((file) => file.room));
    expect([...rooms].filter((room) => !floorOf.has(room))).toEqual([]);
  });

  it.each(files.filter((file) => file.room !== "index"))(
    "$name imports only its own room and rooms below",
    ({ room, imports }) => {
      const upward = imports.filter(
        (entry) => entry.room !== null && entry.room !== room && floorOf.get(entry.room)! >= floorOf.get(room)!,
      );
      expect(upward.map((entry) => entry.specifier)).toEqual([]);
    },
  );

  it.each(files.filter((file) => PURE.includes(file.room)))(
    "pure room: $name uses no I/O module",
    ({ imports, text }) => {
      const io = imports.filter((entry) => entry.specifier.startsWith("node:") && !PURE_NODE.has(entry.specifier));
      expect(io.map((entry) => entry.specifier)).toEqual([]);
      expect(text).not.toMatch(/\bprocess\.|\bconsole\.|\bfetch\(|\brequire\(|createRequire/);
    },
  );

  it.each(files.filter((file) => file.room !== "acquire"))(
    "only acquire/hub talks to the Hub library: $name",
    ({ imports }) => {
      expect(imports.map((entry) => entry.specifier)).not.toContain("@huggingface/hub");
    },
  );

  it("the import graph has no circle between files", () => {
    const graph = new Map(
      files.map((file) => [
        file.name,
        file.imports
          .filter((entry) => /^\.\.?\//.test(entry.specifier))
          .map((entry) => normalize(join(dirname(file.name), entry.specifier)).replace(/\.js$/, ".ts")),
      ]),
    );
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        circles.push([...path.slice(path.indexOf(node)), node].join(" → "));
        return;
      }
      state.set(node, "open");
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, "done");
    };
    for (const node of graph.keys()) visit(node, []);
    expect(circles).toEqual([]);
  });
});
