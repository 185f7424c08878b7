import type { HubWait } from "../acquire/hub/hub-fetch.js";
import type { RunProgress } from "../run/check-refs.js";
import type { CliIo } from "./cli-io.js";

/**
 * What a checking command (`lic check`, `lic lock`) writes to stderr while it runs, sorted by who needs it:
 * - `problem`: a model that could not be decided, and anything else that explains the exit code; always written;
 * - `notice`: news that decides nothing (scan notes, cache notices, policy warnings, "wrote lic.lock"); not with --quiet;
 * - the progress line, on a terminal only: erased by `finish`, before the report goes to stdout.
 * Lines written while the progress line shows erase it first and redraw it after, so they never share a line.
 */
export interface RunFeedback {
  problem(text: string): void;
  notice(text: string): void;
  onProgress(event: RunProgress): void;
  onWait(wait: HubWait): void;
  /** Erases the progress line for good: the run's checking is over. */
  finish(): void;
}

/**
 * The progress line is for a person watching a terminal: not when stderr is a pipe or a file, not with --quiet, not
 * where TERM=dumb cannot erase a line, and not under CI, whose log viewers keep every `\r` redraw as a line of
 * their own even when the runner gives stderr a pseudo-terminal (CI=false or CI=0 is not CI).
 */
export function showsProgress(
  env: Readonly<Record<string, string | undefined>>,
  isErrTTY: boolean,
  quiet: boolean,
): boolean {
  if (quiet || !isErrTTY) return false;
  const { CI: ci, TERM: term } = env;
  const underCi = ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
  return !underCi && term !== "dumb";
}

export function runFeedback(io: CliIo, quiet: boolean): RunFeedback {
  const line = showsProgress(io.env, io.isErrTTY === true, quiet) ? new ProgressLine(io) : null;
  const problem = (text: string) => (line ? line.interrupt(text) : io.stderr(text));
  return {
    problem,
    notice: quiet ? () => {} : problem,
    onProgress: (event) => line?.update(event),
    onWait: (wait) => line?.wait(wait),
    finish: () => line?.finish(),
  };
}

/** Moves to the start of the line and clears it (ECMA-48 CR and EL 2). */
const ERASE_LINE = "\r\x1b[2K";
/** Past the whole second where the count of seconds left changes: a timer may fire a millisecond early. */
const TICK_MARGIN_MS = 5;

/** One line on stderr, redrawn in place: models done of total, and what the run is reading or waiting for. */
class ProgressLine {
  private total: number | null = null;
  private done = 0;
  /** The models being read, oldest first; the line names the oldest. */
  private readonly reading: string[] = [];
  private waitUntil = 0;
  private waitReason = "";
  private ticker: ReturnType<typeof setTimeout> | null = null;
  private shown = "";
  private finished = false;

  constructor(private readonly io: CliIo) {}

  update(event: RunProgress): void {
    if (event.event === "planned") this.total = (this.total ?? 0) + event.total;
    else if (event.event === "started") this.reading.push(event.ref.id);
    else {
      this.done++;
      const at = this.reading.indexOf(event.ref.id);
      if (at >= 0) this.reading.splice(at, 1);
    }
    this.draw();
  }

  /** Several models may wait at once: the line counts down the longest wait. */
  wait({ ms, reason }: HubWait): void {
    const until = Date.now() + ms;
    if (until > this.waitUntil) {
      this.waitUntil = until;
      this.waitReason = reason;
    }
    this.draw();
    this.stopTicking();
    this.scheduleTick();
  }

  interrupt(text: string): void {
    const shown = this.shown;
    this.erase();
    this.io.stderr(text);
    if (shown) this.draw();
  }

  finish(): void {
    this.finished = true;
    this.stopTicking();
    this.erase();
  }

  /**
   * The seconds count down while nothing else happens, redrawn as each whole second passes, the last time when the
   * wait is over. Unref'd: it never keeps the process alive.
   */
  private scheduleTick(): void {
    const left = this.waitUntil - Date.now();
    if (left <= 0 || this.finished) return;
    const delay = (left % 1000 || 1000) + TICK_MARGIN_MS;
    this.ticker = setTimeout(() => {
      this.ticker = null;
      this.draw();
      this.scheduleTick();
    }, delay).unref();
  }

  private stopTicking(): void {
    if (this.ticker) clearTimeout(this.ticker);
    this.ticker = null;
  }

  private draw(): void {
    if (this.finished || this.total === null) return;
    const text = fitted(this.text(), this.io.errColumns);
    if (text === this.shown) return;
    this.io.stderr(`${ERASE_LINE}${text}`);
    this.shown = text;
  }

  private erase(): void {
    if (!this.shown) return;
    this.io.stderr(ERASE_LINE);
    this.shown = "";
  }

  private text(): string {
    const parts = [`lic: ${this.done}/${this.total} checked`];
    const waitLeft = this.waitUntil - Date.now();
    if (waitLeft > 0) parts.push(`waiting ${Math.ceil(waitLeft / 1000)} s for the Hub (${this.waitReason})`);
    else if (this.reading.length > 0) {
      const more = this.reading.length - 1;
      parts.push(`reading ${this.reading[0]}${more > 0 ? ` and ${more} more` : ""}…`);
    }
    return parts.join(" · ");
  }
}

/**
 * The line as the terminal can take it: control characters dropped (an id read from code must not move the cursor),
 * and cut to the width, since a line that wraps cannot be erased with one `\r`.
 */
function fitted(text: string, columns: number | undefined): string {
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
  // A pseudo-terminal with no size (script, some CI runners) says 0 columns: take the usual 80 then.
  const width = (columns !== undefined && columns > 0 ? columns : 80) - 1;
  return printable.length > width ? `${printable.slice(0, Math.max(0, width - 1))}…` : printable;
}
