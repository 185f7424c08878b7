#!/usr/bin/env node
/**
 * The bundled CLI's entry (scripts/bundle-cli.mjs): `lic --version` answers before the CLI's modules load, which is
 * most of what a bare `lic --version` cost; every other command loads main.ts and runs it.
 */
import { createRequire } from "node:module";

const [first, ...rest] = process.argv.slice(2);
if ((first === "--version" || first === "-V") && rest.length === 0) {
  const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };
  process.stdout.write(`${version}\n`);
} else {
  const { runFromProcess } = await import("./main.js");
  runFromProcess();
}
