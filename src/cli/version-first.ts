#!/usr/bin/env node
/**
 * The bin npm links (package.json `bin`), built as CommonJS (scripts/bundle-cli.mjs), which Node starts faster than an
 * ES module: an ESM entry alone cost 1.2× `node -e 0` here, more than the whole `lic --version` is allowed. It answers
 * `--version` itself, with the version written in at build time; anything else loads the bundled CLI (main.js).
 */
declare const LIC_VERSION: string;

const [first, ...rest] = process.argv.slice(2);
if ((first === "--version" || first === "-V") && rest.length === 0) process.stdout.write(`${LIC_VERSION}\n`);
// Run as the bin, main.js is not the entry point, so it waits to be told to run.
else void import("./main.js").then(({ runFromProcess }) => runFromProcess());
