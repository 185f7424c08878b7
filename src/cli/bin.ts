#!/usr/bin/env node
/**
 * The bin npm links (package.json `bin`), built as CommonJS (scripts/bundle-cli.mjs), which Node starts faster than an
 * ES module. What it can answer without the CLI it answers itself: `--version` (written in at build time) and help
 * (the texts the build had commander print, dist/cli/help.json, exact wherever help is 80 columns wide). Anything
 * else runs the bundled CLI (cli.cjs) through V8's code cache (code-cache.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCacheDir } from "./cache-home.js";
import { requireWithCodeCache } from "./code-cache.js";
import { isOn } from "./env-flag.js";
import { fdWriter } from "./fd-writer.js";
import { helpTopic } from "./help-topic.js";
import { HELP_WIDTH, helpWidth } from "./help-width.js";
import { isTerminal } from "./is-terminal.js";

declare const LIC_VERSION: string;
/** The build's digest (build-id.json's), naming its code cache. */
declare const LIC_BUILD: string;

const args = process.argv.slice(2);
/** --version and help, through the writer the CLI writes with (fd-writer.ts): no stream is made for a pipe. */
const writeOut = fdWriter(1, () => process.stdout);

if ((args[0] === "--version" || args[0] === "-V") && args.length === 1) writeOut(`${LIC_VERSION}\n`);
else if (!answerHelp(args)) runCli();

function runCli(): void {
  const bundle = join(__dirname, "cli.cjs");
  let cli: { runFromProcess: () => void };
  try {
    cli = requireWithCodeCache(bundle, codeCacheFile()) as typeof cli;
  } catch (error) {
    // An install with its bundle missing or damaged: said in a line, as every other failure is.
    process.stderr.write(`lic: cannot load ${bundle} (${(error as Error).message.split("\n")[0]}); reinstall lic\n`);
    process.exitCode = 3;
    return;
  }
  cli.runFromProcess();
}

/** Help from the texts the build wrote; false (the CLI answers) when there is none for `args` or it is unreadable. */
function answerHelp(args: string[]): boolean {
  const topic = helpTopic(args);
  // The width only of a terminal (is-terminal.ts): asking process.stdout would make a socket stream of a pipe.
  if (topic === null || helpWidth(isTerminal(1) ? process.stdout.columns : undefined) !== HELP_WIDTH) return false;
  let text: string | undefined;
  try {
    text = (JSON.parse(readFileSync(join(__dirname, "help.json"), "utf8")) as Record<string, string>)[topic];
  } catch {
    return false;
  }
  if (typeof text !== "string") return false;
  writeOut(text);
  return true;
}

/** $LIC_CACHE_DIR/code (default ~/.cache/lic/code), one file per build and Node; none with LIC_DISABLE_CODE_CACHE=1. */
function codeCacheFile(): string | null {
  const env = process.env;
  if (isOn(env["LIC_DISABLE_CODE_CACHE"])) return null;
  return join(defaultCacheDir(env), "code", `${LIC_BUILD.slice(0, 16)}-node${process.version}-${process.arch}.v8`);
}
