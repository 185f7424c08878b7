/**
 * Where CI feels lic (issue 20), each figure a ratio against a baseline measured in the same run:
 * - `lic --version` and `lic --help` against `node -e 0` (goal: at most 1.3), and a warm check of one pinned model,
 *   cache filled, with `--offline` and without (goal: at most 2), all whole processes;
 * - 100 models cold on the loopback fake Hub at --concurrency 8 against a floor script making the same requests with
 *   the same concurrency (floor-requests.mjs; goal: at most 1.5, and under 3 s);
 * - peak memory of the 100-model check beside a 20-model one (flat beyond the concurrency);
 * - the gate's decision for a model already decided, in the process (goal: p99 at most 1 ms).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { getCatalog } from "../src/catalog/catalog.js";
import { Decider } from "../src/gate/decider.js";
import { FakeHub, type FakeModel } from "../test/support/fake-hub.js";
import { bertModel } from "../test/support/hub-models.js";
import { builtInPolicy, TODAY } from "../test/support/policies.js";
import { median, percentile } from "./stats.js";

const run = promisify(execFile);
/** The package's bin, as npx and npm's links run it (the CommonJS stub that loads the bundle). */
const LIC = fileURLToPath(new URL("../dist/cli/lic.cjs", import.meta.url));
const FLOOR = fileURLToPath(new URL("./floor-requests.mjs", import.meta.url));
const RUNS = 11;
const MANY = 100;

function models(count: number, prefix: string): FakeModel[] {
  const base = bertModel();
  return Array.from({ length: count }, (_, index) => ({
    ...base,
    info: {
      ...base.info,
      id: `bench-org/${prefix}-${index}`,
      sha: (index + 1).toString(16).padStart(40, prefix === "many" ? "a" : "b"),
      // Their cards name no dataset: the requests are the model's own (issue 17's datasets have their own figure).
      cardData: { license: "apache-2.0" },
    },
  }));
}

/** Wall milliseconds of one process, and its peak resident set (KiB, from /usr/bin/time). */
async function timedProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; kib: number }> {
  const start = performance.now();
  const { stderr } = await run("/usr/bin/time", ["-f", "%M", command, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  return { ms, kib: Number(stderr.trim().split("\n").at(-1)) };
}

async function medianMs(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) times.push((await timedProcess(command, args, env)).ms);
  return median(times);
}

function row(name: string, value: string, goal: string, met: boolean | null): void {
  console.log(
    `  ${name.padEnd(58)} ${value.padStart(16)}   goal ${goal.padEnd(10)} ${met === null ? "" : met ? "met" : "MISSED"}`,
  );
}

export async function benchStartup(): Promise<void> {
  const one = bertModel();
  const many = models(MANY, "many");
  const some = models(20, "some");
  const hub = FakeHub.of([one, ...many, ...some]);
  await hub.start();
  const home = mkdtempSync(join(tmpdir(), "lic-bench-startup-"));
  const env = {
    PATH: process.env["PATH"] ?? "",
    HOME: home,
    XDG_CACHE_HOME: join(home, ".cache"),
    NO_COLOR: "1",
    HF_ENDPOINT: hub.url,
  };
  try {
    console.log(`start-up, batches and the warm path (node ${process.version}, whole processes, median of ${RUNS})`);
    const node = await medianMs(process.execPath, ["-e", "0"], env);
    row("node -e 0 (the baseline)", `${node.toFixed(0)} ms`, "", null);
    for (const flag of ["--version", "--help"]) {
      const ms = await medianMs(process.execPath, [LIC, flag], env);
      row(`lic ${flag} / node -e 0`, `${(ms / node).toFixed(2)} (${ms.toFixed(0)} ms)`, "<= 1.3", ms / node <= 1.3);
    }
    const pinned = `${one.info["id"]}@${one.info["sha"]}`;
    await run(process.execPath, [LIC, "check", pinned], { env });
    for (const offline of [[], ["--offline"]]) {
      const ms = await medianMs(process.execPath, [LIC, "check", pinned, ...offline], env);
      row(
        `warm check, 1 pinned model${offline.length ? " --offline" : ""} / node -e 0`,
        `${(ms / node).toFixed(2)} (${ms.toFixed(0)} ms)`,
        "<= 2",
        ms / node <= 2,
      );
    }

    const ids = many.map((model) => String(model.info["id"]));
    const cold = mkdtempSync(join(tmpdir(), "lic-bench-cold-"));
    hub.requests.length = 0;
    const checked = await timedProcess(
      process.execPath,
      [LIC, "check", ...ids, "--concurrency", "8", "--cache-dir", cold, "--format", "json", "--quiet"],
      env,
    );
    rmSync(cold, { recursive: true, force: true });
    const paths = join(home, "paths.json");
    writeFileSync(
      paths,
      JSON.stringify(hub.requests.filter((request) => request.method === "GET").map((request) => request.path)),
    );
    const requests = hub.requests.length;
    const floors: number[] = [];
    for (let index = 0; index < 5; index++)
      floors.push((await timedProcess(process.execPath, [FLOOR, hub.url, paths, "8"], env)).ms);
    const floor = median(floors);
    row(
      `${MANY} models cold, --concurrency 8 / floor (${requests} requests)`,
      `${(checked.ms / floor).toFixed(2)} (${checked.ms.toFixed(0)} / ${floor.toFixed(0)} ms)`,
      "<= 1.5",
      checked.ms / floor <= 1.5,
    );
    row(`${MANY} models cold, wall time`, `${checked.ms.toFixed(0)} ms`, "< 3000 ms", checked.ms < 3000);

    const fewer = mkdtempSync(join(tmpdir(), "lic-bench-cold-"));
    const twenty = await timedProcess(
      process.execPath,
      [
        LIC,
        "check",
        ...some.map((model) => String(model.info["id"])),
        "--concurrency",
        "8",
        "--cache-dir",
        fewer,
        "--format",
        "json",
        "--quiet",
      ],
      env,
    );
    rmSync(fewer, { recursive: true, force: true });
    const flat = checked.kib - twenty.kib < 32 * 1024;
    row(
      "peak memory, 100 models cold (20 models)",
      `${(checked.kib / 1024).toFixed(0)} MiB (${(twenty.kib / 1024).toFixed(0)} MiB)`,
      "flat",
      flat,
    );

    const decider = new Decider({
      policy: builtInPolicy("default"),
      catalog: getCatalog(),
      acquire: { hub: { endpoint: hub.url, timeoutMs: 5000 }, cache: null, offline: false },
      lineage: { maxDepth: 8, concurrency: 4 },
      today: () => TODAY,
    });
    const sha = String(one.info["sha"]);
    await decider.decide(String(one.info["id"]), sha);
    const latencies: number[] = [];
    for (let index = 0; index < 10_000; index++) {
      const start = performance.now();
      await decider.decide(String(one.info["id"]), sha);
      latencies.push(performance.now() - start);
    }
    const p99 = percentile(latencies, 0.99);
    row("gate decision, already decided, in process: p99 of 10,000", `${p99.toFixed(3)} ms`, "<= 1 ms", p99 <= 1);
  } finally {
    await hub.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
