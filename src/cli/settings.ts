import { homedir } from "node:os";
import { join } from "node:path";
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
    | "SOURCE_DATE_EPOCH"
    | "GITHUB_STEP_SUMMARY"
    | "NO_COLOR",
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

/**
 * Flags win over the environment, as they do for huggingface_hub (constants.py, utils/_auth.py):
 * - endpoint: --endpoint, else HF_ENDPOINT, else https://huggingface.co; trailing slashes dropped;
 * - token: --token, else HF_TOKEN, else HUGGING_FACE_HUB_TOKEN, else the file `huggingface-cli login` writes
 *   (HF_TOKEN_PATH, else $HF_HOME/token, else $XDG_CACHE_HOME/huggingface/token, else ~/.cache/huggingface/token);
 *   blank values count as unset;
 * - offline: --offline, or HF_HUB_OFFLINE set to 1/ON/YES/TRUE;
 * - cache: --cache-dir, else LIC_CACHE_DIR, else $XDG_CACHE_HOME/lic, else ~/.cache/lic.
 */
export function resolveConnection(
  flags: ConnectionFlags,
  env: Environment,
  readTokenFile: (path: string) => string | null,
): ConnectionSettings {
  const cacheHome = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const hfHome = env.HF_HOME || join(cacheHome, "huggingface");
  const tokenPath = env.HF_TOKEN_PATH || join(hfHome, "token");
  const token =
    clean(flags.token) ?? clean(env.HF_TOKEN) ?? clean(env.HUGGING_FACE_HUB_TOKEN) ?? clean(readTokenFile(tokenPath));
  return {
    endpoint: parseEndpoint(flags.endpoint ?? (env.HF_ENDPOINT || DEFAULT_ENDPOINT), flags.endpoint !== undefined ? "--endpoint" : "HF_ENDPOINT"),
    token,
    offline: Boolean(flags.offline) || /^(1|on|yes|true)$/i.test(env.HF_HUB_OFFLINE?.trim() ?? ""),
    cacheDir: flags.cacheDir || env.LIC_CACHE_DIR || join(cacheHome, "lic"),
  };
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** An http(s) base URL, optionally with a path prefix; no credentials, query or fragment. */
export function parseEndpoint(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(`${source} "${value}" is not a URL; give the Hub's base URL, e.g. https://huggingface.co`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`${source} "${value}" must be an http or https URL`);
  }
  if (url.username || url.password) {
    throw new UsageError(`${source} must not carry credentials; pass the token with --token or HF_TOKEN`);
  }
  if (url.search || url.hash) throw new UsageError(`${source} "${value}" must not have a query or fragment`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
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
