import { dirname, relative, resolve } from "node:path";
import * as z from "zod";
import { REPORT_FORMATS } from "../report/report-formats.js";
import { parseYaml } from "../util/parse-yaml.js";
import { didYouMean } from "../util/suggest.js";
import { UsageError } from "./usage-error.js";

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
 * A configuration file's settings, checked: a file that is wrong exits 2 with its line and the fix. Null for a
 * package.json whose `lic` key turns out not to be there.
 */
export function parseProjectConfig(text: string, path: string, name: string, shown: string): ProjectConfig | null {
  const inPackage = name === "package.json";
  const yaml = parseYaml(text);
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
