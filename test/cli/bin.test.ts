import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.js";
import { helpTopic } from "../../src/cli/help-topic.js";
import { helpWidth } from "../../src/cli/help-width.js";
import { buildProgram, main } from "../../src/cli/main.js";
import { FakeHub } from "../support/fake-hub.js";
import { bertModel } from "../support/hub-models.js";
import { LIC_BIN, type LicRun, runLic } from "../support/run-lic.js";

/**
 * The package's bin (src/cli/bin.ts, built to dist/cli/lic.cjs): what it answers itself (help, from the texts the
 * build wrote) must be what the CLI would have printed, and its code cache must only ever make it faster.
 */

const HELP: Record<string, string> = JSON.parse(
  readFileSync(new URL("../../dist/cli/help.json", import.meta.url), "utf8"),
);
const VERSION: string = JSON.parse(readFileSync("package.json", "utf8")).version;
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), "lic-bin-"));
  folders.push(made);
  return made;
}

/** main() in this process, stdout a terminal `columns` wide or not a terminal at all. */
async function printed(argv: string[], columns?: number): Promise<string> {
  let stdout = "";
  const io: CliIo = {
    env: { NO_COLOR: "1" },
    stdout: (text) => (stdout += text),
    stderr: () => {},
    version: VERSION,
    isTTY: columns !== undefined,
    columns,
  };
  expect(await main(argv, io)).toBe(0);
  return stdout;
}

/** The bin, spawned with a private HOME (and cache under it) unless `env` names another. */
function bin(args: string[], env: Record<string, string>): Promise<LicRun> {
  return runLic(args, env, env["HOME"] ?? folder());
}

/** Every command's words ("" for lic itself), from the program the CLI builds. */
function commandWords(): string[] {
  const words: string[] = [];
  const visit = (command: ReturnType<typeof buildProgram>, path: string[]): void => {
    words.push(path.join(" "));
    for (const sub of command.commands) visit(sub, [...path, sub.name()]);
  };
  visit(
    buildProgram({ env: {}, stdout: () => {}, stderr: () => {}, version: VERSION }, () => {}),
    [],
  );
  return words;
}

describe("the help the build wrote for the bin", () => {
  it("has every command's help, each exactly as the CLI prints it", async () => {
    expect(Object.keys(HELP).sort()).toEqual(commandWords().sort());
    for (const [topic, text] of Object.entries(HELP))
      expect(text, topic || "lic").toBe(await printed([...topic.split(" ").filter(Boolean), "--help"]));
  });

  it("is the help of any terminal at least 80 columns wide; a narrower one gets help wrapped to it", async () => {
    expect(await printed(["check", "--help"], 200)).toBe(HELP["check"]);
    expect(await printed(["check", "--help"], 80)).toBe(HELP["check"]);
    const narrow = await printed(["check", "--help"], 60);
    const wide = (text: string) => text.split("\n").filter((line) => line.length > 60).length;
    expect(wide(narrow)).toBeLessThan(wide(HELP["check"]!));
  });
});

