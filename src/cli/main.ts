#!/usr/bin/env node
import { appendFileSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { OFFLOADS } from "../gate/offload-mode.js";
import { CYCLONEDX_VERSIONS, type CycloneDxVersion } from "../report/renderer.js";
import { REPORT_FORMATS, type ReportFormat } from "../report/report-formats.js";
import { createRedactor } from "../util/redact.js";
import type { CliIo } from "./cli-io.js";
import type { AuditFlags } from "./commands/audit.js";
import type { BomFlags } from "./commands/bom.js";
import type { CheckFlags } from "./commands/check.js";
import { SHELLS, type Shell } from "./commands/completion.js";
import type { DistFlags } from "./commands/dist.js";
import type { GateFlags } from "./commands/gate.js";
import type { InitFlags } from "./commands/init.js";
import type { LicensesFlags } from "./commands/licenses.js";
import type { LockFlags } from "./commands/lock.js";
import type { ScanFlags } from "./commands/scan.js";
import { ExitCode } from "./exit-code.js";
import { fdWriter } from "./fd-writer.js";
import { helpWidth } from "./help-width.js";
import { isTerminal } from "./is-terminal.js";
import { redactingIo, secretsInPlay } from "./secrets-in-play.js";
import { UsageError } from "./usage-error.js";

const load = createRequire(import.meta.url);
// Read, not required: require() would look up the package scope's package.json files first.
const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** A repeatable option's values, in the order given. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * What a checking command decides with, how it reports, and how it reaches the Hub and its cache: the same options,
 * worded the same, on every one.
 */
function checkingOptions(command: Command, defaultFormat: ReportFormat = "text"): Command {
  return command
    .option(
      "--policy <name|file>",
      'policy: a built-in name (default, commercial, eu, osi) or a policy file (default: lic.yaml\'s, else "default", which reports say)',
    )
    .option("--no-config", 'do not read the project\'s lic.yaml (.lic.yaml, package.json "lic")')
    .addOption(new Option("--format <format>", "report format").choices(REPORT_FORMATS).default(defaultFormat))
    .addOption(cyclonedxVersionOption())
    .option("--output <file>", "write the report to FILE instead of stdout")
    .option(
      "--report <format=file>",
      "also write a report in FORMAT to FILE; repeatable (e.g. --report sarif=lic.sarif)",
      collect,
    )
    .option("--endpoint <url>", "Hub base URL (env HF_ENDPOINT; default https://huggingface.co)")
    .option(
      "--token <token>",
      "access token, sent to the endpoint only (env HF_TOKEN, HUGGING_FACE_HUB_TOKEN, or the huggingface-cli login file)",
    )
    .option("--offline", "answer from the cache only (env HF_HUB_OFFLINE=1)")
    .option("--cache-dir <dir>", "snapshot cache (env LIC_CACHE_DIR; default ~/.cache/lic)")
    .option("--no-cache", "neither read nor write the snapshot cache")
    .option("--concurrency <n>", "models checked at once, 1 to 64", integerIn(1, 64), 4)
    .option("--timeout <seconds>", "per-request timeout in seconds, 1 to 600", integerIn(1, 600), 30)
    .option(
      "--no-lineage",
      "judge the model on its own: do not read its base_model ancestors, nor the datasets its card names",
    )
    .option("--max-depth <n>", "generations of base_model ancestors to read, 1 to 32", integerIn(1, 32), 8)
    .option("-q, --quiet", "no progress line and no notices on stderr; models that could not be checked still say why");
}

/** Which CycloneDX a `cyclonedx` report (--format or --report) follows. */
function cyclonedxVersionOption(): Option {
  return new Option("--cyclonedx-version <version>", "CycloneDX version of a cyclonedx report")
    .choices(CYCLONEDX_VERSIONS)
    .default("1.6");
}

function integerIn(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    }
    return number;
  };
}

/**
 * The CLI's commands. With `only`, just that one is built (main() passes the command being run): commander parses
 * one command's options, and building all of them took 4 ms of a 100 ms warm check. A name that is no command builds
 * none, and main() builds them all, for help and suggestions.
 */
