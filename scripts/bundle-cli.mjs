// Part of `npm run build`: the CLI as one CommonJS bundle (esbuild), dist/cli/cli.cjs, and the bin that runs it,
// dist/cli/lic.cjs (src/cli/bin.ts).
// Start-up was mostly module loading and compiling: the ESM loader resolving, reading and compiling some 400 files,
// then, bundled as ES-module chunks, V8 compiling them (90 ms of a 300 ms warm check). One CommonJS file can be
// compiled through V8's code cache on Node 20 (src/cli/code-cache.ts), which ES modules cannot; modules the source
// imports lazily stay lazy in it (esbuild runs a module's top level when it is first imported).
// The bundle sits in dist/cli/, at the depth of every dist/<folder>/ module, so the paths modules resolve from their
// own URL (../../package.json, ../identify/matcher/data/, ../policies/) mean the same in it.
// tsc's output stays the library (dist/index.js) and what the build scripts import; the source stays what we read.
import { createHash } from "node:crypto";
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { build } from "esbuild";

/**
 * JSON modules (the SPDX License List, 100 KB) as JSON.parse of their text, not the object literal esbuild writes by
 * default: V8 parses JSON faster than it compiles a literal of the same data, and keeps a string, not the literal's
 * bytecode, in the code cache every warm check deserializes (https://v8.dev/blog/cost-of-javascript-2019#json).
 * Measured here: a warm check 2 to 3 ms faster. A default export only, so a named import of a key fails the build.
 */
const jsonAsParse = {
  name: "json-as-parse",
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, ({ path }) => {
      const compact = JSON.stringify(JSON.parse(readFileSync(path, "utf8")));
      return { contents: `export default JSON.parse(${JSON.stringify(compact)});`, loader: "js" };
    });
  },
};

/**
 * commander requires node:child_process when it loads, for subcommands run as separate executables, which lic has
 * none of; loading it (with net, dgram and their kin) took over a millisecond of every run. In the bundle commander
 * gets a stand-in that requires the real module on its first spawn.
 */
const commanderSpawnsLazily = {
  name: "commander-spawns-lazily",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(importer) ? { path: "child_process", namespace: "lazy" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };',
      loader: "js",
    }));
  },
};

const outdir = new URL("../dist/cli/", import.meta.url);
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const bundle = new URL("cli.cjs", outdir).pathname;
const { metafile } = await build({
  entryPoints: [new URL("../src/cli/main.ts", import.meta.url).pathname],
  outfile: bundle,
  metafile: true,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  // Without comments (whitespace and syntax minified): a third smaller to read, and ASCII only (esbuild escapes the
  // rest), so V8 holds the source as one byte a character; our comments' "§" and "—" made it two, and the read alone
  // cost 20 ms of a warm check. Local names minified too: a quarter smaller again (1.37 to 1.02 MB), which V8 reads,
  // and its code cache holds, on every run (a warm check 2 to 3 ms faster). No code of ours or of the bundled
  // packages reads a function's or a class's name; the linked source map gives profiles and traces theirs back.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  logLevel: "warning",
  // Loaded by path at run time (WebAssembly beside their modules), or optional native code; and the gate's database
  // clients, a seventh of the bundle that no check runs, required from node_modules when a gate first connects.
  external: ["web-tree-sitter", "tree-sitter-*", "pg-native", "pg", "ioredis"],
  // The source is ES modules that find their files from import.meta.url; in CommonJS that is the bundle's own URL.
  define: { "import.meta.url": "__licBundleUrl" },
  banner: { js: 'var __licBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [jsonAsParse, commanderSpawnsLazily],
});

// What the bin needs of the bundle, checked on its text: ASCII only, so V8 holds the source one byte a character and
// code-cache.ts may read it as Latin-1 (esbuild escapes non-ASCII in strings, not in regular expressions); and no
// import(), which a script run through V8's code cache has no module loader for (a module outside the bundle, a Node
// built-in or web-tree-sitter, must be required).
const text = readFileSync(bundle, "latin1");
for (const [pattern, fix] of [
  [/[^\x00-\x7f]/, "a character beyond ASCII, likely in a regular expression: write it as \\uXXXX in the source"],
  [/\bimport\((?!\))/, "an import() of a module outside the bundle: require it (createRequire) instead"],
]) {
  const found = pattern.exec(text);
  if (found) throw new Error(`${bundle}: ${fix} (at offset ${found.index})`);
}

// The build's identity (src/cli/build-id.ts): the bundle and the matcher's data, which decide every result.
const digest = createHash("sha256");
const data = new URL("../dist/identify/matcher/data/", import.meta.url);
for (const file of Object.keys(metafile.outputs).sort()) digest.update(file).update(readFileSync(file));
// Recursive: the SPDX fingerprints the build wrote (spdx/) decide matches as the rest does.
for (const entry of readdirSync(data, { recursive: true, withFileTypes: true })
  .filter((found) => found.isFile())
  .map((found) => relative(data.pathname, join(found.parentPath, found.name)))
  .sort())
  digest.update(entry).update(readFileSync(new URL(entry, data)));
const buildDigest = digest.digest("hex");
writeFileSync(new URL("build-id.json", outdir), `${JSON.stringify({ digest: buildDigest })}\n`);

// Every command's help, as commander prints it 80 columns wide, for the bin to answer without loading the CLI.
writeFileSync(new URL("help.json", outdir), `${JSON.stringify(await helpTexts(createRequire(bundle)(bundle)))}\n`);

// The bin: answers --version and help, else runs the bundle through the code cache.
await build({
  entryPoints: [new URL("../src/cli/bin.ts", import.meta.url).pathname],
  outfile: new URL("lic.cjs", outdir).pathname,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  // import.meta.url as in the bundle: modules the bin shares with the CLI (is-terminal.ts) find Node's from it.
  define: {
    LIC_VERSION: JSON.stringify(version),
    LIC_BUILD: JSON.stringify(buildDigest),
    "import.meta.url": "__licBundleUrl",
  },
  banner: { js: 'var __licBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// esbuild writes files without the executable bit; `npx lic` runs the bin file itself.
chmodSync(new URL("lic.cjs", outdir), 0o755);

/**
 * Each command's help by its words ("" for lic, "policy show"), printed by the bundle's own main() for
 * `lic WORDS --help`; the bin answers `-h` and `lic help WORD` (one word: see help-topic.ts) from the same text, so
 * the build checks that they print it too.
 */
async function helpTexts(cli) {
  const texts = {};
  const printed = async (argv) => {
    let stdout = "";
    let stderr = "";
    const io = {
      env: {},
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      version,
      isTTY: false,
      isErrTTY: false,
      cwd: process.cwd(),
    };
    const code = await cli.main(argv, io);
    if (code !== 0 || stderr !== "") throw new Error(`lic ${argv.join(" ")}: exit ${code}, ${stderr}`);
    return stdout;
  };
  const visit = async (command, words) => {
    const text = await printed([...words, "--help"]);
    for (const other of [[...words, "-h"], ...(words.length <= 1 ? [["help", ...words]] : [])])
      if ((await printed(other)) !== text) throw new Error(`lic ${other.join(" ")} differs from --help`);
    texts[words.join(" ")] = text;
    for (const sub of command.commands) await visit(sub, [...words, sub.name()]);
  };
  await visit(
    cli.buildProgram({ env: {}, stdout: () => {}, stderr: () => {}, version }, () => {}),
    [],
  );
  return texts;
}
