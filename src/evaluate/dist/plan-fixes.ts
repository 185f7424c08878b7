import type { DistRead } from "../../types/dist-read.js";
import type { DistParent, DistReport, FixSkipped } from "../../types/dist-report.js";
import type { DistContext } from "./dist-context.js";
import { suggestedLicenseKeys } from "./duties/card-license.js";
import { inferredRelation } from "./duties/card-lineage.js";

/** A file `--fix` would write: its text before (null: it does not exist) and after. */
export interface FilePlan {
  path: string;
  before: string | null;
  after: string;
  /** True when the plan replaces what the file says (not only adds to it): then only with --force. */
  replaces: boolean;
}

/** The texts lic ships of licenses it can write a copy of (SPDX's, as the matcher's data has them), by license id. */
export type LicenseTextSource = (license: string) => { spdx: string; text: string } | null;

const RELATION_WORDS: Record<string, string> = {
  adapter: "is an adapter trained on",
  quantized: "is a quantized version of",
  merge: "is a merge of",
  finetune: "is fine-tuned from",
};

/**
 * What `--fix` writes for the missing duties it can meet safely: the license copy (from lic's reference text), the
 * NOTICE line, the card's front-matter keys, the attribution phrase and a modification notice in the card. An
 * existing file only gains lines, except a license copy replacing an edited one, which needs --force. Pure.
 */
export function planFixes(
  report: DistReport,
  read: DistRead,
  context: Pick<DistContext, "result" | "catalog" | "parents">,
  licenseText: LicenseTextSource,
): { plans: FilePlan[]; skipped: FixSkipped[] } {
  const files = new Map<string, FilePlan>();
  const skipped: FixSkipped[] = [];
  const textOf = (path: string): string | null => {
    const planned = files.get(path);
    if (planned) return planned.after;
    if (!read.snapshot.files.includes(path)) return null;
    return read.snapshot.texts.find((file) => file.path === path)?.text ?? null;
  };
  const write = (path: string, after: string, replaces = false) => {
    const previous = files.get(path);
    files.set(path, {
      path,
      before: previous ? previous.before : textOf(path),
      after,
      replaces: replaces || (previous?.replaces ?? false),
    });
  };
  const frontMatter: [string, string | string[]][] = [];
  const readmeLines: string[] = [];

  for (const duty of report.duties) {
    if (duty.status !== "missing" || !duty.fixable) continue;
    switch (duty.kind) {
      case "license-copy": {
        const source = duty.license ? licenseText(duty.license) : null;
        if (!source) {
          const url = duty.license ? context.catalog.get(duty.license)?.url : undefined;
          skipped.push({
            duty: duty.kind,
            path: null,
            reason: `lic ships no text of ${duty.license}${url ? `: copy it from ${url}` : ""}`,
          });
          break;
        }
        // An edited copy is replaced where it stands; otherwise LICENSE, or beside another license's LICENSE.
        const taken = read.snapshot.files.includes("LICENSE") || files.has("LICENSE");
        const path = duty.file ?? (taken ? `LICENSE-${source.spdx}.txt` : "LICENSE");
        write(path, source.text.endsWith("\n") ? source.text : `${source.text}\n`, textOf(path) !== null);
        break;
      }
      case "notice-file": {
        const existing = read.snapshot.texts.find((file) => file.role === "notice");
        const path = existing?.path ?? "NOTICE";
        const before = textOf(path);
        const line = duty.expected ?? "";
        write(
          path,
          before === null ? `${line}\n` : `${before}${before.endsWith("\n") || before === "" ? "" : "\n"}${line}\n`,
        );
        break;
      }
      case "attribution":
        if (duty.expected) readmeLines.push(duty.expected);
        break;
      case "modification-notice": {
        const parents = context.parents.filter((parent) => parent.depth === 1);
        readmeLines.push(modificationLine(report.name.value, parents));
        break;
      }
      case "card-license":
        if (read.cardError) break;
        for (const [key, value] of Object.entries(suggestedLicenseKeys(context))) frontMatter.push([key, value]);
        break;
      case "card-base-model": {
        const ids = context.parents.filter((parent) => parent.depth === 1).map((parent) => parent.id);
        frontMatter.push(["base_model", ids.length === 1 ? ids[0]! : ids]);
        break;
      }
      case "card-relation":
        frontMatter.push(["base_model_relation", inferredRelation({ read, parents: context.parents })]);
        break;
      default:
        skipped.push({ duty: duty.kind, path: null, reason: "lic does not fix this" });
    }
  }
  // Once a fix is planned for a duty, a second duty of the same words (two licenses, one phrase) adds nothing.
  const uniqueLines = [...new Set(readmeLines)];
  if (frontMatter.length > 0 || uniqueLines.length > 0) {
    const readme = textOf("README.md");
    write("README.md", editReadme(readme, frontMatter, uniqueLines, report.name.value));
  }
  return { plans: [...files.values()].filter((plan) => plan.before !== plan.after), skipped };
}

function modificationLine(name: string, parents: DistParent[]): string {
  const relation = parents[0]?.relation ?? "finetune";
  const named = parents.map((parent) => `[${parent.id}](https://huggingface.co/${parent.id})`).join(" and ");
  return `Modifications: ${name} ${RELATION_WORDS[relation] ?? RELATION_WORDS["finetune"]} ${named}.`;
}

const FRONT_MATTER = /^(\s*---\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/;

/** The README with keys added to its front matter (or a front matter added) and lines appended to its text. */
function editReadme(readme: string | null, keys: [string, string | string[]][], lines: string[], name: string): string {
  const yaml = keys.map(([key, value]) => yamlEntry(key, value)).join("\n");
  let text = readme ?? `# ${name}\n`;
  if (yaml !== "") {
    const match = FRONT_MATTER.exec(text);
    text = match
      ? `${match[1]}${match[2]}${match[2] === "" ? "" : "\n"}${yaml}${match[3]}${text.slice(match[0].length)}`
      : `---\n${yaml}\n---\n${text}`;
  }
  if (lines.length > 0) text = `${text}${text.endsWith("\n") ? "" : "\n"}\n${lines.join("\n\n")}\n`;
  return text;
}

/** JSON strings are YAML scalars, so every value is written quoted and read back as written. */
function yamlEntry(key: string, value: string | string[]): string {
  return Array.isArray(value)
    ? `${key}:\n${value.map((item) => `  - ${JSON.stringify(item)}`).join("\n")}`
    : `${key}: ${JSON.stringify(value)}`;
}