export function buildProgram(io: CliIo, setExitCode: (code: number) => void, only?: string): Command {
  const wanted = (name: string) => only === undefined || only === name;
  const program = new Command()
    .name("lic")
    .description(
      "License compliance for Hugging Face models: identify, evaluate against a policy, report with evidence.",
    )
    .version(version, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      getOutHelpWidth: () => helpWidth(io.isTTY ? io.columns : undefined),
      getErrHelpWidth: () => helpWidth(io.isErrTTY ? io.errColumns : undefined),
    })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `
Exit codes: 0 nothing blocked, 1 a model was blocked, 2 bad usage, policy or input, 3 could not decide (Hub unreachable, repo missing, upstream failing).`,
    );

  if (wanted("check")) {
    checkingOptions(
      program
        .command("check")
        .description("Check models on the Hub, each pinned to one commit, against a policy.")
        .argument(
          "[model...]",
          "org/name, a legacy name (gpt2), or either with @REVISION (branch, tag or commit sha); dataset:org/name for a dataset",
        )
        .option("--revision <rev>", "revision for models given without @REV (default: main)")
        .addOption(
          new Option(
            "--type <type>",
            "the repo type of ids given without a model: or dataset: prefix (default: model)",
          ).choices(["model", "dataset"]),
        )
        .option("--scan [path]", "check every model the code under PATH loads (default: the current folder)")
        .option("--locked [path]", "the same, compared with PATH/lic.lock: fail on any drift, as npm ci does")
        .option(
          "--exclude <glob>",
          "with --scan or --locked: leave out files matching GLOB (gitignore syntax); repeatable",
          collect,
        )
        .option(
          "--bom <file>",
          "check every Hugging Face model a CycloneDX JSON or SPDX 3.0 JSON-LD BOM lists (by purl, Hub URL or Hub id)",
        ),
    ).action(async (models: string[], flags: CheckFlags) => {
      // Each command loads its own modules: `lic --help` should not pay for the matcher or the Hub client.
      const { runCheck } = await import("./commands/check.js");
      setExitCode(await runCheck(models, flags, io));
    });
  }

  if (wanted("dist")) {
    checkingOptions(
      program
        .command("dist")
        .description(
          "Before you publish a derivative: the duties its parents' licenses put on distributing it, each with its clause, and whether the folder (or Hub repo) meets them.",
        )
        .argument("<target>", "a model folder (PATH), or a Hub repo org/name[@REVISION] before its release")
        .option("--name <name>", "the name it is published under (default: the folder's or repo's name)")
        .option(
          "--fix",
          "write what is missing and can be written safely (license copy, NOTICE, card keys, attribution)",
        )
        .option("--force", "with --fix: replace files a fix changes (an edited license copy)")
        .option("--dry-run", "print the diff of what --fix would write; write nothing"),
    ).action(async (target: string, flags: DistFlags) =>
      setExitCode(await (await import("./commands/dist.js")).runDist(target, flags, io)),
    );
  }

  if (wanted("scan")) {
    program
      .command("scan")
      .description(
        "List the Hub repos the code under each PATH loads: models and datasets, with file, line and revision.",
      )
      .argument("[path...]", "folders to scan (default: the current folder)")
      .option("--exclude <glob>", "leave out files matching GLOB (gitignore syntax); repeatable", collect)
      .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
      .option("--output <file>", "write the list to FILE instead of stdout")
      .action(async (paths: string[], flags: ScanFlags) =>
        setExitCode(await (await import("./commands/scan.js")).runScan(paths, flags, io)),
      );
  }

  if (wanted("lock")) {
    checkingOptions(
      program
        .command("lock")
        .description("Scan, check every model the code loads, and write PATH/lic.lock, to review and commit.")
        .argument("[path]", "the project's folder (default: the current folder)")
        .option("--update", "re-resolve branches to their commits now (without it, locked entries keep their commit)")
        .option("--exclude <glob>", "leave out files matching GLOB (gitignore syntax); repeatable", collect),
    ).action(async (path: string | undefined, flags: LockFlags) =>
      setExitCode(await (await import("./commands/lock.js")).runLock(path, flags, io)),
    );
  }

  if (wanted("bom")) {
    checkingOptions(
      program
        .command("bom")
        .description(
          "Write the ML-BOM of the models a lic.lock approves, each at its locked commit (from the cache when it has it).",
        )
        .argument("[lock]", "the lock file (default: lic.lock)"),
      "cyclonedx",
    ).action(async (lock: string | undefined, flags: BomFlags) =>
      setExitCode(await (await import("./commands/bom.js")).runBom(lock, flags, io)),
    );
  }

  if (wanted("init")) {
    program
      .command("init")
      .description("Write lic.yaml here: the policy and what lic checks, said once for the project.")
      .option("--policy <name|file>", "the policy to write (on a terminal lic asks; elsewhere: default)")
      .option("--force", "replace an existing lic.yaml")
      .action(async (flags: InitFlags) => setExitCode(await (await import("./commands/init.js")).runInit(flags, io)));
  }

  if (wanted("completion")) {
    program
      .command("completion")
      .description("Print a shell completion script: lic completion bash|zsh|fish.")
      .addArgument(new Argument("<shell>", "the shell").choices(SHELLS))
      .action(async (shell: Shell) =>
        // The script completes every command, whichever one main() built.
        setExitCode((await import("./commands/completion.js")).runCompletion(shell, buildProgram(io, setExitCode), io)),
      );
  }

  if (wanted("licenses")) {
    const licenses = program
      .command("licenses")
      .description("What lic knows of licenses: the catalog, with each fact's source.");
    licenses
      .command("list")
      .description("List the model licenses and the Hub's license ids (--all: every SPDX license too).")
      .option("--all", "include every license on the SPDX list")
      .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
      .action(async (flags: LicensesFlags) =>
        setExitCode((await import("./commands/licenses.js")).runLicensesList(flags, io)),
      );
    licenses
      .command("show")
      .description("Show one license: its terms, obligations and restrictions, each with its source.")
      .argument("<id>", "catalog key, Hub license id, license_name or SPDX id")
      .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
      .action(async (id: string, flags: LicensesFlags) =>
        setExitCode((await import("./commands/licenses.js")).runLicensesShow(id, flags, io)),
      );
  }

  if (wanted("report")) {
    program
      .command("report")
      .description("Re-render a result saved with --format json, with no network.")
      .argument("<result>", "a JSON result written by lic check --format json")
      .addOption(new Option("--format <format>", "report format").choices(REPORT_FORMATS).default("text"))
      .addOption(cyclonedxVersionOption())
      .option("--output <file>", "write the report to FILE instead of stdout")
      .action(
        async (file: string, flags: { format: ReportFormat; output?: string; cyclonedxVersion: CycloneDxVersion }) =>
          setExitCode(await (await import("./commands/report.js")).runReport(file, flags, io)),
      );
  }

  if (wanted("diff")) {
    program
      .command("diff")
      .description(
        "What changed between two saved results: models added or removed, revisions, licenses, verdicts. Exit 1 when a verdict got worse.",
      )
      .argument("<old>", "the earlier JSON result")
      .argument("<new>", "the later JSON result")
      .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
      .action(async (before: string, after: string, flags: { format: "text" | "json" }) =>
        setExitCode((await import("./commands/report.js")).runDiff(before, after, flags, io)),
      );
  }

  if (wanted("gate")) {
    const gate = program
      .command("gate")
      .description(
        "Serve the Hub's protocol with a policy decision on every model: clients set HF_ENDPOINT to the gate.",
      )
      .option(
        "--policy <name|file>",
        "policy: a built-in name (default, commercial, eu, osi) or a policy file",
        "default",
      )
      .option(
        "--lock <file>",
        "serve only the models and commits this lic.lock approves (others: 403); re-read with --policy on SIGHUP",
      )
      .option(
        "--upstream <url>",
        "the Hub (or mirror) behind the gate; HF_ENDPOINT is not read, it is what clients set",
        "https://huggingface.co",
      )
      .option("--listen <host:port>", "address to listen on (:PORT for all addresses)", "127.0.0.1:8080")
      .addOption(
        new Option(
          "--mode <mode>",
          "enforce: refuse a blocked model's files (403); annotate: never refuse, only add X-Lic-* headers",
        )
          .choices(["enforce", "annotate"])
          .default("enforce"),
      )
      .option("--audit-log <file>", "append one JSON line per decision to FILE (- for stdout)", "-")
      .addOption(
        new Option(
          "--offload <how>",
          "who copies an allowed file's bytes: none (the gate streams them), nginx (X-Accel-Redirect to the nginx in front, deploy/nginx/lic-gate.conf), redirect (the client follows the upstream's 302 to its storage)",
        )
          .choices([...OFFLOADS])
          .default("none"),
      )
      .option(
        "--public-url <url>",
        "the gate's URL as clients reach it, for rewritten Link and Location URLs (default: http:// and the request's Host)",
      )
      .option(
        "--allowed-host <host[:port]>",
        "also answer requests whose Host is this name (behind a load balancer); repeatable",
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option("--cache-dir <dir>", "snapshot cache (env LIC_CACHE_DIR; default ~/.cache/lic)")
      .option("--no-cache", "keep decisions in memory only; no snapshot cache on disk")
      .option(
        "--no-lineage",
        "judge each model on its own: do not read its base_model ancestors, nor the datasets their cards name",
      )
      .option("--max-depth <n>", "generations of base_model ancestors to read, 1 to 32", integerIn(1, 32), 8)
      .option(
        "--timeout <seconds>",
        "seconds to wait for the upstream's response headers, 1 to 600",
        integerIn(1, 600),
        30,
      )
      .option(
        "--max-upstream-connections <n>",
        "requests to the upstream in flight at once, 1 to 4096; the rest wait",
        integerIn(1, 4096),
        64,
      )
      .option(
        "--max-header-size <bytes>",
        "largest request head accepted (431 beyond), 1024 to 65536",
        integerIn(1024, 65536),
        16384,
      )
      .option(
        "--request-timeout <seconds>",
        "seconds a client has to send its request (408 beyond), 1 to 600",
        integerIn(1, 600),
        30,
      )
      .option(
        "--redis <url>",
        "share decisions, single flight and the Hub's 429 backoff with other replicas through this Redis (env LIC_REDIS_URL)",
      )
      .option(
        "--postgres <url>",
        "keep decisions and the audit log in PostgreSQL, shared by replicas (env LIC_POSTGRES_URL)",
      )
      .option(
        "--audit-buffer <dir>",
        "audit entries PostgreSQL cannot take yet wait here (default: <cache dir>/audit-buffer)",
      )
      .option(
        "--audit-buffer-size <bytes>",
        "largest audit buffer on disk, 1 MiB to 1 TiB; past it entries are lost, and said to be",
        integerIn(1024 * 1024, 2 ** 40),
        256 * 1024 * 1024,
      )
      .action(async (flags: GateFlags) => setExitCode(await (await import("./commands/gate.js")).runGate(flags, io)));
    gate
      .command("migrate")
      .description("Create or upgrade the gate's PostgreSQL schema (the gate also does it when it starts).")
      .option("--postgres <url>", "the database (env LIC_POSTGRES_URL)")
      .action(async (_flags: unknown, command: Command) =>
        setExitCode(await (await import("./commands/gate-migrate.js")).runGateMigrate(command.optsWithGlobals(), io)),
      );
  }

  if (wanted("audit")) {
    program
      .command("audit")
      .description(
        "Read the gate's audit log (PostgreSQL or a JSON Lines file): who downloaded what, and what was refused.",
      )
      .option("--postgres <url>", "the gate's database (env LIC_POSTGRES_URL)")
      .option("--file <file>", "a JSON Lines audit log (the gate's --audit-log)")
      .option("--model <id>", "only this model")
      .addOption(
        new Option("--verdict <verdict>", "only this verdict").choices(["allow", "warn", "block", "undecided"]),
      )
      .addOption(new Option("--action <action>", "only served or refused requests").choices(["served", "refused"]))
      .option("--since <date>", "from this ISO date or time on")
      .option("--until <date>", "before this ISO time; a date counts whole")
      .option("--client <address>", "only this client address")
      .option("--policy <name|digest>", "only under this policy")
      .addOption(new Option("--format <format>", "output format").choices(["text", "json", "csv"]).default("text"))
      .option("--summary", "per model: downloads served, refused, distinct clients")
      .action(async (flags: AuditFlags) =>
        setExitCode(await (await import("./commands/audit.js")).runAudit(flags, io)),
      );
  }

  if (wanted("policy")) {
    const policy = program
      .command("policy")
      .description("Policies: validate a file, show one as it applies, print the JSON Schema for editors.");
    policy
      .command("validate")
      .description("Check a policy file and everything it extends; list every problem with its line (exit 2).")
      .argument("<file>", "policy file (YAML)")
      .action(async (file: string) =>
        setExitCode(await (await import("./commands/policy.js")).runPolicyValidate(file, io)),
      );
    policy
      .command("show")
      .description("Show a policy as it applies, its bases merged in.")
      .argument("<policy>", "built-in policy name (default, commercial, eu, osi) or policy file")
      .addOption(new Option("--format <format>", "output format").choices(["yaml", "json"]).default("yaml"))
      .action(async (name: string, flags: { format: "yaml" | "json" }) =>
        setExitCode(await (await import("./commands/policy.js")).runPolicyShow(name, flags, io)),
      );
    policy
      .command("schema")
      .description("Print the JSON Schema of policy files.")
      .action(async () => setExitCode((await import("./commands/policy.js")).runPolicySchema(io)));
  }

  return program;
}

