import type { Redactor } from "../util/redact.js";
import type { Environment } from "./settings.js";

/** What every command reads and writes through: the environment, the streams, the clock's source. */
/**
 * Today's date for waiver expiry: from SOURCE_DATE_EPOCH when set (reproducible runs), else the clock.
 * https://reproducible-builds.org/specs/source-date-epoch/
 */
export function todayFrom(env: Environment): string {
  return nowFrom(env).toISOString().slice(0, 10);
}

export function nowFrom(env: Environment): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export interface CliIo {
  env: Environment;
  stdout: (text: string) => void;
  /** Every line for stderr goes through here; it scrubs the token in case anything ever echoes it. */
  stderr: (text: string) => void;
  version: string;
  /** Whether stdout is a terminal: text output is coloured only there, and not with NO_COLOR. */
  isTTY?: boolean;
  /** stdout's width in columns, when it is a terminal: help is wrapped to it (help-width.ts). */
  columns?: number | undefined;
  /** Whether stderr is a terminal: only then does a run show its progress line there. */
  isErrTTY?: boolean;
  /** stderr's width in columns, when it is a terminal: the progress line is cut to it. */
  errColumns?: number | undefined;
  /** Appends to a file ($GITHUB_STEP_SUMMARY). */
  appendFile?: (path: string, text: string) => void;
  /** Asks the user a question on the terminal; absent when stdin is not a terminal (then nothing is asked). */
  prompt?: (question: string) => Promise<string>;
  /** The folder lic runs in, where the project's lic.yaml is looked for (the process's, unless a test says). */
  cwd?: string;
  /** Set by main(): the redactor that knows every token in play; what a command writes to a file passes it. */
  redact?: Redactor;
}
