import type { RepoKind } from "../../types/code-reference.js";
import { type COMMAND_KEYS, DATASET_ENTRY_KEYS, HYDRA_LOADERS, ID_KEYS, REVISION_KEYS } from "./config-keys.js";
import { type ConfigEntry, type ConfigNode, tomlTree, yamlTrees } from "./config-tree.js";
import { recordEnvAssignment } from "./dotenv.js";
import type { Extracted } from "./extracted.js";
import { append, emptyExtracted, meaningOf, record } from "./reference.js";
import { extractCommand, extractImageArgs, extractShell } from "./shell.js";
import { shellCommands, type Word } from "./shell-words.js";

export function extractYaml(text: string, file: string): Extracted {
  return fromTrees(yamlTrees(text), file);
}

/** Read as YAML 1.2, of which JSON is a subset, so every key keeps its line and column. */
/**
 * JSON through the YAML parser (JSON is YAML 1.2), which keeps each key's position. Comments, as JSONC files carry
 * them (devcontainer.json, VS Code settings), are blanked first, keeping every other character where it was.
 */
export function extractJson(text: string, file: string): Extracted {
  return extractYaml(withoutJsonComments(text), file);
}

/** `// …` and `/* … *\/` outside strings turned into spaces (line breaks kept), so lines and columns stay true. */
export function withoutJsonComments(text: string): string {
  return text.replace(/"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match) =>
    match.startsWith('"') ? match : match.replace(/[^\n]/g, " "),
  );
}

export function extractToml(text: string, file: string): Extracted {
  return fromTrees([tomlTree(text)], file);
}

function fromTrees(trees: ConfigNode[], file: string): Extracted {
  const extracted = emptyExtracted();
  for (const tree of trees) visit(tree, new ConfigReader(extracted, file));
  return extracted;
}

function visit(node: ConfigNode, reader: ConfigReader): void {
  if (node.type === "list") for (const item of node.items) visit(item, reader);
  if (node.type !== "map") return;
  reader.mapping(node.entries);
  for (const entry of node.entries) visit(entry.value, reader);
}

/** Reads one mapping at a time: its id keys (or Hydra call), its commands and its environment. */
class ConfigReader {
  constructor(
    private readonly into: Extracted,
    private readonly file: string,
  ) {}

  mapping(entries: ConfigEntry[]): void {
    const revision = textOf(entries.find((entry) => (REVISION_KEYS as readonly string[]).includes(entry.key)));
    const hydraKeys = this.hydraCall(entries, revision);
    for (const entry of entries) {
      const key = ID_KEYS[entry.key];
      if (key && !hydraKeys.includes(entry.key))
        this.ids(entry, `config:${entry.key}`, key.kind, revision, key.adapter);
    }
    this.commands(entries);
    this.environment(entries);
  }

  /** A Hydra node that calls a loader (`_target_: transformers.AutoModel.from_pretrained`); gives the keys it read. */
  private hydraCall(entries: ConfigEntry[], revision: string | null): readonly string[] {
    const target = textOf(entries.find((entry) => entry.key === "_target_"));
    const loader = target === null ? undefined : HYDRA_LOADERS.find((candidate) => candidate.target.test(target));
    if (!loader) return [];
    const via = `hydra:${target}`;
    for (const entry of entries) {
      if (loader.keys.includes(entry.key)) this.ids(entry, via, loader.kind, revision);
      // `_args_` are the call's positional arguments: the repo is the first.
      if (entry.key === "_args_" && entry.value.type === "list") {
        const [first] = entry.value.items;
        if (first) this.ids({ ...entry, value: first }, via, loader.kind, revision);
      }
    }
    return loader.keys;
  }

  /** A string value, a list of them, or (for datasets) a list of `{ path: org/data }` entries. */
  private ids(entry: ConfigEntry, via: string, kind: RepoKind, revision: string | null, adapter?: true): void {
    const found = { at: { file: this.file, ...entry.at }, via, kind, revision, adapter: adapter === true };
    if (entry.value.type === "text") record(this.into, meaningOf(entry.value.value), found);
    if (entry.value.type !== "list") return;
    for (const item of entry.value.items) {
      if (item.type === "text") record(this.into, meaningOf(item.value), found);
      if (item.type === "map" && kind === "dataset") this.datasetEntry(item.entries, via);
    }
  }

  private datasetEntry(entries: ConfigEntry[], via: string): void {
    const revision = textOf(entries.find((entry) => (REVISION_KEYS as readonly string[]).includes(entry.key)));
    const path = entries.find((entry) => (DATASET_ENTRY_KEYS as readonly string[]).includes(entry.key));
    if (path?.value.type === "text") {
      const found = { at: { file: this.file, ...path.at }, via, kind: "dataset" as const, revision };
      record(this.into, meaningOf(path.value.value), found);
    }
  }

  /**
   * A CI step's `run:` script, and a compose service's `command:` / `entrypoint:`. A service's command is the
   * argument list of its image's entrypoint (`command: --model-id org/name` on the TGI image), unless it sets one.
   */
  private commands(entries: ConfigEntry[]): void {
    const byKey = (key: (typeof COMMAND_KEYS)[number]) => entries.find((entry) => entry.key === key);
    const run = byKey("run");
    if (run?.value.type === "text") append(this.into, extractShell(run.value.value, this.file, run.value.origin));
    const isService = entries.some((entry) => entry.key === "image" || entry.key === "build");
    if (!isService) return;
    const entrypoint = wordsOf(byKey("entrypoint"));
    const command = wordsOf(byKey("command"));
    const image = textOf(entries.find((entry) => entry.key === "image"));
    if (entrypoint.length > 0 || image === null) extractCommand(this.into, [...entrypoint, ...command], this.file);
    else extractImageArgs(this.into, image, command, this.file);
  }

  /** `environment:` (compose) and `env:` (GitHub Actions), as a map or a list of `KEY=value` strings. */
  private environment(entries: ConfigEntry[]): void {
    for (const entry of entries) {
      if (entry.key !== "environment" && entry.key !== "env") continue;
      if (entry.value.type === "map") {
        for (const variable of entry.value.entries) {
          const value = variable.value.type === "text" ? variable.value.value : null;
          if (value !== null) this.variable(variable.key, value, variable.at);
        }
      }
      if (entry.value.type === "list") {
        for (const item of entry.value.items) {
          const assignment = item.type === "text" ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(item.value) : null;
          if (item.type === "text" && assignment) {
            this.variable(assignment[1]!, assignment[2]!, { line: item.origin.line, column: item.origin.column });
          }
        }
      }
    }
  }

  private variable(key: string, value: string, at: { line: number; column: number }): void {
    recordEnvAssignment(this.into, key, value, { file: this.file, ...at }, `env:${key}`);
  }
}

function textOf(entry: ConfigEntry | undefined): string | null {
  return entry?.value.type === "text" ? entry.value.value : null;
}

/** A compose command as words: a string split as a shell would, or a list, one word an item. */
function wordsOf(entry: ConfigEntry | undefined): Word[] {
  if (entry?.value.type === "text") return shellCommands(entry.value.value, entry.value.origin).flat();
  if (entry?.value.type !== "list") return [];
  return entry.value.items.flatMap((item) =>
    item.type === "text" ? [{ value: item.value, line: item.origin.line, column: item.origin.column }] : [],
  );
}
