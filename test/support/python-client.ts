import { execFile, spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The local PyPI mirror on this machine and in CI; named so pip never waits for the public index. */
const INDEX = process.env["LIC_PYPI_INDEX"] ?? "file:///opt/pypi/simple";
/** Made once per machine (.ci/run makes it before the tests) and reused: creating it takes about 15 s. */
export const PYTHON_CLIENT_VENV = process.env["LIC_PYTHON_VENV"] ?? join(tmpdir(), "lic-python-huggingface_hub");

/**
 * The venv with the real huggingface_hub, made when missing. A venv cannot be moved (its scripts name its path), so
 * it is made in place and marked complete last: one a run left half-made is made again. Throws saying why not.
 */
export function pythonClientVenv(): string {
  const complete = join(PYTHON_CLIENT_VENV, ".lic-complete");
  if (existsSync(complete)) return PYTHON_CLIENT_VENV;
  rmSync(PYTHON_CLIENT_VENV, { recursive: true, force: true });
  const steps: [string, string[]][] = [
    ["python3", ["-m", "venv", PYTHON_CLIENT_VENV]],
    [join(PYTHON_CLIENT_VENV, "bin", "pip"), ["install", "--quiet", "--index-url", INDEX, "huggingface_hub"]],
  ];
  for (const [command, args] of steps) {
    const done = spawnSync(command, args, { encoding: "utf8", timeout: 300_000 });
    if (done.status !== 0)
      throw new Error(
        `cannot make the Python client's venv (${command} ${args.join(" ")}): ${done.error?.message ?? ""}${done.stderr}`,
      );
  }
  writeFileSync(complete, "");
  return PYTHON_CLIENT_VENV;
}

export interface PythonRun {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs a program of the venv (`hf`, `python`) with HF_ENDPOINT at `endpoint`, no token and its own cache. */
export async function runPythonClient(
  endpoint: string,
  cacheDir: string,
  program: string,
  args: string[],
): Promise<PythonRun> {
  const venv = pythonClientVenv();
  const env: Record<string, string> = {
    PATH: `${join(venv, "bin")}:${process.env["PATH"] ?? ""}`,
    HOME: cacheDir,
    HF_ENDPOINT: endpoint,
    HF_HOME: join(cacheDir, "hf-home"),
    HF_HUB_DISABLE_TELEMETRY: "1",
    HF_HUB_DISABLE_PROGRESS_BARS: "1",
    HF_HUB_ETAG_TIMEOUT: "30",
    HF_HUB_DOWNLOAD_TIMEOUT: "30",
    NO_PROXY: "127.0.0.1,localhost",
  };
  try {
    const { stdout, stderr } = await run(join(venv, "bin", program), args, { env, timeout: 120_000 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, stdout: failed.stdout ?? "", stderr: `${failed.stderr ?? ""}${String(error)}` };
  }
}
