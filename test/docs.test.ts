import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../src/cli/main.js";
import { FINDING_CODES, findingInfo } from "../src/findings/finding-info.js";

const codes = [...FINDING_CODES];
const readme = readFileSync("README.md", "utf8");

describe("documentation", () => {
  it.each(codes)("docs/findings/%s.md exists and is linked from findingInfo", (code) => {
    const info = findingInfo[code as keyof typeof findingInfo];
    expect(info.docs).toBe(`docs/findings/${code}.md`);
    expect(existsSync(info.docs)).toBe(true);
    expect(readFileSync(info.docs, "utf8")).toMatch(new RegExp(`^# \`${code}\``));
  });

  it.each(codes)("README.md lists the finding code %s", (code) => {
    expect(readme).toContain(`\`${code}\``);
  });

  // Every long flag of every command, read from the CLI itself, so a new flag cannot go undocumented.
  const program = buildProgram({ env: {}, stdout: () => {}, stderr: () => {}, version: "0" }, () => {});
  const commands = (command: Command): Command[] => [command, ...command.commands.flatMap(commands)];
  const flags = [
    ...new Set(
      commands(program).flatMap((command) =>
        command.options.map((option) => option.long!).filter((flag) => flag && flag !== "--version"),
      ),
    ),
  ];
  it.each(flags)("README.md documents %s", (flag) => expect(readme).toContain(`\`${flag}`));

  it("README.md gives the test command .ci/run runs", () => {
    const ci = readFileSync(".ci/run", "utf8");
    for (const command of ["npm ci", "npm test"]) {
      expect(ci).toContain(command);
      expect(readme).toContain(command);
    }
  });
});

describe("docs/catalog.md", () => {
  it("lists every license written up in src/catalog/licenses", async () => {
    const { HAND_WRITTEN } = await import("../src/catalog/catalog.js");
    const catalogDoc = readFileSync("docs/catalog.md", "utf8");
    for (const entry of HAND_WRITTEN) expect(catalogDoc, entry.key).toContain(`| \`${entry.key}\` |`);
  });
});