/**
 * Runs the CLI and returns its exit code; never throws, never prints a stack trace. Every byte it writes (stdout,
 * stderr, the step summary, report files through `io.redact`) passes one redactor, set up before anything is parsed,
 * so a usage error about a setting cannot print a token either.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const guarded = redactingIo(io, createRedactor(secretsInPlay(argv, io.env)));
  let exitCode: number = ExitCode.ok;
  const setExitCode = (code: number) => (exitCode = code);
  const [first] = argv;
  const one = first === undefined || first.startsWith("-") ? null : buildProgram(guarded, setExitCode, first);
  const program = one && one.commands.length > 0 ? one : buildProgram(guarded, setExitCode);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
      guarded.stderr(`lic: ${error.message}\n`);
      return ExitCode.usage;
    }
    guarded.stderr(`lic: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.undecided;
  }
}

/** One question on the terminal (lic init), answered with a line. */
async function askOnTerminal(question: string): Promise<string> {
  // Required, not import()ed: the bin runs the bundle as a script, which has no module loader for import().
  const { createInterface } = load("node:readline/promises") as typeof import("node:readline/promises");
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) runFromProcess();

/** lic as a process: its arguments, its streams and environment, its exit code (the bin, bin.ts, calls it). */
export function runFromProcess(): void {
  const stdoutStream = () =>
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  // The streams themselves only for a terminal's width (or a write fdWriter hands over): see fd-writer.ts.
  const stdoutIsTTY = isTerminal(1);
  const stderrIsTTY = isTerminal(2);
  const io: CliIo = {
    env: process.env,
    stdout: fdWriter(1, stdoutStream),
    stderr: fdWriter(2, () => process.stderr),
    version,
    isTTY: stdoutIsTTY,
    columns: stdoutIsTTY ? process.stdout.columns : undefined,
    cwd: process.cwd(),
    // Not process.stdin.isTTY: that getter opens stdin as a stream, which no command but lic init reads.
    ...(isTerminal(0) ? { prompt: askOnTerminal } : {}),
    isErrTTY: stderrIsTTY,
    errColumns: stderrIsTTY ? process.stderr.columns : undefined,
    appendFile: (path, text) => appendFileSync(path, text),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
