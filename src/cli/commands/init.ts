import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CliIo } from "../cli-io.js";
import { ExitCode } from "../exit-code.js";
import { builtInPolicyNames } from "../load-policy.js";
import { UsageError } from "../usage-error.js";
import { writeOutput } from "../write-output.js";

export interface InitFlags {
  policy?: string;
  force?: boolean;
}

/**
 * `lic init`: writes lic.yaml in the current folder, so the repository says once which policy it uses and what lic
 * checks. On a terminal it asks which policy (the one question whose answer changes verdicts); elsewhere (CI, a
 * script) it asks nothing and writes the permissive default, which every report then names.
 */
export async function runInit(flags: InitFlags, io: CliIo): Promise<number> {
  const folder = io.cwd ?? process.cwd();
  const path = join(folder, "lic.yaml");
  if (existsSync(path) && !flags.force)
    throw new UsageError(`${path} exists already; edit it, or run lic init --force to write it anew`);
  const names = builtInPolicyNames();
  let policy = flags.policy ?? "default";
  if (flags.policy === undefined && io.prompt) {
    const answer = (
      await io.prompt(`Which policy should lic apply? (${names.join(", ")}, or a file) [default]: `)
    ).trim();
    if (answer) policy = answer;
  }
  await writeOutput(path, configText(policy, names), "lic init");
  io.stderr(`lic: wrote ${path} (policy ${policy}); run lic lock to check the models the code loads\n`);
  return ExitCode.ok;
}

function configText(policy: string, names: string[]): string {
  return [
    "# lic.yaml: how lic checks this project. Flags on the command line win over these settings.",
    `# The policy every check applies: a built-in one (${names.join(", ")}) or a policy file, relative to this file.`,
    `policy: ${policy}`,
    "# The folder whose code lic scans for the models it loads (lic check, lic lock).",
    "scan: .",
    "# Fail like npm ci when the code and lic.lock disagree (write the lock first with lic lock).",
    "locked: false",
    "# Or name the models to check instead of scanning:",
    "# models:",
    "#   - org/name@<commit>",
    "# Reports every check writes, FORMAT: FILE (text, json, markdown, html, sarif, junit, github, summary).",
    "# reports:",
    "#   sarif: lic.sarif",
    "# The Hub or an internal registry, when neither --endpoint nor HF_ENDPOINT says.",
    "# endpoint: https://huggingface.co",
    "",
  ].join("\n");
}
