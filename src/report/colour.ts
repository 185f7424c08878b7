/**
 * When lic colours its output, decided in one place for every format that colours (text, summary):
 * - never with NO_COLOR set to anything but "" (https://no-color.org), whatever else says;
 * - FORCE_COLOR set to anything but "", "0" or "false" colours even off a terminal (https://force-color.org), so CI
 *   logs that render ANSI can have it; "0" and "false" turn colour off, as Node and supports-color read them;
 * - otherwise only on a terminal.
 * Reports written to a file are never coloured: the caller passes `isTTY: false` for them.
 */
export function shouldColour(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env["NO_COLOR"]) return false;
  const force = env["FORCE_COLOR"];
  if (force) return force !== "0" && force !== "false";
  return isTTY;
}

/** The SGR colour of each label and severity the human formats colour. */
const COLOURS: Record<string, string> = {
  ALLOW: "32",
  WARN: "33",
  BLOCK: "31",
  "NOT CHECKED": "35",
  error: "31",
  warning: "33",
  info: "36",
};

/** `label` in its colour; a label without one is returned as it is. */
export function paint(label: string): string {
  const colour = COLOURS[label];
  return colour === undefined ? label : `\x1b[${colour}m${label}\x1b[0m`;
}
