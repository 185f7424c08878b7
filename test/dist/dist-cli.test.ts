import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DistReport, DutyKind, DutyStatus } from "../../src/types/dist-report.js";
import type { JsonObject } from "../../src/types/snapshot.js";
import { FakeHub, type FakeModel } from "../support/fake-hub.js";
import { fixtureText, hubApiFixture, readmeFor } from "../support/fixtures.js";
import { ggufHeader, safetensorsHeader } from "../support/gguf.js";
import { expectGolden } from "../support/golden.js";
import { bertModel } from "../support/hub-models.js";
import { runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

const FIXTURES = new URL("../fixtures/dist/", import.meta.url).pathname;
const tempDir = useTempDirs();
let hub: FakeHub;

/** Llama 4 Scout as the Hub serves its metadata: `license: other` with `license_name: llama4`, no card data beyond. */
function llama4Scout(): FakeModel {
  const id = "meta-llama/Llama-4-Scout-17B-16E";
  const info: JsonObject = {
    _id: id,
    id,
    sha: "4bd10c4dc905b4000d76640d07a552344146faec",
    tags: ["license:other", "transformers"],
    cardData: { license: "other", license_name: "llama4" },
    siblings: [],
  };
  return { info, files: {} };
}

function stableDiffusion(): FakeModel {
  const info = hubApiFixture("CompVis__stable-diffusion-v1-4");
  return { info, files: { "README.md": readmeFor(info) } };
}

beforeAll(async () => {
  hub = FakeHub.of([llama4Scout(), stableDiffusion(), bertModel()]);
  await hub.start();
});
afterAll(() => hub.stop());

/** A fixture folder copied to a temp dir under its own name (the name is the model's), to change or fix freely. */
function copyOf(fixture: string, name = fixture): string {
  const folder = join(tempDir(), name);
  cpSync(join(FIXTURES, fixture), folder, { recursive: true });
  return folder;
}

async function dist(args: string[]) {
  const home = tempDir();
  const run = await runLicIn(["dist", ...args], { XDG_CACHE_HOME: `${home}/.cache`, HF_ENDPOINT: hub.url });
  return { ...run, report: run.stdout.startsWith("{") ? (JSON.parse(run.stdout) as DistReport) : null };
}

function statuses(report: DistReport | null): Partial<Record<DutyKind, DutyStatus[]>> {
  const table: Partial<Record<DutyKind, DutyStatus[]>> = {};
  for (const duty of report?.duties ?? []) table[duty.kind] = [...(table[duty.kind] ?? []), duty.status];
  return table;
}

describe("lic dist: one fixture folder a case", () => {
  it("a Llama 4 fine-tune missing its NOTICE, its attribution and its name prefix", async () => {
    const run = await dist([copyOf("scout-support-bot"), "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.report?.parents).toEqual([
      expect.objectContaining({ id: "meta-llama/Llama-4-Scout-17B-16E", licenses: ["llama4"], from: "card" }),
    ]);
    expect(statuses(run.report)).toMatchObject({
      "license-copy": ["met"],
      "notice-file": ["missing"],
      attribution: ["missing"],
      "name-prefix": ["missing"],
      "card-license": ["met"],
      "card-base-model": ["met"],
      "no-relabelling": ["met"],
    });
    const notice = run.report?.duties.find((duty) => duty.kind === "notice-file");
    expect(notice?.clause).toMatchObject({ section: "§1.b.iii" });
    expect(notice?.expected).toContain("Llama 4 is licensed under the Llama 4 Community License");
  });

  it("refuses the BOM formats, for the checklist and for --report alike (exit 2)", async () => {
    for (const args of [
      ["--format", "cyclonedx"],
      ["--report", `spdx=${join(tempDir(), "out.json")}`],
    ]) {
      const run = await dist([copyOf("Llama-4-Scout-support-bot"), ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("lic dist reports a checklist, not a bill of materials");
    }
  });

  it("the same fine-tune, fixed, is ready", async () => {
    const run = await dist([copyOf("Llama-4-Scout-support-bot"), "--format", "json"]);
    expect(run.report?.duties.filter((duty) => duty.status === "missing")).toEqual([]);
    expect(run.report?.verdict).toBe("ready");
    expect(run.code).toBe(0);
  });

  it("a RAIL derivative that does not pass its use restrictions on", async () => {
    const run = await dist([copyOf("rail-derivative"), "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.report?.licenses).toContain("creativeml-openrail-m");
    expect(statuses(run.report)).toMatchObject({
      "use-policy": ["missing"],
      "license-copy": ["missing"],
      "modification-notice": ["met"],
    });
    expect(run.report?.duties.find((duty) => duty.kind === "use-policy")?.clause).toMatchObject({ section: "§4.a" });
  });

  it("an Apache-2.0 fine-tune without a modification notice", async () => {
    const run = await dist([copyOf("apache-finetune"), "--format", "json"]);
    expect(run.code).toBe(1);
    expect(statuses(run.report)).toMatchObject({
      "license-copy": ["met"],
      "modification-notice": ["missing"],
      "card-relation": ["missing"],
    });
    expect(run.report?.duties.find((duty) => duty.kind === "modification-notice")?.clause).toMatchObject({
      section: "§4(b)",
    });
  });

  it("a GGUF whose header says another license than its card", async () => {
    const folder = copyOf("gguf-quant", "Llama-4-Scout-gguf");
    writeFileSync(
      join(folder, "Llama-4-Scout-Q4_K_M.gguf"),
      ggufHeader([
        ["general.architecture", "llama4"],
        ["general.license", "apache-2.0"],
        ["general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E"],
      ]),
    );
    const run = await dist([folder, "--format", "json"]);
    expect(run.code).toBe(1);
    const headers = run.report?.duties.filter((duty) => duty.kind === "weight-metadata");
    expect(headers).toEqual([
      expect.objectContaining({ status: "missing", found: "license apache-2.0", file: "Llama-4-Scout-Q4_K_M.gguf" }),
      expect.objectContaining({ status: "met", found: "base model meta-llama/Llama-4-Scout-17B-16E" }),
    ]);
    expect(run.report?.duties.filter((duty) => duty.status === "missing").map((duty) => duty.kind)).toEqual([
      "weight-metadata",
    ]);
  });

  it("a LoRA adapter: its parent from adapter_config.json, missing from the card", async () => {
    const run = await dist([copyOf("lora-adapter", "Llama-4-Scout-sql-lora"), "--format", "json"]);
    expect(run.report?.parents).toEqual([
      expect.objectContaining({ id: "meta-llama/Llama-4-Scout-17B-16E", relation: "adapter", from: "adapter-config" }),
    ]);
    expect(statuses(run.report)).toMatchObject({ "card-base-model": ["missing"], "card-relation": ["missing"] });
    expect(run.code).toBe(1);
  });

  it("a policy that keeps models internal forbids distributing any", async () => {
    const policy = join(tempDir(), "internal.yaml");
    writeFileSync(policy, "name: internal\ncontext:\n  distribution: internal-only\n");
    const run = await dist([copyOf("Llama-4-Scout-support-bot"), "--policy", policy, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.report?.duties[0]).toMatchObject({ kind: "distribution-allowed", status: "missing" });
  });
});

describe("lic dist: bad input", () => {
  it("a folder with no card", async () => {
    const folder = join(tempDir(), "bare");
    mkdirSync(folder);
    writeFileSync(join(folder, "config.json"), '{"model_type": "llama"}');
    const run = await dist([folder, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.report?.duties.find((duty) => duty.kind === "card-license")).toMatchObject({
      status: "missing",
      reason: "the model has no README.md",
    });
  });

  it("a card whose YAML is broken: said with its line, and --fix leaves the card alone", async () => {
    const folder = copyOf("apache-finetune");
    const broken = "---\nlicense: [apache-2.0\nbase_model: google-bert/bert-base-uncased\n---\n# x\n";
    writeFileSync(join(folder, "README.md"), broken);
    const run = await dist([folder, "--fix", "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.report?.duties.find((duty) => duty.kind === "card-license")?.reason).toMatch(
      /not valid YAML \(line \d+\)/,
    );
    expect(readFileSync(join(folder, "README.md"), "utf8")).toBe(broken);
  });

  it.each([
    ["a truncated safetensors header", safetensorsHeader({ format: "pt" }).subarray(0, 20), /truncated|the file has/],
    ["a huge declared safetensors length", safetensorsHeader({}, 2n ** 60n), /over the/],
    ["a GGUF with the wrong magic", ggufHeader([["general.license", "llama4"]], { magic: "GGJT" }), /wrong magic/],
  ])("%s: a clear reason, exit 1", async (_name, bytes, reason) => {
    const folder = copyOf("Llama-4-Scout-support-bot");
    writeFileSync(join(folder, /GGUF/.test(_name) ? "model.gguf" : "model.safetensors"), bytes);
    const run = await dist([folder, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.report?.duties.find((duty) => duty.kind === "weight-metadata")?.reason).toMatch(reason);
  });

  it("a 50 GB sparse weights file is read no further than its header", async () => {
    const folder = copyOf("Llama-4-Scout-support-bot");
    const weights = join(folder, "model-00001-of-00001.safetensors");
    writeFileSync(weights, safetensorsHeader({ format: "pt" }));
    truncateSync(weights, 50 * 1024 ** 3);
    const run = await dist([folder, "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.report?.read.bytesRead).toBeLessThan(1024 * 1024);
    expect(statSync(weights).size).toBe(50 * 1024 ** 3);
  });

  it("a symlink out of the folder is refused and reported", async () => {
    const outside = join(tempDir(), "elsewhere.txt");
    writeFileSync(outside, "private");
    const folder = copyOf("Llama-4-Scout-support-bot");
    symlinkSync(outside, join(folder, "tokenizer.json"));
    const run = await dist([folder, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.report?.duties.find((duty) => duty.kind === "folder-contents")).toMatchObject({
      status: "missing",
      file: "tokenizer.json",
    });
  });

  it.each([
    [["/no/such/folder"], /neither a folder .* nor a Hub repo/],
    [["folder-that-is-not-there/a/b"], /neither a folder/],
    [["org/model", "--fix"], /--fix and --dry-run write to a folder/],
    [[FIXTURES, "--force"], /--force .* give --fix too/],
    [[`${FIXTURES}SOURCES.tsv`], /is a file/],
  ])("usage: %j exits 2 and says why", async (args, message) => {
    const run = await dist(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("a Hub repo that does not exist: exit 3", async () => {
    const run = await dist(["nobody/missing-model"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/nobody\/missing-model/);
  });
});

/** The folder as a golden shows it: each file with its size and sha256, and the text of the short ones. */
function folderText(folder: string): string {
  return readdirSync(folder)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(folder, name));
      const head = `== ${name} (${bytes.length} bytes, sha256 ${createHash("sha256").update(bytes).digest("hex").slice(0, 16)})`;
      return bytes.length < 4096 ? `${head}\n${bytes.toString("utf8")}` : head;
    })
    .join("\n");
}

describe("lic dist --fix", () => {
  it.each([
    ["scout-support-bot", "scout-support-bot", 1],
    ["apache-finetune", "apache-finetune", 0],
    ["lora-adapter", "Llama-4-Scout-sql-lora", 0],
  ])("%s: the folder before and after, and the diff it printed", async (fixture, name, code) => {
    const folder = copyOf(fixture, name);
    const before = folderText(folder);
    const run = await dist([folder, "--fix", "--format", "json"]);
    expect(run.code).toBe(code);
    const diffs = run.report?.fixes?.applied.map((fix) => fix.diff).join("\n") ?? "";
    expectGolden(
      `dist-fix-${fixture}.txt`,
      `${before}\n\n--- after ---\n${folderText(folder)}\n\n--- diff ---\n${diffs}`,
    );
  });

  it("writes the Apache-2.0 license copy from lic's reference text, and the matcher then takes it as exact", async () => {
    const folder = copyOf("apache-finetune");
    const { rmSync } = await import("node:fs");
    rmSync(join(folder, "LICENSE"));
    const run = await dist([folder, "--fix", "--format", "json"]);
    expect(run.report?.fixes?.applied.map((fix) => [fix.path, fix.action])).toContainEqual(["LICENSE", "create"]);
    expect(run.report?.duties.find((duty) => duty.kind === "license-copy")).toMatchObject({
      status: "met",
      file: "LICENSE",
    });
    expect(readFileSync(join(folder, "LICENSE"), "utf8")).toBe(
      `${fixtureText("license-texts/apache-2.0.txt").trimEnd()}\n`,
    );
  });

  it("--dry-run prints the diff and writes nothing", async () => {
    const folder = copyOf("scout-support-bot");
    const before = folderText(folder);
    const run = await dist([folder, "--dry-run"]);
    expect(run.stdout).toContain("--dry-run: would write:");
    expect(run.stdout).toContain("--- /dev/null\n+++ b/NOTICE");
    expect(run.stdout).toContain("+Built with Llama");
    expect(folderText(folder)).toBe(before);
    expect(run.code).toBe(1);
  });

  it("never overwrites an edited license copy without --force, and replaces it with --force", async () => {
    const folder = copyOf("apache-finetune");
    const edited = fixtureText("license-texts/apache-2.0.txt").replace(
      "You must give any other recipients",
      "You may give any other recipients",
    );
    writeFileSync(join(folder, "LICENSE"), edited);
    const plain = await dist([folder, "--fix", "--format", "json"]);
    expect(plain.report?.fixes?.skipped).toContainEqual(
      expect.objectContaining({ path: "LICENSE", reason: expect.stringMatching(/not overwritten \(--force/) }),
    );
    expect(readFileSync(join(folder, "LICENSE"), "utf8")).toBe(edited);
    expect(plain.code).toBe(1);
    const forced = await dist([folder, "--fix", "--force", "--format", "json"]);
    expect(readFileSync(join(folder, "LICENSE"), "utf8")).not.toBe(edited);
    expect(forced.report?.duties.find((duty) => duty.kind === "license-copy")?.status).toBe("met");
  });

  it("never writes outside PATH, even through a symlink where a fix would write", async () => {
    const outside = tempDir();
    writeFileSync(join(outside, "README.md"), "someone else's card\n");
    const folder = copyOf("scout-support-bot");
    const { rmSync } = await import("node:fs");
    rmSync(join(folder, "README.md"));
    symlinkSync(join(outside, "README.md"), join(folder, "README.md"));
    symlinkSync(join(outside, "NOTICE"), join(folder, "NOTICE"));
    const run = await dist([folder, "--fix", "--force", "--format", "json"]);
    expect(readdirSync(outside)).toEqual(["README.md"]);
    expect(readFileSync(join(outside, "README.md"), "utf8")).toBe("someone else's card\n");
    expect(run.report?.fixes?.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "README.md", reason: expect.stringMatching(/symlink/) }),
        expect.objectContaining({ path: "NOTICE", reason: expect.stringMatching(/symlink/) }),
      ]),
    );
    expect(run.code).toBe(1);
  });
});