describe("lic's bin", () => {
  it("answers help requests in every form with the CLI's text", async () => {
    const home = folder();
    for (const [args, topic] of [
      [["--help"], ""],
      [["-h"], ""],
      [["help"], ""],
      [["check", "--help"], "check"],
      [["help", "gate"], "gate"],
      [["policy", "show", "-h"], "policy show"],
    ] as const) {
      const run = await bin([...args], { HOME: home });
      expect(run, args.join(" ")).toEqual({ code: 0, stdout: HELP[topic], stderr: "" });
    }
    // A request the build wrote no text for is the CLI's to answer (commander gives lic's help for a misspelt command).
    expect(await bin(["chek", "--help"], { HOME: home })).toEqual({
      code: 0,
      stdout: await printed(["chek", "--help"]),
      stderr: "",
    });
  });

  it("answers quietly when its reader has gone away (EPIPE), as in `lic --help | head -1`", async () => {
    for (const args of [["--help"], ["--version"]]) {
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [LIC_BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.destroy();
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stderr }));
      });
      expect(run, args[0]).toEqual({ code: 0, stderr: "" });
    }
  });

  it("says in a line when its install is damaged: help from the CLI without help.json, exit 3 without the bundle", async () => {
    const install = folder();
    mkdirSync(join(install, "dist", "cli"), { recursive: true });
    copyFileSync("package.json", join(install, "package.json"));
    for (const file of ["lic.cjs", "cli.cjs"])
      copyFileSync(join(dirname(LIC_BIN), file), join(install, "dist", "cli", file));
    const copied = join(install, "dist", "cli", "lic.cjs");
    const env = { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", HOME: folder() };
    const help = spawnSync(process.execPath, [copied, "check", "--help"], { env, encoding: "utf8" });
    expect({ code: help.status, stdout: help.stdout, stderr: help.stderr }).toEqual({
      code: 0,
      stdout: HELP["check"],
      stderr: "",
    });
    rmSync(join(install, "dist", "cli", "cli.cjs"));
    const broken = spawnSync(process.execPath, [copied, "check", "gpt2"], { env, encoding: "utf8" });
    expect(broken.status).toBe(3);
    expect(broken.stderr).toMatch(/^lic: cannot load \S+cli\.cjs \(ENOENT[^\n]*\); reinstall lic\n$/);
  });

  it("writes the snapshot cache from a bundle compiled out of V8's code cache as from one compiled from source", async () => {
    const hub = FakeHub.of([bertModel()]);
    await hub.start();
    try {
      const env = { HOME: folder(), LIC_CACHE_DIR: folder(), HF_ENDPOINT: hub.url };
      const runs: LicRun[] = [];
      for (const cache of [folder(), folder()]) {
        runs.push(await bin(["check", "google-bert/bert-base-uncased", "--cache-dir", cache], env));
        expect(
          readdirSync(cache, { recursive: true }).some((file) => /snapshot-[0-9a-f]{40}\.json$/.test(String(file))),
        ).toBe(true);
      }
      // The second run had the first's code cache: the same answer, and no word of a failed write or a warning.
      expect(runs[1]).toEqual(runs[0]);
      expect(runs[0]!.stderr).toBe("");
      expect(readdirSync(join(env.LIC_CACHE_DIR, "code"))).toHaveLength(1);
    } finally {
      await hub.stop();
    }
  });

  it("keeps V8's compiled code in LIC_CACHE_DIR/code, and runs the same without it, with a damaged one, or unwritable", async () => {
    const cache = folder();
    const env = { HOME: folder(), LIC_CACHE_DIR: cache };
    const args = ["licenses", "show", "llama2"];
    const first = await bin(args, env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Llama 2 Community License Agreement");
    const [kept, ...more] = readdirSync(join(cache, "code"));
    expect(more).toEqual([]);
    expect(kept).toMatch(new RegExp(`^[0-9a-f]{16}-node${process.version}-${process.arch}\\.v8$`));
    const file = join(cache, "code", kept!);
    expect(statSync(file).size).toBeGreaterThan(100_000);

    expect(await bin(args, env)).toEqual(first);
    // A damaged file is refused by V8's own checks, compiled around, and written anew.
    writeFileSync(file, "not V8's code cache");
    expect(await bin(args, env)).toEqual(first);
    expect(statSync(file).size).toBeGreaterThan(100_000);
    // When this build writes its own, files of other builds beyond the newest three go.
    const others = ["0", "1", "2", "3", "4"].map((digit) => `${digit.repeat(16)}-node-v0-x64.v8`);
    others.forEach((name, age) => {
      writeFileSync(join(cache, "code", name), "other");
      const made = new Date(Date.now() - (10 - age) * 60_000);
      utimesSync(join(cache, "code", name), made, made);
    });
    rmSync(file);
    expect(await bin(args, env)).toEqual(first);
    expect(readdirSync(join(cache, "code")).sort()).toEqual([...others.slice(2), kept].sort());

    const off = folder();
    expect(await bin(args, { HOME: folder(), LIC_CACHE_DIR: off, LIC_DISABLE_CODE_CACHE: "1" })).toEqual(first);
    expect(readdirSync(off)).toEqual([]);

    // A cache folder that cannot be made (its parent is a file): nothing said, nothing kept.
    const blocked = join(folder(), "file");
    writeFileSync(blocked, "");
    expect(await bin(args, { HOME: folder(), LIC_CACHE_DIR: join(blocked, "lic") })).toEqual(first);
  });
});

