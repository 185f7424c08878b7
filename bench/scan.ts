/**
 * `npm run bench -- scan`: `lic scan` over a generated tree of 10,000 source files holding 1,000 references (goal:
 * under 5 s, parser start-up included), and `lic check --locked --offline` over 100 locked models (goal: under 1 s).
 * Each beside a baseline of the same run: reading every file of the tree in one Node process, and `lic --version`
 * (the CLI's start-up alone).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeHub, type FakeModel } from "../test/support/fake-hub.js";
import { bertModel } from "../test/support/hub-models.js";
import { runLic } from "../test/support/run-lic.js";
import { median } from "./stats.js";

const FILES = 10_000;
const REFERENCES = 1_000;
const LOCKED_MODELS = 100;
const LOCKED_RUNS = 5;

function row(name: string, ms: number, goalMs: number, baselineMs: number, baseline: string): void {
  const met = ms <= goalMs ? "(met)" : "(MISSED)";
  console.log(
    `${name.padEnd(44)} ${`${ms.toFixed(0)} ms`.padStart(9)}   goal ${`${goalMs} ms`.padEnd(8)} ${(ms / goalMs).toFixed(2)} of goal ${met}   ${(ms / baselineMs).toFixed(1)}x ${baseline}`,
  );
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

/** Python, TypeScript, YAML and shell files in nested packages; every tenth file loads a model. */
function generateTree(root: string): void {
  for (let index = 0; index < FILES; index++) {
    const folder = join(root, `pkg${index % 50}`, `mod${index % 7}`);
    mkdirSync(folder, { recursive: true });
    const loads = index % (FILES / REFERENCES) === 0;
    const id = `bench-org/model-${index % 300}`;
    const kind = index % 10;
    if (kind < 6) {
      const body = Array.from({ length: 40 }, (_, line) => `def f${line}(x):\n    return x * ${line}\n`).join("");
      const load = loads ? `from transformers import AutoModel\nmodel = AutoModel.from_pretrained("${id}")\n` : "";
      writeFileSync(join(folder, `file${index}.py`), `import os\n${load}${body}`);
    } else if (kind < 9) {
      const body = Array.from(
        { length: 40 },
        (_, line) => `export const f${line} = (x: number): number => x * ${line};\n`,
      ).join("");
      const load = loads
        ? `import { pipeline } from "@huggingface/transformers";\nawait pipeline("feature-extraction", "${id}");\n`
        : "";
      writeFileSync(join(folder, `file${index}.ts`), `${load}${body}`);
    } else {
      writeFileSync(
        join(folder, `file${index}.yaml`),
        `${loads ? `base_model: ${id}\n` : ""}learning_rate: 0.0001\nepochs: 3\n`,
      );
    }
  }
}

function readAll(root: string): number {
  let bytes = 0;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else bytes += readFileSync(path).byteLength;
    }
  };
  visit(root);
  return bytes;
}

export async function benchScan(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), "lic-bench-home-"));
  const tree = mkdtempSync(join(tmpdir(), "lic-bench-tree-"));
  const project = mkdtempSync(join(tmpdir(), "lic-bench-project-"));
  const base = bertModel();
  const models: FakeModel[] = Array.from({ length: LOCKED_MODELS }, (_, index) => ({
    ...base,
    info: { ...base.info, id: `bench-org/locked-${index}`, sha: (index + 1).toString(16).padStart(40, "0") },
  }));
  const hub = FakeHub.of(models);
  await hub.start();
  try {
    console.log(`lic scan and lic check --locked benchmarks (node ${process.version})\n`);
    generateTree(tree);
    const [, startupMs] = await timed(() => runLic(["--version"], {}, home));
    const [, readMs] = await timed(async () => readAll(tree));
    const [scan, scanMs] = await timed(() => runLic(["scan", tree, "--format", "json"], {}, home));
    if (scan.code !== 0) throw new Error(`scan failed: ${scan.stderr}`);
    const found = JSON.parse(scan.stdout).references.length;
    if (found !== REFERENCES) throw new Error(`scan found ${found} references, expected ${REFERENCES}`);
    row(
      `lic scan, ${FILES} files, ${REFERENCES} references`,
      scanMs,
      5000,
      readMs + startupMs,
      "reading every file + start-up",
    );
    console.log(`${"  files per second".padEnd(44)} ${(FILES / (scanMs / 1000)).toFixed(0).padStart(9)}`);

    const code = models.map((model) => `AutoModel.from_pretrained("${model.info["id"]}")`).join("\n");
    writeFileSync(join(project, "app.py"), `from transformers import AutoModel\n${code}\n`);
    const env = { HF_ENDPOINT: hub.url };
    const lock = await runLic(["lock", project, "--no-lineage", "--concurrency", "16"], env, home);
    if (lock.code !== 0) throw new Error(`lock failed: ${lock.stderr}`);
    const requests = hub.requests.length;
    // The median of LOCKED_RUNS: one run swung by a fifth either way on this machine.
    const lockedTimes: number[] = [];
    for (let run = 0; run < LOCKED_RUNS; run++) {
      const [locked, lockedMs] = await timed(() =>
        runLic(["check", "--locked", project, "--offline", "--no-lineage", "--format", "json"], env, home),
      );
      if (locked.code !== 0) throw new Error(`check --locked failed: ${locked.stderr}`);
      if (hub.requests.length !== requests) throw new Error("check --locked --offline made requests");
      lockedTimes.push(lockedMs);
    }
    row(`lic check --locked --offline, ${LOCKED_MODELS} models`, median(lockedTimes), 1000, startupMs, "lic --version");
  } finally {
    await hub.stop();
    for (const dir of [home, tree, project]) rmSync(dir, { recursive: true, force: true });
  }
}
