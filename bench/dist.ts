/**
 * `npm run bench -- dist`: `lic dist` (the built CLI) on a Llama 4 fine-tune folder with 20 GB of weights (four
 * sparse 5 GB safetensors shards and a sparse GGUF, headers real, tensors never written), its parent on a fake Hub.
 * Goals: under 1 s, and under 1 MiB read from the folder (the reader's own count, every byte it reads).
 */
import { cpSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { DistReport } from "../src/types/dist-report.js";
import { FakeHub } from "../test/support/fake-hub.js";
import { ggufHeader, safetensorsHeader } from "../test/support/gguf.js";
import { runLic } from "../test/support/run-lic.js";

const GB = 1024 ** 3;
const GOAL_MS = 1000;
const GOAL_BYTES = 1024 * 1024;
const ROUNDS = 5;

export async function benchDist(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), "lic-bench-home-"));
  const folder = join(mkdtempSync(join(tmpdir(), "lic-bench-dist-")), "Llama-4-Scout-support-bot");
  cpSync(new URL("../test/fixtures/dist/Llama-4-Scout-support-bot/", import.meta.url), folder, { recursive: true });
  for (let shard = 1; shard <= 4; shard++) {
    const path = join(folder, `model-0000${shard}-of-00004.safetensors`);
    writeFileSync(path, safetensorsHeader({ format: "pt" }));
    truncateSync(path, 4 * GB);
  }
  const gguf = join(folder, "Llama-4-Scout-Q4_K_M.gguf");
  writeFileSync(
    gguf,
    ggufHeader([
      ["general.license", "llama4"],
      ["general.name", "Llama 4 Scout"],
    ]),
  );
  truncateSync(gguf, 4 * GB);
  const id = "meta-llama/Llama-4-Scout-17B-16E";
  const hub = FakeHub.of([
    {
      info: {
        _id: id,
        id,
        sha: "4bd10c4dc905b4000d76640d07a552344146faec",
        tags: ["license:other"],
        cardData: { license: "other", license_name: "llama4" },
        siblings: [],
      },
      files: {},
    },
  ]);
  await hub.start();
  try {
    const times: number[] = [];
    let report: DistReport | null = null;
    let code: number | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      const run = await runLic(["dist", folder, "--format", "json"], { HF_ENDPOINT: hub.url }, home);
      times.push(performance.now() - start);
      report = JSON.parse(run.stdout) as DistReport;
      code = run.code;
    }
    const median = times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
    // The CLI's start-up alone, as the scan benchmark's baseline: what no lic dist can be faster than.
    const startups: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      await runLic(["--version"], {}, home);
      startups.push(performance.now() - start);
    }
    const startup = startups.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
    const bytes = report?.read.bytesRead ?? Number.NaN;
    const met = (ok: boolean) => (ok ? "(met)" : "(MISSED)");
    // The machine is shared: the load average says how much of the wall time is waiting for a CPU.
    const load = loadavg()[0]!.toFixed(1);
    console.log(
      `lic dist, 20 GB of sparse weights (exit ${code}, ${report?.read.weights.length} weight headers; load average ${load})`,
    );
    console.log(
      `  time, median of ${ROUNDS}   ${`${median.toFixed(0)} ms`.padStart(9)}   goal ${GOAL_MS} ms ${met(median < GOAL_MS)}`,
    );
    console.log(
      `  lic --version, baseline  ${`${startup.toFixed(0)} ms`.padStart(9)}   ${(median / startup).toFixed(1)}x of it`,
    );
    console.log(`  bytes read              ${`${bytes}`.padStart(9)}   goal ${GOAL_BYTES} ${met(bytes < GOAL_BYTES)}`);
  } finally {
    await hub.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(join(folder, ".."), { recursive: true, force: true });
  }
}
