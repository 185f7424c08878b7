import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { z } from "zod";
import { REPORT_FORMATS } from "../report/report-formats.js";
import { parseYaml } from "../util/parse-yaml.js";
import { didYouMean } from "../util/suggest.js";
import { readCappedFile, whyUnread } from "./read-capped-file.js";
import { UsageError } from "./usage-error.js";

/** The files a project can configure lic in, looked for in this order in each folder from the current one up. */
export const CONFIG_FILES = ["lic.yaml", ".lic.yaml", "package.json"] as const;

const ConfigSchema = z.strictObject({
  policy: z.string().min(1).optional().describe("A built-in policy name or a policy file, relative to this file."),
  models: z.array(z.string().min(1)).optional().describe("Models lic check checks when none are named."),
  scan: z
    .string()
    .min(1)
    .optional()
    .describe("The folder whose code lic check and lic lock scan, relative to this file."),
  locked: z.boolean().optional().describe("lic check compares the scanned code with its lic.lock (as --locked)."),
  exclude: z.array(z.string().min(1)).optional().describe("gitignore-style patterns the scan leaves out."),
  reports: z
    .partialRecord(z.enum(REPORT_FORMATS), z.string().min(1))
    .optional()
    .describe("Reports every lic check and lic lock writes: FORMAT: FILE, relative to this file."),
  endpoint: z.string().min(1).optional().describe("The Hub or registry, when neither --endpoint nor HF_ENDPOINT says."),
});

export type ProjectSettings = z.infer<typeof ConfigSchema>;

/** A project's configuration, found from the current folder up, with its paths made relative to where lic runs. */
export interface ProjectConfig {
  /** The file, relative to the process's folder (`lic.yaml`, `../lic.yaml`): as reports and file access take it. */
  file: string;
  settings: ProjectSettings;
  /** A path the file names (relative to the file), relative to the process's folder. */
  path: (path: string) => string;
  /** The line of a key (`models.2`), for findings located in the user's repository. */
  lineOf: (path: (string | number)[]) => number;
}

/**
 * The nearest lic.yaml, .lic.yaml or package.json with a `lic` key, from `cwd` up to the file system's root; null
 * when there is none. A file that is there but wrong exits 2 with its line and the fix, never ignored. The paths it
 * gives are relative to the process's folder, where file access resolves them (the same folder as `cwd` for the bin).
 */
export function findProjectConfig(cwd: string): ProjectConfig | null {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const name of CONFIG_FILES) {
      const path = join(folder, name);
      if (!existsSync(path)) continue;
      const config = readConfig(path, name);
      if (config) return config;
    }
    if (dirname(folder) === folder) return null;
  }
}

/** A configuration file is a few lines; one over this is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

function readConfig(path: string, name: string): ProjectConfig | null {
  const shown = relative(process.cwd(), path) || name;
  const read = readCappedFile(path, MAX_CONFIG_BYTES);
  if (!read.ok) {
    throw new UsageError(`${shown} ${whyUnread(read, MAX_CONFIG_BYTES)}; fix or remove it`);
  }
  // package.json configures lic only with a `lic` key; any other package.json is just the package's. JSON.parse
  // tells in a millisecond what the YAML parser (kept for the lines of a `lic` key's errors) takes tens to say.
  const inPackage = name === "package.json";
  if (inPackage && !packageHasLicKey(read.text)) return null;
  const yaml = parseYaml(read.text);
  if (yaml.error) throw new UsageError(`${shown}:${yaml.error.line ?? 1}: not valid YAML: ${yaml.error.reason}`);
  const raw: unknown = inPackage ? (yaml.data as Record<string, unknown> | null)?.["lic"] : yaml.data;
  if (inPackage && raw === undefined) return null;
  const base = inPackage ? ["lic"] : [];
  const lineOf = (at: (string | number)[]) => yaml.lineNear([...base, ...at]);
  const parsed = ConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const keys = Object.keys(ConfigSchema.shape);
    const problems = parsed.error.issues.map((issue) => {
      const unknown =
        issue.code === "unrecognized_keys"
          ? issue.keys.map((key) => `${key}${didYouMean(key, keys)}`).join(", ")
          : null;
      const where = issue.path.length > 0 ? ` ${issue.path.join(".")}:` : "";
      return `${shown}:${lineOf(issue.path as (string | number)[])}:${where} ${unknown ? `unknown key ${unknown}` : issue.message}`;
    });
    throw new UsageError(
      `${problems.join("\n")}\nThe keys of ${name}${inPackage ? "'s lic" : ""}: ${keys.join(", ")}.`,
    );
  }
  const folder = dirname(path);
  return {
    file: shown,
    settings: parsed.data,
    path: (named) => relative(process.cwd(), resolve(folder, named)) || ".",
    lineOf,
  };
}

/** Whether a package.json has a `lic` key; one that is not JSON goes on to the YAML parser, which says where. */
function packageHasLicKey(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text);
    return data !== null && typeof data === "object" && "lic" in data;
  } catch {
    return true;
  }
}
