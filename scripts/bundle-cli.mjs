// Part of `npm run build`: the CLI as one bundle with lazy chunks (esbuild), written over tsc's dist/cli/main.js.
// Start-up was mostly module loading (the ESM loader resolving, reading and compiling some 400 files: half of a warm
// check's time); a bundle is a handful of files. Every dynamic import() in the source stays a chunk loaded when
// first used (the renderers, the gate, the scanner, the Hub client): `lic licenses list` loads none of them.
// Chunks sit beside main.js, at the depth of every dist/<folder>/ module, so the paths modules resolve from their
// own URL (../../package.json, ../identify/matcher/data/, ../policies/) mean the same in the bundle.
// tsc's output stays the library (dist/index.js) and what the build scripts import; the source stays what we read.
import { createHash } from "node:crypto";
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const outdir = new URL("../dist/cli/", import.meta.url);
const { metafile } = await build({
  entryPoints: { main: new URL("../src/cli/main.ts", import.meta.url).pathname },
  outdir: outdir.pathname,
  metafile: true,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunk-[hash]",
  sourcemap: "linked",
  logLevel: "warning",
  // Loaded by path at run time (WebAssembly beside their modules), or optional native code.
  external: ["web-tree-sitter", "tree-sitter-*", "pg-native"],
  // Dependencies written as CommonJS call require() for Node's built-ins, which ESM output has no binding for.
  banner: {
    js: 'import { createRequire as __licRequire } from "node:module"; const require = __licRequire(import.meta.url);',
  },
});

// The bin: a CommonJS stub that answers --version and otherwise imports main.js (src/cli/version-first.ts).
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
await build({
  entryPoints: [new URL("../src/cli/version-first.ts", import.meta.url).pathname],
  outfile: new URL("lic.cjs", outdir).pathname,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  external: ["./main.js"],
  define: { LIC_VERSION: JSON.stringify(version) },
});
chmodSync(new URL("lic.cjs", outdir), 0o755);

// The build's identity (src/cli/build-id.ts): the bundle's files and the matcher's data, which decide every result.
const digest = createHash("sha256");
const data = new URL("../dist/identify/matcher/data/", import.meta.url);
for (const file of Object.keys(metafile.outputs).sort()) digest.update(file).update(readFileSync(file));
for (const file of readdirSync(data).sort()) digest.update(file).update(readFileSync(new URL(file, data)));
writeFileSync(new URL("build-id.json", outdir), `${JSON.stringify({ digest: digest.digest("hex") })}\n`);
// esbuild writes files without the executable bit; `npx lic` runs the bin file itself.
chmodSync(new URL("main.js", outdir), 0o755);
