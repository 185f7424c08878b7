/**
 * The license text matcher: load time, time per text, and accuracy on the fixture texts and the SPDX list, side by
 * side with licensee (Debian's ruby-licensee, `licensee detect`) on the same files as the anchor.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MODEL_REFERENCES } from "../scripts/license-data.js";
import { shippedReferences } from "../src/acquire/reference-data.js";
import { identifyLicenseText } from "../src/identify/matcher/match-license-text.js";
import { hubRenderings, realTexts, tally } from "../test/support/real-texts.js";

const identify = (text: string) => identifyLicenseText(text, shippedReferences);

const TEXTS = fileURLToPath(new URL("../test/fixtures/license-texts/", import.meta.url));
const DIST_LIBRARY = fileURLToPath(new URL("../dist/acquire/reference-data.js", import.meta.url));
/** licensee starts a Ruby process per file (~0.5 s): it runs on every fixture and on this share of the SPDX list. */
const LICENSEE_SPDX_SAMPLE_EVERY = 12;

interface Case {
  name: string;
  text: string;
  /** Accepted answers: the reference key, or the SPDX id and its equivalents. */
  expected: string[];
}

function fixtureCases(): Case[] {
  const spdxFixtures: Record<string, string> = {
    "apache-2.0.txt": "Apache-2.0",
    "mit.txt": "MIT",
    "cc-by-nc-4.0.txt": "CC-BY-NC-4.0",
    "openmdw-1.0.txt": "OpenMDW-1.0",
  };
  return readdirSync(TEXTS)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => {
      const key =
        spdxFixtures[file] ??
        MODEL_REFERENCES.find((reference) => reference.file === file && !reference.after)?.key ??
        file;
      return { name: file, text: readFileSync(join(TEXTS, file), "utf8"), expected: [key] };
    });
}

function spdxCases(): Case[] {
  const full = createRequire(import.meta.url)("spdx-license-list/full.js") as Record<string, { licenseText: string }>;
  const library = shippedReferences;
  return Object.keys(full).map((id) => ({
    name: id,
    text: full[id]!.licenseText,
    expected: [id, ...library.equivalentsOf(id)],
  }));
}

function isCorrect(result: ReturnType<typeof identifyLicenseText>, expected: string[]): boolean {
  const [top] = result.matches;
  return top !== undefined && top.kind === "exact" && expected.includes(top.reference);
}

/** Load time in a fresh process: the reference data and its indexes, as `lic check` pays it once. */
function measureLoad(): number {
  const script = `const s=performance.now();const m=await import(${JSON.stringify(DIST_LIBRARY)});m.shippedReferences;console.log(performance.now()-s)`;
  const runs = Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })),
  );
  return runs.sort((a, b) => a - b)[2]!;
}

function measure(cases: Case[]): { correct: number; msPerText: number } {
  for (const item of cases) identify(item.text);
  const start = performance.now();
  let correct = 0;
  const rounds = 3;
  for (let round = 0; round < rounds; round++) {
    for (const item of cases) if (isCorrect(identify(item.text), item.expected) && round === 0) correct++;
  }
  return { correct, msPerText: (performance.now() - start) / (cases.length * rounds) };
}

function licenseeAvailable(): boolean {
  return spawnSync("licensee", ["version"], { encoding: "utf8" }).status === 0;
}

/** licensee's answer for one text, as a lower-case SPDX id (it reports `other` or `no-license` when it knows none). */
function licenseeDetect(text: string, dir: string): { key: string; ms: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "LICENSE"), text);
  const start = performance.now();
  const run = spawnSync("licensee", ["detect", "--json", dir], { encoding: "utf8" });
  const ms = performance.now() - start;
  try {
    const json = JSON.parse(run.stdout) as { licenses?: { spdx_id?: string }[] };
    return { key: (json.licenses?.[0]?.spdx_id ?? "none").toLowerCase(), ms };
  } catch {
    return { key: "none", ms };
  }
}

function row(name: string, cells: string[]): void {
  console.log(`${name.padEnd(34)} ${cells.map((cell) => cell.padStart(16)).join(" ")}`);
}

export async function benchMatcher(): Promise<void> {
  console.log("license text matcher (lic beside licensee, same files)\n");
  const load = measureLoad();
  console.log(
    `lic load (reference data, fresh process, median of 5): ${load.toFixed(1)} ms   goal 100 ms   ${(load / 100).toFixed(2)} of goal ${load <= 100 ? "(met)" : "(MISSED)"}`,
  );

  const fixtures = fixtureCases();
  const spdx = spdxCases();
  const ours = { fixtures: measure(fixtures), spdx: measure(spdx) };
  const perText =
    (ours.fixtures.msPerText * fixtures.length + ours.spdx.msPerText * spdx.length) / (fixtures.length + spdx.length);
  console.log(
    `lic time per text (all ${fixtures.length + spdx.length} texts, warm): ${perText.toFixed(2)} ms   goal 2 ms   ${(perText / 2).toFixed(2)} of goal ${perText <= 2 ? "(met)" : "(MISSED)"}\n`,
  );

  // Every text here is an unmodified original, so every near ("modified") match on one is false.
  row("real texts, unmodified", ["texts", "exact", "near", "false-modified"]);
  for (const [name, texts] of [
    ["fixtures (licenses, cards, prompts)", realTexts()],
    ["Meta gate prompts as the Hub shows", hubRenderings()],
  ] as const) {
    const counts = tally(texts.map((real) => identify(real.text)));
    row(name, [counts.texts, counts.exact, counts.near, counts.falseModified].map(String));
  }
  console.log();

  const sample = spdx.filter((_, index) => index % LICENSEE_SPDX_SAMPLE_EVERY === 0);
  row("", ["lic", "licensee"]);
  if (!licenseeAvailable()) {
    row(`fixtures correct (of ${fixtures.length})`, [String(ours.fixtures.correct), "not installed"]);
    row(`SPDX list correct (of ${spdx.length})`, [String(ours.spdx.correct), "not installed"]);
    console.log("\nlicensee is not installed: apt-get install ruby-licensee");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "lic-bench-licensee-"));
  try {
    const licenseeScore = (cases: Case[]) => {
      let correct = 0;
      let ms = 0;
      for (const item of cases) {
        const answer = licenseeDetect(item.text, join(dir, "repo"));
        ms += answer.ms;
        if (item.expected.some((id) => id.toLowerCase() === answer.key)) correct++;
      }
      return { correct, msPerText: ms / cases.length };
    };
    const theirs = { fixtures: licenseeScore(fixtures), sample: licenseeScore(sample) };
    const oursSample = sample.filter((item) => isCorrect(identify(item.text), item.expected)).length;
    row(`fixtures correct (of ${fixtures.length})`, [String(ours.fixtures.correct), String(theirs.fixtures.correct)]);
    row(`SPDX sample correct (of ${sample.length})`, [String(oursSample), String(theirs.sample.correct)]);
    row(`SPDX list correct (of ${spdx.length})`, [String(ours.spdx.correct), "-"]);
    row("time per text, fixtures", [
      `${ours.fixtures.msPerText.toFixed(2)} ms`,
      `${theirs.fixtures.msPerText.toFixed(0)} ms*`,
    ]);
    console.log("\n* licensee per text includes starting Ruby; lic's is in-process and warm.");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
