import { spawn } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../../src/cli/cli-io.js";
import { main } from "../../src/cli/main.js";
import type { Environment } from "../../src/cli/settings.js";

/** The built CLI, as `npx lic` runs it after `npm ci`: the package's bin (src/cli/bin.ts). */
export const LIC_BIN = fileURLToPath(new URL("../../dist/cli/lic.cjs", import.meta.url));

const VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

export interface LicRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `lic` with a clean environment: NO_COLOR, a private HOME (no real token file or cache), and only
 * what the test gives. Async, so a fake Hub in this process keeps answering.
 */
export function runLic(args: string[], env: Record<string, string>, home: string): Promise<LicRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LIC_BIN, ...args], {
      env: { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", HOME: home, XDG_CACHE_HOME: `${home}/.cache`, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `lic` in this process: main(argv, io) with a fake CliIo that captures stdout, stderr and the exit code. It sees only
 * `env` (and NO_COLOR), never this process's environment, like runLic's child; give it XDG_CACHE_HOME so that no real
 * cache or token file is read. The step summary is appended as the bin does; stdout is not a terminal, and stderr is
 * one only when `terminal.stderr` says so (a terminal `columns` wide), for the progress line.
 */
export async function runLicIn(
  argv: string[],
  env: Environment,
  terminal: { stderr?: boolean; columns?: number } = {},
): Promise<LicRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    env: { NO_COLOR: "1", ...env },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    version: VERSION,
    isTTY: false,
    isErrTTY: terminal.stderr === true,
    errColumns: terminal.columns,
    appendFile: (path, text) => appendFileSync(path, text),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
