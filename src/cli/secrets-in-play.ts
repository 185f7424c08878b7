import { createRedactor, type Redactor } from "../util/redact.js";
import type { CliIo } from "./cli-io.js";
import { type Environment, readTokenFile, tokenCandidates } from "./settings.js";

/**
 * Every token lic may hold in this run, known before the command line is parsed: each `--token` value as written,
 * HF_TOKEN, HUGGING_FACE_HUB_TOKEN and the token file. All of them, not only the one that wins: an error can come
 * from any setting, before lic knows which one it will send.
 */
export function secretsInPlay(argv: string[], env: Environment): string[] {
  const fromFlags = argv.flatMap((arg, index) =>
    arg === "--token" ? [argv[index + 1] ?? ""] : arg.startsWith("--token=") ? [arg.slice("--token=".length)] : [],
  );
  const candidates = tokenCandidates({}, env, readTokenFile).map((candidate) => candidate.value ?? "");
  return [...fromFlags, ...fromFlags.map((token) => token.trim()), ...candidates].filter((secret) => secret.length > 0);
}

/** An io whose every sink redacts, with the redactor commands use for the files they write. */
export type GuardedIo = CliIo & { redact: Redactor };

/** The same sinks with every byte passing `redact`, which commands also get for the files they write. */
export function redactingIo(io: CliIo, redact: Redactor): GuardedIo {
  const { appendFile } = io;
  return {
    ...io,
    redact,
    stdout: (text) => io.stdout(redact(text)),
    stderr: (text) => io.stderr(redact(text)),
    ...(appendFile ? { appendFile: (path: string, text: string) => appendFile(path, redact(text)) } : {}),
  };
}

/**
 * `io` as main() hands it (guarded already, knowing every token candidate), or, for a caller that skipped main(), the
 * same guard over `secrets`: each byte is redacted once, at its sink.
 */
export function guardIo(io: CliIo, secrets: (string | undefined)[]): GuardedIo {
  return io.redact ? { ...io, redact: io.redact } : redactingIo(io, createRedactor(secrets));
}
