import { homedir } from "node:os";
import { join } from "node:path";
import { defaultCacheDir } from "./cache-home.js";
import { isOn } from "./env-flag.js";
import { readCappedFile } from "./read-capped-file.js";
import { UsageError } from "./usage-error.js";

export const DEFAULT_ENDPOINT = "https://huggingface.co";

/** The variables lic reads, named as huggingface_hub names them, so one environment serves both tools. */
export type Environment = Partial<
  Record<
    | "HF_ENDPOINT"
    | "HF_TOKEN"
    | "HUGGING_FACE_HUB_TOKEN"
    | "HF_TOKEN_PATH"
    | "HF_HOME"
    | "HF_HUB_OFFLINE"
    | "XDG_CACHE_HOME"
    | "LIC_CACHE_DIR"
    | "LIC_REDIS_URL"
    | "SOURCE_DATE_EPOCH"
    | "GITHUB_STEP_SUMMARY"
    | "NO_COLOR"
    | "FORCE_COLOR"
    | "CI"
    | "TERM",
    string
  >
>;

export interface ConnectionFlags {
  endpoint?: string | undefined;
  token?: string | undefined;
  offline?: boolean | undefined;
  cacheDir?: string | undefined;
}

export interface ConnectionSettings {
  endpoint: string;
  token: string | undefined;
  offline: boolean;
  cacheDir: string;
}

/** A token lic may send, and where it came from: messages name the source, never the value. */
export interface TokenCandidate {
  source: string;
  /** Trimmed; undefined when unset or blank. */
  value: string | undefined;
}

/**
 * Flags win over the environment, as they do for huggingface_hub (constants.py, utils/_auth.py):
 * - endpoint: --endpoint, else HF_ENDPOINT, else https://huggingface.co; trailing slashes dropped;
 * - token: --token, else HF_TOKEN, else HUGGING_FACE_HUB_TOKEN, else the file `huggingface-cli login` writes
 *   (HF_TOKEN_PATH, else $HF_HOME/token, else $XDG_CACHE_HOME/huggingface/token, else ~/.cache/huggingface/token);
 *   blank values count as unset; a token that cannot travel in an HTTP header is refused before any request;
 * - offline: --offline, or HF_HUB_OFFLINE set to 1/ON/YES/TRUE;
 * - cache: --cache-dir, else LIC_CACHE_DIR, else $XDG_CACHE_HOME/lic, else ~/.cache/lic.
 */
export function resolveConnection(
  flags: ConnectionFlags,
  env: Environment,
  readTokenFile: (path: string) => string | null,
): ConnectionSettings {
  const chosen = tokenCandidates(flags, env, readTokenFile).find((candidate) => candidate.value !== undefined);
  if (chosen?.value !== undefined) checkTokenCharacters(chosen.value, chosen.source);
  return {
    endpoint: parseEndpoint(
      flags.endpoint ?? (env.HF_ENDPOINT || DEFAULT_ENDPOINT),
      flags.endpoint !== undefined ? "--endpoint" : "HF_ENDPOINT",
    ),
    token: chosen?.value,
    offline: Boolean(flags.offline) || isOn(env.HF_HUB_OFFLINE),
    cacheDir: flags.cacheDir || defaultCacheDir(env),
  };
}

/** Every token lic would look at, in the order it looks: the first that is set is the one it sends. */
export function tokenCandidates(
  flags: { token?: string | undefined },
  env: Environment,
  readTokenFile: (path: string) => string | null,
): TokenCandidate[] {
  const path = tokenFilePath(env);
  return [
    { source: "--token", value: clean(flags.token) },
    { source: "HF_TOKEN", value: clean(env.HF_TOKEN) },
    { source: "HUGGING_FACE_HUB_TOKEN", value: clean(env.HUGGING_FACE_HUB_TOKEN) },
    { source: `the token file at ${path}`, value: clean(readTokenFile(path)) },
  ];
}

/** Where `huggingface-cli login` keeps the token. */
function tokenFilePath(env: Environment): string {
  const cacheHome = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return env.HF_TOKEN_PATH || join(env.HF_HOME || join(cacheHome, "huggingface"), "token");
}

/**
 * A token travels as `Authorization: Bearer TOKEN`, so it must be a valid field value (RFC 9110 §5.5: visible ASCII,
 * space, tab and obs-text 0x80–0xFF). Anything else (a line break from a copied file, `€`) fails inside the HTTP
 * client, where it looked like a network failure. The message says which character and where, never the token.
 */
function checkTokenCharacters(token: string, source: string): void {
  const bad = /[^\t\x20-\x7e\x80-\xff]/.exec(token);
  if (!bad) return;
  const char = bad[0];
  const what =
    char === "\n" || char === "\r"
      ? "a line break"
      : char.codePointAt(0)! < 0x100
        ? "a control character"
        : "a character beyond Latin-1";
  throw new UsageError(
    `${source} contains a character not allowed in an HTTP header (${what}, at character ${bad.index + 1}); give the token exactly as issued`,
  );
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * An http(s) base URL, optionally with a path prefix; no credentials, query or fragment. Messages never repeat the
 * credentials, query or fragment: that is where a token pasted into the URL would be.
 */
export function parseEndpoint(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(
      `${source} "${printable(value)}" is not a URL; give the Hub's base URL, e.g. https://huggingface.co`,
    );
  }
  const base = `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, "");
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`${source} "${printable(base)}" must be an http or https URL`);
  }
  if (url.username || url.password) {
    throw new UsageError(`${source} must not carry credentials; pass the token with --token or HF_TOKEN`);
  }
  if (url.search || url.hash)
    throw new UsageError(
      `${source} must not have a query or fragment; give the Hub's base URL, e.g. ${printable(base)}`,
    );
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** Control characters as escapes, so a message cannot rewrite the terminal; long values cut. */
function printable(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}

/** Far above any token (the Hub's are 37 characters); a token file larger than this is not one. */
const MAX_TOKEN_FILE_BYTES = 64 * 1024;

/**
 * The token file's text, or null when it cannot be read as one: missing ("not logged in"), unreadable, not a
 * regular file (HF_TOKEN_PATH=/dev/zero or a FIFO must not hang lic), or over 64 KiB.
 */
export function readTokenFile(path: string): string | null {
  const read = readCappedFile(path, MAX_TOKEN_FILE_BYTES);
  return read.ok ? read.text : null;
}
