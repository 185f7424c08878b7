import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/**
 * Loads a CommonJS file of ASCII text as `require` would, but compiled through V8's code cache, kept in `cacheFile`:
 * compiling the bundled CLI from source is most of a warm check's time (some 90 ms of a 300 ms run here), reading
 * V8's bytecode back a fraction of it. Node 22 does this for every module (module.enableCompileCache); Node 20,
 * which lic supports, has only the V8 API underneath (vm.Script's cachedData), which is what this uses.
 *
 * The cache is written once, when the process exits after a run that had none (or one V8 refused: another Node, other
 * V8 flags), so it holds the functions that run compiled as well as the top level. It is only ever a speed-up: a
 * missing, truncated or foreign file is refused by V8's own checks and the source compiled as usual; a folder that
 * cannot be written is left alone. When one is written, those of other builds beyond the newest three are removed.
 */
export function requireWithCodeCache(file: string, cacheFile: string | null): unknown {
  // Read as Latin-1, which for ASCII is the same text: the build keeps the bundle ASCII (scripts/bundle-cli.mjs), and
  // decoding 1.4 MB as UTF-8 took 7 ms here against 1. esbuild keeps the entry's `#!` line, which is not JavaScript
  // inside a function wrapper; the line stays, blank.
  const source = readFileSync(file, "latin1").replace(/^#!.*/, "");
  const cachedData = cacheFile === null ? undefined : readIfThere(cacheFile);
  // No importModuleDynamically: a script compiled from V8's cache loses it (import() then throws "A dynamic import
  // callback was not specified"), and Node 20 warns that it is experimental. The build keeps import() out of the
  // bundle instead (scripts/bundle-cli.mjs).
  const script = new Script(wrapped(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cacheFile !== null && (cachedData === undefined || script.cachedDataRejected))
    process.once("exit", () => keep(cacheFile, script.createCachedData()));
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** Node's CommonJS wrapper (Module.wrap), so the file sees exports, require, module, __filename and __dirname. */
function wrapped(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Code caches of other builds kept beside this one's. */
const KEPT_OTHERS = 3;

function keep(cacheFile: string, data: Buffer): void {
  const folder = dirname(cacheFile);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Files of other builds (or Nodes) beyond the newest few go: a global and a project's lic, taking turns, each
    // keep theirs, and a folder of upgrades past does not grow.
    const others = readdirSync(folder)
      .filter((name) => join(folder, name) !== cacheFile)
      .map((name) => ({ path: join(folder, name), made: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.made - a.made);
    for (const { path } of others.slice(KEPT_OTHERS)) rmSync(path, { force: true });
    // Written aside and renamed, so a process starting meanwhile reads the whole file or none.
    const aside = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(aside, data, { mode: 0o600 });
    renameSync(aside, cacheFile);
  } catch {
    // Read-only home, full disk: the next run compiles from source again, as this one did.
  }
}
