import { recordEnvAssignment } from "./dotenv.js";
import type { Extracted } from "./extracted.js";
import { hubIdOf } from "./hub-id.js";
import { append, emptyExtracted, meaningOf, record, withoutRepeats } from "./reference.js";
import { extractCommand, extractImageArgs, extractShell } from "./shell.js";
import { type Origin, shellCommands, type Word } from "./shell-words.js";

/** One instruction: its keyword, and its arguments as written (continuation lines included) with where they start. */
interface Instruction {
  keyword: string;
  args: string;
  origin: Origin;
  at: { line: number; column: number };
}

/**
 * A Dockerfile, or an Ollama Modelfile (the same instruction syntax): RUN, CMD and ENTRYPOINT commands, ENV and ARG
 * variables that name a repo, and a Modelfile's `FROM hf.co/org/name`.
 */
export function extractDockerfile(text: string, file: string): Extracted {
  const extracted = emptyExtracted();
  const stage = new Stage(extracted, file);
  for (const instruction of instructionsOf(text)) stage.read(instruction);
  return withoutRepeats(extracted);
}

/**
 * What one build stage knows while it is read: the entrypoint a CMD's exec-form arguments go to, which is the
 * stage's ENTRYPOINT or else its base image's (`FROM ghcr.io/huggingface/text-generation-inference` + `CMD ["--model-id", …]`).
 */
class Stage {
  private image: string | null = null;
  private entrypoint: Word[] = [];

  constructor(
    private readonly into: Extracted,
    private readonly file: string,
  ) {}

  read(instruction: Instruction): void {
    const { keyword, args, origin } = instruction;
    if (keyword === "FROM") this.from(instruction);
    else if (keyword === "ENV" || keyword === "ARG") this.variables(instruction);
    else if (keyword === "RUN" || keyword === "CMD" || keyword === "ENTRYPOINT") {
      const exec = execFormOf(args, origin);
      if (exec === null) append(this.into, extractShell(args, this.file, origin));
      else if (keyword === "ENTRYPOINT") this.setEntrypoint(exec);
      else if (keyword === "CMD") this.cmd(exec);
      else extractCommand(this.into, exec, this.file);
    }
  }

  private from(instruction: Instruction): void {
    const [image] = shellCommands(instruction.args, instruction.origin)
      .flat()
      .filter((word) => !word.value.startsWith("--"));
    this.image = image?.value ?? null;
    this.entrypoint = [];
    // Ollama pulls `FROM hf.co/org/name:Q4_K_M` from the Hub; a Docker base image (`python:3.11`, `nvidia/cuda`) is not.
    if (image && /^(?:hf\.co|huggingface\.co)\//i.test(image.value)) {
      const found = {
        at: { file: this.file, ...instruction.at },
        via: "ollama Modelfile FROM",
        kind: "model" as const,
      };
      record(
        this.into,
        meaningOf(image.value, (text) => hubIdOf(text, "value")),
        found,
      );
    }
  }

  private setEntrypoint(exec: Word[]): void {
    this.entrypoint = exec;
    extractCommand(this.into, exec, this.file);
  }

  private cmd(exec: Word[]): void {
    if (this.entrypoint.length > 0) extractCommand(this.into, [...this.entrypoint, ...exec], this.file);
    else if (this.image !== null) extractImageArgs(this.into, this.image, exec, this.file);
    else extractCommand(this.into, exec, this.file);
  }

  /** `ENV KEY=value KEY2="v"`, the legacy `ENV KEY value`, and `ARG KEY=default`; an `ARG KEY` without one is skipped. */
  private variables({ keyword, args, origin }: Instruction): void {
    const words = shellCommands(args, origin).flat();
    const [first] = words;
    if (first === undefined) return;
    const pairs = first.value.includes("=")
      ? words.filter((word) => word.value.includes("=")).map((word) => split(word, word.value.indexOf("=")))
      : [
          {
            word: first,
            key: first.value,
            value: words
              .slice(1)
              .map((word) => word.value)
              .join(" "),
          },
        ];
    for (const { word, key, value } of pairs) {
      const at = { file: this.file, line: word.line, column: word.column };
      recordEnvAssignment(this.into, key, value, at, `dockerfile:${keyword} ${key}`);
    }
  }
}

function split(word: Word, equals: number): { word: Word; key: string; value: string } {
  return { word, key: word.value.slice(0, equals), value: word.value.slice(equals + 1) };
}

/** The instructions in order; comment lines and blank lines are skipped, also between continuation lines. */
function instructionsOf(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const instructions: Instruction[] = [];
  for (let index = 0; index < lines.length; index++) {
    const match = /^(\s*)([A-Za-z]+)(\s+)(.*)$/.exec(lines[index]!);
    if (!match || lines[index]!.trimStart().startsWith("#")) continue;
    const [, lead, keyword, space, first] = match as unknown as [string, string, string, string, string];
    const line = index + 1;
    const body = [first];
    while (/\\\s*$/.test(body.at(-1)!) && index + 1 < lines.length) {
      index++;
      // Docker drops comment lines inside a continued instruction; an empty line keeps the line numbers right.
      body.push(lines[index]!.trimStart().startsWith("#") ? "\\" : lines[index]!);
    }
    const column = lead.length + keyword.length + space.length + 1;
    instructions.push({
      keyword: keyword.toUpperCase(),
      args: body.join("\n"),
      origin: { line, column, indent: 0 },
      at: { line, column: lead.length + 1 },
    });
  }
  return instructions;
}

/** The exec form `["vllm", "serve", "org/name"]` as words, each placed at its opening quote; null for shell form. */
function execFormOf(args: string, origin: Origin): Word[] | null {
  const flat = args.replace(/\\\s*\n/g, " ").trim();
  if (!flat.startsWith("[")) return null;
  try {
    const parsed: unknown = JSON.parse(flat);
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "string")) return null;
  } catch {
    return null; // Docker runs a malformed exec form as a shell command.
  }
  return [...args.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((match) => {
    const before = args.slice(0, match.index);
    const lineOffset = before.split("\n").length - 1;
    const column = match.index - before.lastIndexOf("\n");
    return {
      value: JSON.parse(match[0]) as string,
      line: origin.line + lineOffset,
      column: lineOffset === 0 ? origin.column + match.index : origin.indent + column,
    };
  });
}
