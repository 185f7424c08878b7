import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built CLI, as `npx lic` runs it after `npm ci`. */
export const LIC_BIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

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
