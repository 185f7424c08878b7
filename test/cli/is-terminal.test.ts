import { spawnSync } from "node:child_process";
import { openSync } from "node:fs";
import { isatty } from "node:tty";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isTerminal } from "../../src/cli/is-terminal.js";

const MODULE = fileURLToPath(new URL("../../dist/cli/is-terminal.js", import.meta.url));

describe("isTerminal", () => {
  it("answers as tty.isatty does, for this process's stdio, a file and the null device", () => {
    const fds = [0, 1, 2, openSync("/dev/null", "r"), openSync(fileURLToPath(import.meta.url), "r")];
    for (const fd of fds) expect(isTerminal(fd)).toBe(isatty(fd));
    expect(isTerminal(999)).toBe(false);
  });

  it("answers a pipe, a file and /dev/null without loading node:tty (and net with it)", () => {
    const script = `import { isTerminal } from ${JSON.stringify(MODULE)};
      const answers = [0, 1, 2].map(isTerminal);
      const loaded = process.moduleLoadList.filter((name) => /^NativeModule (tty|net)$/.test(name));
      process.stderr.write(JSON.stringify({ answers, loaded }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      stdio: [openSync("/dev/null", "r"), "pipe", "pipe"],
      encoding: "utf8",
    });
    // stderr is a pipe too, but the child's own process.stderr.write comes after the answers were taken.
    expect(JSON.parse(run.stderr)).toEqual({ answers: [false, false, false], loaded: [] });
  });
});
