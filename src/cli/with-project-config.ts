import type { CodeUse } from "../types/result.js";
import { BUILT_IN_NAME } from "./load-policy.js";
import { findProjectConfig, type ProjectConfig } from "./project-config.js";
import type { Environment } from "./settings.js";

/** What a checking command reads from the command line that a project's configuration can also say. */
export interface ConfigurableFlags {
  policy?: string;
  scan?: string | true;
  locked?: string | true;
  exclude?: string[];
  report?: string[];
  endpoint?: string;
  /** false with --no-config. */
  config?: boolean;
}

export interface Configured<Flags> {
  models: string[];
  flags: Flags;
  /** How the policy was chosen, for every report to say. */
  chosenBy: "flag" | "config" | "default";
  /** The line of the configuration that names each model, by the model as written: its place in the user's repo. */
  namedAt: Map<string, CodeUse>;
  config: ProjectConfig | null;
}

/**
 * The command line completed by the project's configuration (lic.yaml, found from `cwd` up): what the command line
 * says wins, key by key; the environment wins over the file for the endpoint (HF_ENDPOINT is what clients set).
 * Models named on the command line replace the file's models and its scan.
 */
export async function withProjectConfig<Flags extends ConfigurableFlags>(
  models: string[],
  flags: Flags,
  cwd: string,
  env: Environment,
): Promise<Configured<Flags>> {
  const config = flags.config === false ? null : await findProjectConfig(cwd);
  if (!config) return { models, flags, chosenBy: flags.policy ? "flag" : "default", namedAt: new Map(), config };
  const { settings } = config;
  const namesTheRun = models.length > 0 || flags.scan !== undefined || flags.locked !== undefined;
  const fromFile: Partial<ConfigurableFlags> = {};
  if (!namesTheRun && !settings.models) {
    const root = settings.scan ? config.path(settings.scan) : config.path(".");
    if (settings.locked) fromFile.locked = root;
    else if (settings.scan) fromFile.scan = root;
  }
  const merged: Flags = {
    ...flags,
    ...fromFile,
    policy: flags.policy ?? (settings.policy ? policyReference(settings.policy, config) : undefined),
    exclude: flags.exclude ?? settings.exclude,
    report: mergeReports(flags.report ?? [], settings.reports ?? {}, config),
    endpoint: flags.endpoint ?? (env.HF_ENDPOINT ? undefined : settings.endpoint),
  };
  const fileModels = !namesTheRun ? (settings.models ?? []) : [];
  const namedAt = new Map(
    fileModels.map((model, index) => [
      model,
      { file: config.file, line: config.lineOf(["models", index]), column: 1, via: `${config.file} models` },
    ]),
  );
  return {
    models: namesTheRun ? models : fileModels,
    flags: merged,
    chosenBy: flags.policy ? "flag" : settings.policy ? "config" : "default",
    namedAt,
    config,
  };
}

/** A built-in policy's name stays a name; anything that looks like a path is the file's, relative to the file. */
function policyReference(policy: string, config: ProjectConfig): string {
  return BUILT_IN_NAME.test(policy) ? policy : config.path(policy);
}

/** The file's reports, each `FORMAT=FILE`, unless the command line writes that format already. */
function mergeReports(flags: string[], reports: Record<string, string>, config: ProjectConfig): string[] {
  const given = new Set(flags.map((value) => value.slice(0, value.indexOf("="))));
  const fromFile = Object.entries(reports)
    .filter(([format]) => !given.has(format))
    .map(([format, file]) => `${format}=${config.path(file)}`);
  return [...flags, ...fromFile];
}
