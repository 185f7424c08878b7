import type { RepoKind } from "../../types/code-reference.js";
import { recordEnvAssignment } from "./dotenv.js";
import type { Extracted } from "./extracted.js";
import { hubIdOf } from "./hub-id.js";
import { append, emptyExtracted, meaningOf, record } from "./reference.js";
import { FILE_START, type Origin, shellCommands, type Word } from "./shell-words.js";

/** How one command line names the repo it downloads or serves. */
interface CommandRule {
  via: string;
  /** The words the command starts with; the first is matched by its base name (`/usr/local/bin/hf` is `hf`). */
  starts: readonly (string | RegExp)[];
  /** The id is the first positional argument. */
  positional?: boolean;
  /** Flags whose value is the id (taken when there is no positional id). */
  idFlags?: readonly string[];
  revisionFlags?: readonly string[];
  /** A flag whose value says `dataset` or `model`; another type (a Space) is no reference. */
  repoTypeFlag?: string;
  /** Flags that take a value, so that value is not the positional id. */
  valueFlags?: readonly string[];
  /** Reads the id out of the argument (a quantization suffix, a required `hf.co/`). */
  idOf?: (text: string) => string | null;
}

const valueId = (text: string) => hubIdOf(text, "value");

/** llama.cpp's `-hf org/name:Q4_K_M` names a GGUF file of the repo after the colon. */
const withoutQuantization = (text: string) => valueId(text.replace(/:[^/]*$/, ""));

/** Ollama pulls from the Hub only through `hf.co/…` (or `huggingface.co/…`); `ns/model` is Ollama's own registry. */
const hubHostedOnly = (text: string) =>
  /^(?:https?:\/\/)?(?:hf\.co|huggingface\.co)\//i.test(text) ? valueId(text) : null;

const HUB_DOWNLOAD_FLAGS = [
  "--revision",
  "--repo-type",
  "--local-dir",
  "--cache-dir",
  "--token",
  "--max-workers",
  "--local-dir-use-symlinks",
  "--etag-timeout",
];

const PYTHON = /^python(?:\d(?:\.\d+)?)?$/;

/** Every command that loads a Hub repo by its arguments, with the flags that carry the id and the revision. */
const COMMANDS: readonly CommandRule[] = [
  ...["hf", "huggingface-cli"].map((cli) => ({
    via: `${cli} download`,
    starts: [cli, "download"],
    positional: true,
    revisionFlags: ["--revision"],
    repoTypeFlag: "--repo-type",
    valueFlags: HUB_DOWNLOAD_FLAGS,
  })),
  // `vllm serve` takes the model as its argument; `--model` is the older spelling it still reads.
  {
    via: "vllm serve",
    starts: ["vllm", "serve"],
    positional: true,
    idFlags: ["--model"],
    revisionFlags: ["--revision"],
    valueFlags: ["--model", "--revision", "--tokenizer", "--host", "--port", "--config"],
  },
  {
    via: "vllm api_server",
    starts: [PYTHON, "-m", "vllm.entrypoints.openai.api_server"],
    idFlags: ["--model"],
    revisionFlags: ["--revision"],
  },
  {
    via: "text-generation-launcher",
    starts: ["text-generation-launcher"],
    idFlags: ["--model-id"],
    revisionFlags: ["--revision"],
  },
  ...["llama-cli", "llama-server"].map((cli) => ({
    via: cli,
    starts: [cli],
    idFlags: ["-hf", "-hfr", "--hf-repo"],
    idOf: withoutQuantization,
  })),
  ...["run", "pull"].map((verb) => ({
    via: `ollama ${verb}`,
    starts: ["ollama", verb],
    positional: true,
    idOf: hubHostedOnly,
  })),
];

/** Serving images whose entrypoint is a command above: `docker run IMAGE ARGS…` runs that command with ARGS. */
const IMAGE_ENTRYPOINTS: readonly { image: RegExp; entrypoint: readonly string[] }[] = [
  { image: /(?:^|\/)text-generation-inference(?::|@|$)/, entrypoint: ["text-generation-launcher"] },
  { image: /(?:^|\/)vllm-openai(?::|@|$)/, entrypoint: ["vllm", "serve"] },
  { image: /(?:^|\/)llama\.cpp:(?:full-|light-)?(?:server|cuda|.*server)/, entrypoint: ["llama-server"] },
];

/** `docker run` flags that take a value, so the image is the first word that is neither a flag nor such a value. */
const DOCKER_RUN_VALUE_FLAGS = new Set(
  "-e --env --env-file -v --volume -p --publish -w --workdir -u --user -m --memory --name --gpus --shm-size --network --net --ipc --runtime --entrypoint --mount --platform --device --cpus --label -l --hostname -h --add-host --restart --pull --ulimit --cap-add --cap-drop --security-opt --log-driver --log-opt --health-cmd".split(
    " ",
  ),
);

/**
 * Words that run the command after them (`sudo`, `env X=1`, `exec`), and shell keywords a command can follow on the
 * same line (`then hf download …`): the command is what comes after them and their flags.
 */
const SHELLS = new Set(["sh", "bash", "zsh", "dash"]);

const PREFIXES = new Set(["sudo", "env", "exec", "time", "nohup", "nice", "command", "then", "do", "else", "!", "{"]);

/** A shell script (or any shell text, placed at `origin` in its file): the Hub repos its commands download or serve. */
export function extractShell(text: string, file: string, origin: Origin = FILE_START): Extracted {
  const extracted = emptyExtracted();
  for (const words of shellCommands(text, origin)) extractCommand(extracted, words, file);
  return extracted;
}

