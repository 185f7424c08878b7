import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_TEXT_BYTES, readLocalModel } from "../../src/dist/read-local-model.js";
import { safetensorsHeader } from "../support/gguf.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();

describe("reading a model folder", () => {
  it("refuses a symlink out of the folder and reads none of it", async () => {
    const outside = tempDir();
    writeFileSync(join(outside, "secret.txt"), "not for publishing");
    const folder = join(tempDir(), "model");
    mkdirSync(folder);
    writeFileSync(join(folder, "README.md"), "# model\n");
    symlinkSync(join(outside, "secret.txt"), join(folder, "LICENSE"));
    writeFileSync(join(folder, "inside.txt"), "x");
    symlinkSync(join(folder, "inside.txt"), join(folder, "NOTICE"));
    const read = await readLocalModel(folder);
    expect(read.refused).toEqual([{ path: "LICENSE", reason: expect.stringMatching(/symlink out of the folder/) }]);
    expect(read.snapshot.texts.map((file) => file.path)).toEqual(["README.md", "NOTICE"]);
    expect(read.snapshot.texts.some((file) => file.text.includes("not for publishing"))).toBe(false);
  });

  it("reads a 50 GB sparse safetensors file no further than its header", async () => {
    const folder = tempDir();
    const header = safetensorsHeader({ format: "pt" });
    const weights = join(folder, "model.safetensors");
    writeFileSync(weights, header);
    truncateSync(weights, 50 * 1024 ** 3);
    writeFileSync(join(folder, "README.md"), "---\nlicense: mit\n---\n");
    const read = await readLocalModel(folder);
    expect(read.weights).toEqual([expect.objectContaining({ path: "model.safetensors", problem: null })]);
    expect(read.bytesRead).toBe(header.length + 8 + "---\nlicense: mit\n---\n".length - 8);
  });

  it("reads at most the cap of a text file, and says it was truncated", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, "README.md"), "a".repeat(MAX_TEXT_BYTES + 10));
    const read = await readLocalModel(folder);
    expect(read.snapshot.texts[0]).toMatchObject({ bytes: MAX_TEXT_BYTES, truncated: true });
  });

  it("reports a card whose YAML is broken, with its line", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, "README.md"), "---\nlicense: [mit\n---\n");
    const read = await readLocalModel(folder);
    expect(read.cardError).toMatchObject({ line: expect.any(Number) });
    expect(read.snapshot.cardData).toBeNull();
  });
});