describe("the bundle's start-up", () => {
  it("answers help on a character device that is not /dev/null, where it asks node:tty whether it is a terminal", () => {
    // /dev/zero takes writes and is no terminal: the bin's own help path loads node:tty for it (is-terminal.ts).
    const run = spawnSync(process.execPath, [LIC_BIN, "--help"], {
      stdio: ["ignore", openSync("/dev/zero", "w"), "pipe"],
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("on a terminal (a pty from script(1), Debian's essential bsdutils), shows help and a check's progress line", async () => {
    const hub = FakeHub.of([bertModel()]);
    await hub.start();
    try {
      // A person's terminal: not under CI (lic draws no progress line there, .ci/run sets CI=true), and not dumb.
      const env = {
        ...process.env,
        HOME: folder(),
        LIC_CACHE_DIR: folder(),
        HF_ENDPOINT: hub.url,
        NO_COLOR: "1",
        CI: "false",
        TERM: "xterm",
      };
      const onTerminal = (args: string[]) =>
        new Promise<{ status: number | null; output: string }>((resolve) => {
          const command = [process.execPath, LIC_BIN, ...args].map((word) => `'${word}'`).join(" ");
          const child = spawn("script", ["-qec", command, "/dev/null"], { env, stdio: ["ignore", "pipe", "pipe"] });
          let output = "";
          child.stdout.on("data", (chunk) => (output += chunk));
          child.on("error", (error) => resolve({ status: null, output: `script(1) could not run: ${error.message}` }));
          child.on("close", (status) => resolve({ status, output }));
        });
      const help = await onTerminal(["--help"]);
      expect(help.output).toContain("Usage: lic");
      expect(help.status).toBe(0);
      const check = await onTerminal(["check", "google-bert/bert-base-uncased", "--no-lineage"]);
      // The progress line is drawn only where stderr is a terminal: \r and an erase-line before each state.
      expect(check.output).toContain("\r\u001b[2Klic: 0/1 checked");
      expect(check.output).toContain("google-bert/bert-base-uncased");
      expect(check.status).toBe(0);
    } finally {
      await hub.stop();
    }
  });

  it("runs a check with stdout and stdin on character devices that are no terminal, as the CLI asks node:tty too", () => {
    const env = { ...process.env, HOME: folder(), LIC_CACHE_DIR: folder(), HF_HUB_OFFLINE: "1" };
    const run = spawnSync(process.execPath, [LIC_BIN, "check", "google-bert/bert-base-uncased"], {
      stdio: [openSync("/dev/zero", "r"), openSync("/dev/zero", "w"), "pipe"],
      env,
      encoding: "utf8",
    });
    // Offline with an empty cache: the one-line miss, not a stack trace from loading node:tty.
    expect(run.stderr).toContain("google-bert/bert-base-uncased");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(3);
  });

  it("loads Node's child_process, fs/promises, http, https, zlib, tty and net only when something uses them, not for a check", () => {
    const probe = join(folder(), "loaded.cjs");
    const report = join(folder(), "loaded.json");
    writeFileSync(
      probe,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.moduleLoadList)));`,
    );
    const env = { ...process.env, HOME: folder(), LIC_CACHE_DIR: folder(), HF_HUB_OFFLINE: "1" };
    // Offline with an empty cache: the check command and its whole import graph load, and the run stops at the miss.
    const run = spawnSync(process.execPath, ["--require", probe, LIC_BIN, "check", "google-bert/bert-base-uncased"], {
      env,
      encoding: "utf8",
    });
    expect(run.stderr).toContain("google-bert/bert-base-uncased");
    const loaded: string[] = JSON.parse(readFileSync(report, "utf8"));
    expect(loaded).toContain("NativeModule internal/modules/cjs/loader");
    expect(
      loaded.filter((name) => /^NativeModule (child_process|fs\/promises|http|https|zlib|tty|net)$/.test(name)),
    ).toEqual([]);
  });

  it("checks a model on the Hub without loading Node's fetch (its Web streams cost a fifth of a cold run's CPU)", async () => {
    const probe = join(folder(), "loaded.cjs");
    const report = join(folder(), "loaded.json");
    writeFileSync(
      probe,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.moduleLoadList)));`,
    );
    const hub = FakeHub.of([bertModel()]);
    await hub.start();
    try {
      const env = { ...process.env, HOME: folder(), LIC_CACHE_DIR: folder(), HF_ENDPOINT: hub.url };
      const run = await new Promise<number | null>((resolve) =>
        spawn(process.execPath, ["--require", probe, LIC_BIN, "check", "google-bert/bert-base-uncased", "--quiet"], {
          env,
          stdio: "ignore",
        }).on("exit", resolve),
      );
      expect(run).toBe(0);
      expect(hub.requests.length).toBeGreaterThan(1);
    } finally {
      await hub.stop();
    }
    const loaded: string[] = JSON.parse(readFileSync(report, "utf8"));
    expect(loaded).toContain("NativeModule http");
    expect(loaded.filter((name) => /deps\/undici|webstreams\/readablestream/.test(name))).toEqual([]);
  });

  it("starts a gate without --redis or --postgres with neither ioredis nor pg loaded", async () => {
    const probe = join(folder(), "loaded.cjs");
    const report = join(folder(), "loaded.json");
    writeFileSync(
      probe,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    const env = { ...process.env, HOME: folder(), LIC_CACHE_DIR: folder() };
    const args = ["--require", probe, LIC_BIN, "gate", "--upstream", "http://127.0.0.1:9", "--listen", "127.0.0.1:0"];
    const gate = spawn(process.execPath, [...args, "--no-cache", "--audit-log", "/dev/null"], { env });
    let stderr = "";
    gate.stderr.on("data", (chunk: Buffer) => {
      const listening = /listening on/.test(stderr);
      stderr += chunk;
      if (!listening && /listening on/.test(stderr)) gate.kill("SIGTERM");
    });
    await new Promise((resolve) => gate.once("exit", resolve));
    expect(stderr).toContain("listening on");
    const loaded: string[] = JSON.parse(readFileSync(report, "utf8"));
    expect(loaded.some((file) => file.endsWith("lic.cjs"))).toBe(true);
    expect(loaded.filter((file) => /[\\/]node_modules[\\/](ioredis|pg)[\\/]/.test(file))).toEqual([]);
  });
});

describe("helpTopic", () => {
  it("names the command a pure help request asks about", () => {
    expect(helpTopic(["--help"])).toBe("");
    expect(helpTopic(["-h"])).toBe("");
    expect(helpTopic(["help"])).toBe("");
    expect(helpTopic(["help", "check"])).toBe("check");
    expect(helpTopic(["policy", "show", "--help"])).toBe("policy show");
  });

  it("leaves anything more to the CLI", () => {
    expect(helpTopic([])).toBeNull();
    expect(helpTopic(["check"])).toBeNull();
    expect(helpTopic(["check", "gpt2", "--help"])).toBeNull();
    expect(helpTopic(["check", "--format", "json", "--help"])).toBeNull();
    expect(helpTopic(["--help", "check"])).toBeNull();
    // commander answers `lic help policy show` with policy's help, so it is not policy show's topic.
    expect(helpTopic(["help", "policy", "show"])).toBeNull();
  });
});

describe("helpWidth", () => {
  it("is the terminal's width up to 80, and 80 when there is no width", () => {
    expect(helpWidth(undefined)).toBe(80);
    expect(helpWidth(0)).toBe(80);
    expect(helpWidth(200)).toBe(80);
    expect(helpWidth(60)).toBe(60);
  });
});
