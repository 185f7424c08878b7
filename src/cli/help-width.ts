/**
 * The width help is wrapped to: the terminal's, at most 80 columns; 80 when not a terminal (commander's own default).
 * Capped so that the help text is the same in every terminal at least this wide, which lets the bin answer
 * `lic --help` from the text the build wrote (bin.ts) and be as exact as commander.
 */
export const HELP_WIDTH = 80;

export function helpWidth(columns: number | undefined): number {
  return columns !== undefined && columns > 0 ? Math.min(columns, HELP_WIDTH) : HELP_WIDTH;
}
