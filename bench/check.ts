/**
 * `npm run bench`: figures for `lic check` against a fake Hub on 127.0.0.1 (test/support/fake-hub.ts),
 * each beside its goal. Spawns the built CLI, as a user runs it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeHub, type FakeModel } from "../test/support/fake-hub.js";
import { dataset, wikipediaDataset } from "../test/support/hub-datasets.js";
import { bertModel, fakeModel } from "../test/support/hub-models.js";
import { runLic } from "../test/support/run-lic.js";
import { median } from "./stats.js";

const WARM_RUNS = 15;
const MANY_MODELS = 100;

function syntheticModels(count: number): FakeModel[] {
  const base = bertModel();
  return Array.from({ length: count }, (_, index) => ({
    ...base,
    info: { ...base.info, id: `bench-org/model-${index}`, sha: index.toString(16).padStart(40, "0") },
  }));
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

function row(name: string, value: string, goal: string, ratio: number | null): void {
  const verdict = ratio === null ? "" : `${ratio.toFixed(2)} of goal ${ratio <= 1 ? "(met)" : "(MISSED)"}`;
  console.log(`${name.padEnd(46)} ${value.padStart(12)}   goal ${goal.padEnd(10)} ${verdict}`);
}

async function main(): Promise<void> {
  // A model whose card names three datasets, served beside bert's two (bookcorpus; wikipedia, renamed as on the Hub).
  const trainedOn = ["bench-org/data-a", "bench-org/data-b", "bench-org/data-c"];
  const withData = fakeModel("bench-org/trained-on-three", { license: "apache-2.0", datasets: trainedOn });
  const models = [bertModel(), withData, ...syntheticModels(MANY_MODELS)];
  const datasets = [
    ...trainedOn.map((id) => dataset(id, { license: "cc-by-4.0" })),
    dataset("bookcorpus", { license: "unknown" }),
    wikipediaDataset(),
  ];
  const hub = FakeHub.of(models, { datasets, datasetRenames: { wikipedia: "wikimedia/wikipedia" } });
  await hub.start();
  const home = mkdtempSync(join(tmpdir(), "lic-bench-"));
  const env = { HF_ENDPOINT: hub.url };
  const model = "google-bert/bert-base-uncased";
  const sha = String(models[0]!.info["sha"]);
  try {
    console.log(`lic check benchmarks (node ${process.version}, fake Hub on loopback)\n`);

    const cold = await runLic(["check", `${model}@${sha}`], env, home);
    if (cold.code !== 0) throw new Error(`cold run failed: ${cold.stderr}`);
    const coldRequests = hub.requests.length;
    const licenseFiles = 2; // README.md and LICENSE
    // bert's card names bookcorpus and wikipedia: one metadata request each, and wikipedia's rename one redirect more.
    const namedDatasets = 2 + 1;
    const coldGoal = 1 + licenseFiles + namedDatasets;
    row("requests per model, cold (bert: 2 datasets)", String(coldRequests), `<= ${coldGoal}`, coldRequests / coldGoal);

    const datasetRequests = () => hub.requests.filter((request) => request.path.startsWith("/api/datasets/")).length;
    const trainedSha = String(withData.info["sha"]);
    hub.requests.length = 0;
    await runLic(["check", `${withData.info["id"]}@${trainedSha}`], env, home);
    row("dataset requests, model naming 3, cold", String(datasetRequests()), "<= 3", datasetRequests() / 3);
    hub.requests.length = 0;
    await runLic(["check", `${withData.info["id"]}@${trainedSha}`], env, home);
    console.log(
      `${"dataset requests, model naming 3, warm".padEnd(46)} ${String(datasetRequests()).padStart(12)}   goal 0          ${datasetRequests() === 0 ? "(met)" : "(MISSED)"}`,
    );

    hub.requests.length = 0;
    const warmTimes: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) {
      const [result, ms] = await timed(() => runLic(["check", `${model}@${sha}`], env, home));
      if (result.code !== 0) throw new Error(`warm run failed: ${result.stderr}`);
      warmTimes.push(ms);
    }
    const warmRequests = hub.requests.length / WARM_RUNS;
    console.log(
      `${"requests per model, warm at a pinned sha".padEnd(46)} ${String(warmRequests).padStart(12)}   goal 0          ${warmRequests === 0 ? "(met)" : "(MISSED)"}`,
    );
    row(
      `wall time, 1 model warm (median of ${WARM_RUNS})`,
      `${median(warmTimes).toFixed(0)} ms`,
      "250 ms",
      median(warmTimes) / 250,
    );

    const ids = syntheticModels(MANY_MODELS).map((entry) => String(entry.info["id"]));
    hub.requests.length = 0;
    const coldCache = mkdtempSync(join(tmpdir(), "lic-bench-cache-"));
    const [many, manyMs] = await timed(() =>
      runLic(["check", ...ids, "--concurrency", "8", "--cache-dir", coldCache, "--format", "json"], env, home),
    );
    rmSync(coldCache, { recursive: true, force: true });
    if (many.code !== 0) throw new Error(`100-model run failed: ${many.stderr}`);
    row(`wall time, ${MANY_MODELS} models cold, --concurrency 8`, `${manyMs.toFixed(0)} ms`, "3000 ms", manyMs / 3000);
    // Each a copy of bert: 3 requests of its own, and the two datasets they all name read once in the run.
    const manyGoal = MANY_MODELS * 3 + namedDatasets;
    row(
      `requests, ${MANY_MODELS} models cold`,
      String(hub.requests.length),
      `<= ${manyGoal}`,
      hub.requests.length / manyGoal,
    );
  } finally {
    await hub.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

export { main as benchCheck };
