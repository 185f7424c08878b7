import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { ProjectConfig } from "./parse-project-config.js";
import { readCappedFile, whyUnread } from "./read-capped-file.js";
import { UsageError } from "./usage-error.js";

/** The files a project can configure lic in, looked for in this order in each folder from the current one up. */
export const CONFIG_FILES = ["lic.yaml", ".lic.yaml", "package.json"] as const;

export type { ProjectConfig };

/**
 * The nearest lic.yaml, .lic.yaml or package.json with a `lic` key, from `cwd` up to the file system's root; null
 * when there is none. A file that is there but wrong exits 2 with its line and the fix, never ignored. The paths it
 * gives are relative to the process's folder, where file access resolves them (the same folder as `cwd` for the bin).
 * The parser and its schema (YAML, zod) are loaded only when there is a file to parse: most runs have none.
 */
export async function findProjectConfig(cwd: string): Promise<ProjectConfig | null> {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const name of CONFIG_FILES) {
      const path = join(folder, name);
      if (!existsSync(path)) continue;
      const shown = relative(process.cwd(), path) || name;
      const read = readCappedFile(path, MAX_CONFIG_BYTES);
      if (!read.ok) throw new UsageError(`${shown} ${whyUnread(read, MAX_CONFIG_BYTES)}; fix or remove it`);
      // package.json configures lic only with a `lic` key; any other package.json is just the package's. JSON.parse
      // tells in a millisecond what the YAML parser (kept for the lines of a `lic` key's errors) takes tens to say.
      if (name === "package.json" && !packageHasLicKey(read.text)) continue;
      const { parseProjectConfig } = await import("./parse-project-config.js");
      const config = parseProjectConfig(read.text, path, name, shown);
      if (config) return config;
    }
    if (dirname(folder) === folder) return null;
  }
}

/** A configuration file is a few lines; one over this is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Whether a package.json has a `lic` key; one that is not JSON goes on to the YAML parser, which says where. */
function packageHasLicKey(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text);
    return data !== null && typeof data === "object" && "lic" in data;
  } catch {
    return true;
  }
}
