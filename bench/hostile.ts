/**
 * `npm run bench -- hostile`: the reliability review's hostile cases (shared/docs/reliability-review.md), each run
 * against the hostile Hub (test/support/hostile-hub.ts) as a user would meet it: `lic check` as a process, and a
 * `lic gate` process (with `--timeout 5`) in front of the same Hub. For each case: the exit code or status, wall
 * time, peak memory of the lic process, upstream requests, and whether the token showed anywhere (stdout, stderr,
 * reports, headers, bodies, audit log, cache files). Goals: every case bounded (time <= 10 s but for the timeouts it asks for), peak RSS <=
 * 300 MiB, no token anywhere. LIC_BENCH_BIN runs another build (e.g. an older clone, for before/after figures).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HostileHub } from "../test/support/hostile-hub.js";

const LIC = process.env["LIC_BENCH_BIN"] ?? fileURLToPath(new URL("../dist/cli/lic.cjs", import.meta.url));
const TOKEN = "hf_secret_rt_token";
const CASE_LIMIT_MS = Number(process.env["LIC_BENCH_CASE_LIMIT_MS"] ?? 60_000);
const MIB = 1024 * 1024;

interface Figures {
  outcome: string;
  ms: number;
  peakBytes: number;
  requests: number;
  leaked: boolean;
}

let nonce = 0;
const fresh = (scenario: string) => `x/${scenario}.b${process.pid}n${nonce++}`;

export async function benchHostile(): Promise<void> {
  const hub = new HostileHub();
  await hub.start();
  const rows: [string, Figures][] = [];
  try {
    console.log(`hostile cases (lic at ${LIC}; each case killed at ${CASE_LIMIT_MS / 1000} s)\n`);
    const cli: [string, string, string[]][] = [
      ["H2 README with 50,000 keys", "yamlkeys", []],
      ["M3 gzip bomb (1 GiB unpacked)", "gzbomb", []],
      ["M3 64 MiB metadata JSON", "bigjson", []],
      ["M4 3,000 parents", "manyparents", []],
      ["H1/M5 token echoed by an ancestor", "echoparent", []],
      ["H1/M5 token echoed by a gated LICENSE", "gatedecho", []],
      ["H1 token echoed in a 200 body", "echobody", []],
      ["L2 redirect loop", "loop", []],
      ["L3 reset mid-body", "resetmid", []],
      ["M8-like slow body, --timeout 5", "slowbody", ["--timeout", "5"]],
      ["L7 ANSI escape in the Hub's id", "escid", []],
      ["L8 '..' in sibling names", "trav", []],
    ];
    for (const [name, scenario, extra] of cli)
      rows.push([`check: ${name}`, await checkCase(hub, fresh(scenario), extra)]);
    rows.push(["check: M7 --policy /dev/zero", await checkCase(hub, fresh("ok"), ["--policy", "/dev/zero"])]);

    const gateCases: [string, string, string][] = [
      ["H2 README with 50,000 keys (healthz during)", "yamlkeys", "file"],
      ["M3 gzip bomb", "gzbomb", "file"],
      ["M4 3,000 parents", "manyparents", "file"],
      ["H1 ancestor echoes the token", "echoparent", "file"],
      ["M8 slow model-info body", "slowbody", "info"],
      ["M2 file reset during a cold decision", "filereset", "license"],
    ];
    for (const [name, scenario, what] of gateCases)
      rows.push([`gate: ${name}`, await gateCase(hub, fresh(scenario), what)]);
  } finally {
    await hub.stop();
  }

  for (const [name, figures] of rows) {
    const ok = figures.ms <= 10_000 && figures.peakBytes <= 300 * MIB && !figures.leaked;
    console.log(
      `${name.padEnd(52)} ${figures.outcome.padEnd(10)} ${`${(figures.ms / 1000).toFixed(1)} s`.padStart(8)} ${`${(figures.peakBytes / MIB).toFixed(0)} MiB`.padStart(9)} ${String(figures.requests).padStart(5)} req  ${figures.leaked ? "TOKEN LEAKED" : "no token"}  ${ok ? "" : "(goal MISSED)"}`,
    );
  }
  const worstTime = rows.reduce((worst, row) => (row[1].ms > worst[1].ms ? row : worst));
  const worstMemory = rows.reduce((worst, row) => (row[1].peakBytes > worst[1].peakBytes ? row : worst));
  console.log(
    `\nworst time: ${(worstTime[1].ms / 1000).toFixed(1)} s (${worstTime[0]}); worst peak RSS: ${(worstMemory[1].peakBytes / MIB).toFixed(0)} MiB (${worstMemory[0]})`,
  );
  console.log(
    `goals: each case <= 10 s (met: ${rows.filter((row) => row[1].ms <= 10_000).length}/${rows.length}), <= 300 MiB (met: ${rows.filter((row) => row[1].peakBytes <= 300 * MIB).length}/${rows.length}), no token (met: ${rows.filter((row) => !row[1].leaked).length}/${rows.length})`,
  );
}

async function checkCase(hub: HostileHub, model: string, extra: string[]): Promise<Figures> {
  const home = mkdtempSync(join(tmpdir(), "lic-hostile-"));
  const before = hub.requests.length;
  try {
    const report = join(home, "report.json");
    const run = await spawnMeasured(
      [
        LIC,
        "check",
        model,
        "--endpoint",
        hub.url,
        "--cache-dir",
        join(home, "cache"),
        "--report",
        `json=${report}`,
        ...extra,
      ],
      home,
    );
    const files = [...filesUnder(join(home, "cache")), report].map(readOr);
    return {
      outcome: run.timedOut ? "killed" : `exit ${run.code}`,
      ms: run.ms,
      peakBytes: run.peakBytes,
      requests: hub.requests.length - before,
      leaked: [run.output, ...files].some((text) => text.includes(TOKEN)),
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function gateCase(hub: HostileHub, model: string, what: string): Promise<Figures> {
  const home = mkdtempSync(join(tmpdir(), "lic-hostile-"));
  const audit = join(home, "audit.jsonl");
  const child = spawn(
    process.execPath,
    [
      LIC,
      "gate",
      "--upstream",
      hub.url,
      "--listen",
      "127.0.0.1:0",
      "--cache-dir",
      join(home, "cache"),
      "--audit-log",
      audit,
      "--policy",
      "default",
      "--timeout",
      "5",
    ],
    {
      env: { PATH: process.env["PATH"] ?? "", HOME: home, NO_COLOR: "1", HF_TOKEN: TOKEN },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the gate did not start: ${output}`)), 15_000);
      child.stderr.on("data", () => {
        const match = /listening on (http:\/\/\S+?),/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    const path =
      what === "info"
        ? `/api/models/${model}`
        : what === "license"
          ? `/${model}/resolve/main/LICENSE`
          : `/${model}/resolve/main/config.json`;
    const before = hub.requests.length;
    const start = performance.now();
    // While a file's first decision runs, is the gate still answering others? (H2 froze /healthz for 75 s.)
    const healthz =
      what === "file" ? new Promise((resolve) => setTimeout(resolve, 1000)).then(() => get(`${base}/healthz`)) : null;
    const answer = await get(base + path);
    const ms = performance.now() - start;
    const healthzMs = healthz ? (await healthz).ms : 0;
    const peakBytes = peakOf(child.pid!);
    const files = [...filesUnder(join(home, "cache")), audit].map(readOr);
    const outcome =
      answer.status === 0
        ? "no answer"
        : `${answer.status}${healthzMs > 1000 ? ` hz ${(healthzMs / 1000).toFixed(0)}s` : ""}`;
    return {
      outcome,
      ms,
      peakBytes,
      requests: hub.requests.length - before,
      leaked: [output, answer.text, ...files].some((text) => text.includes(TOKEN)),
    };
  } finally {
    child.kill("SIGKILL");
    rmSync(home, { recursive: true, force: true });
  }
}

/** Runs lic under GNU time (for the peak RSS of the whole process), killed at the case limit. */
function spawnMeasured(
  args: string[],
  home: string,
): Promise<{ code: number | null; ms: number; peakBytes: number; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "LICRSS %M", process.execPath, ...args], {
      env: { PATH: process.env["PATH"] ?? "", HOME: home, NO_COLOR: "1", HF_TOKEN: TOKEN },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let timedOut = false;
    let peakBytes = 0;
    const poll = setInterval(() => (peakBytes = Math.max(peakBytes, treePeak(child.pid!))), 200);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, CASE_LIMIT_MS);
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      const reported = /LICRSS (\d+)/.exec(output);
      resolve({
        code,
        ms: performance.now() - start,
        peakBytes: reported ? Number(reported[1]) * 1024 : peakBytes,
        output: output.replace(/LICRSS \d+\n?/, ""),
        timedOut,
      });
    });
  });
}

/** The peak RSS of a process's children (time's child is node), read from /proc while it runs. */
function treePeak(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return Math.max(0, ...children.map(peakOf));
  } catch {
    return 0;
  }
}

function peakOf(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function get(url: string): Promise<{ status: number; text: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    let status = 0;
    let text = "";
    const settle = () => {
      clearTimeout(timer);
      resolve({ status, text, ms: performance.now() - start });
    };
    const timer = setTimeout(() => {
      req.destroy();
      settle();
    }, CASE_LIMIT_MS);
    const req = request(url, (response) => {
      status = response.statusCode ?? 0;
      text = JSON.stringify(response.headers);
      response.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on("end", settle);
      response.on("error", settle);
    });
    req.on("error", settle);
    req.end();
  });
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .map((entry) => join(dir, entry))
      .filter((path) => statSync(path).isFile());
  } catch {
    return [];
  }
}

function readOr(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