/** One command as its words (from a shell line, an exec-form JSON array or a compose list). */
export function extractCommand(into: Extracted, words: readonly Word[], file: string): void {
  if (isAssignmentsOnly(words)) {
    extractAssignments(into, words, file);
    return;
  }
  const argv = withoutPrefixes(words);
  const [first] = argv;
  if (first === undefined) return;
  if ((baseName(first.value) === "docker" || baseName(first.value) === "podman") && argv[1]?.value === "run") {
    const image = imageOf(argv.slice(2));
    if (image) extractImageArgs(into, image.value, argv.slice(argv.indexOf(image) + 1), file, first);
    return;
  }
  // `sh -c "hf download …"` (a Dockerfile's or compose file's way to run a script): its script is shell text.
  if (SHELLS.has(baseName(first.value)) && argv[1]?.value === "-c" && argv[2]) {
    const script = argv[2];
    // The script's word starts at its opening quote (it is nearly always quoted); its text one column after.
    append(into, extractShell(script.value, file, { line: script.line, column: script.column + 1, indent: 0 }));
    return;
  }
  const rule = COMMANDS.find((candidate) => startsWith(argv, candidate.starts));
  if (rule) extractByRule(into, rule, argv, file);
}

/**
 * The arguments a container of `image` is started with (`docker run IMAGE ARGS`, a compose `command:`): run as its
 * entrypoint's command when the image is a known server, else as a command of their own. `at` is where the command
 * starts, which the reference points to.
 */
export function extractImageArgs(into: Extracted, image: string, args: readonly Word[], file: string, at?: Word): void {
  const known = IMAGE_ENTRYPOINTS.find((entry) => entry.image.test(image));
  if (!known) {
    extractCommand(into, args, file);
    return;
  }
  const start = at ?? args[0];
  if (start === undefined) return;
  const entrypoint = known.entrypoint.map((value) => ({ value, line: start.line, column: start.column }));
  extractCommand(into, [...entrypoint, ...args], file);
}

function extractByRule(into: Extracted, rule: CommandRule, argv: readonly Word[], file: string): void {
  const args = argv.slice(rule.starts.length);
  // A positional that is no id (the `4096` of an unknown `--max-model-len 4096`) leaves the id flag to be read.
  const candidates = [
    rule.positional ? positionalOf(args, rule.valueFlags ?? []) : undefined,
    flagValue(args, rule.idFlags),
  ];
  const meaning = candidates.map((word) => word && meaningOf(word.value, rule.idOf)).find((found) => found) ?? null;
  const kind = repoKindOf(flagValue(args, rule.repoTypeFlag ? [rule.repoTypeFlag] : [])?.value);
  if (kind === null) return;
  const at = { file, line: argv[0]!.line, column: argv[0]!.column };
  const revision = flagValue(args, rule.revisionFlags)?.value ?? null;
  record(into, meaning, { at, via: rule.via, kind, revision });
}

/** `--repo-type dataset` / `model` / none; a Space or anything else is null (no model or dataset reference). */
function repoKindOf(type: string | undefined): RepoKind | null {
  if (type === undefined || type === "model") return "model";
  return type === "dataset" ? "dataset" : null;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** `MODEL=org/name` or `export MODEL=org/name` alone: a variable set for the commands after it. */
function isAssignmentsOnly(words: readonly Word[]): boolean {
  const assignments = words[0]?.value === "export" ? words.slice(1) : words;
  return assignments.length > 0 && assignments.every((word) => ASSIGNMENT.test(word.value));
}

/** Each assignment whose name says it holds a repo, read by the .env rule (`via: env:MODEL`). */
function extractAssignments(into: Extracted, words: readonly Word[], file: string): void {
  for (const word of words) {
    const match = ASSIGNMENT.exec(word.value);
    if (match)
      recordEnvAssignment(
        into,
        match[1]!,
        match[2]!,
        { file, line: word.line, column: word.column },
        `env:${match[1]}`,
      );
  }
}

function withoutPrefixes(words: readonly Word[]): readonly Word[] {
  let start = 0;
  const isAssignment = (word: Word) => ASSIGNMENT.test(word.value);
  while (start < words.length) {
    const word = words[start]!;
    if (isAssignment(word)) start++;
    else if (PREFIXES.has(word.value)) {
      start++;
      while (start < words.length && words[start]!.value.startsWith("-")) start++;
    } else break;
  }
  return words.slice(start);
}

function startsWith(argv: readonly Word[], starts: CommandRule["starts"]): boolean {
  return starts.every((expected, index) => {
    const word = argv[index]?.value;
    if (word === undefined) return false;
    const actual = index === 0 ? baseName(word) : word;
    return typeof expected === "string" ? actual === expected : expected.test(actual);
  });
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The first argument that is neither a flag nor the value of one of `valueFlags`. */
function positionalOf(args: readonly Word[], valueFlags: readonly string[]): Word | undefined {
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (!value.startsWith("-")) return args[index];
    if (valueFlags.includes(value)) index++;
  }
  return undefined;
}

/** The value of the first of `flags` given, as `--flag value` or `--flag=value`. */
function flagValue(args: readonly Word[], flags: readonly string[] = []): Word | undefined {
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (flags.includes(word.value)) return args[index + 1];
    const equals = word.value.indexOf("=");
    if (equals > 0 && flags.includes(word.value.slice(0, equals))) {
      return { ...word, value: word.value.slice(equals + 1) };
    }
  }
  return undefined;
}

function imageOf(args: readonly Word[]): Word | undefined {
  return positionalOf(args, [...DOCKER_RUN_VALUE_FLAGS]);
}
