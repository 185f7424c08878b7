/**
 * The command whose help `args` ask for, as its words joined by spaces ("" for lic itself, "policy show"), when they
 * ask for nothing but help: `lic --help`, `lic -h`, `lic help`, `lic check --help`, `lic help check`. Null for
 * anything else (an option, a model, a misspelt flag), which the full CLI answers; so is `lic help policy show`,
 * which commander answers with `policy`'s help, not `policy show`'s.
 */
export function helpTopic(args: readonly string[]): string | null {
  const last = args.at(-1);
  const words =
    last === "--help" || last === "-h"
      ? args.slice(0, -1)
      : args[0] === "help" && args.length <= 2
        ? args.slice(1)
        : undefined;
  if (words === undefined || !words.every((word) => /^[a-z][a-z-]*$/.test(word))) return null;
  return words.join(" ");
}
