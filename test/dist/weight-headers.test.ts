import { describe, expect, it } from "vitest";
import { MAX_GGUF_HEADER_READ, readGgufHeader } from "../../src/dist/read-gguf-header.js";
import { MAX_SAFETENSORS_HEADER, readSafetensorsHeader } from "../../src/dist/read-safetensors-header.js";
import type { ReadAt } from "../../src/dist/weight-file.js";
import { ggufHeader, safetensorsHeader } from "../support/gguf.js";

/** A file of `bytes` followed by `padding` zero bytes never read, counting what is read. */
function fileOf(bytes: Buffer, padding = 0) {
  const size = bytes.length + padding;
  let read = 0;
  const readAt: ReadAt = async (offset, length) => {
    const end = Math.min(size, offset + length);
    read += Math.max(0, end - offset);
    const out = Buffer.alloc(Math.max(0, end - offset));
    if (offset < bytes.length) bytes.copy(out, 0, offset, Math.min(bytes.length, end));
    return out;
  };
  return { readAt, size, read: () => read };
}

describe("GGUF header", () => {
  it("reads general.license, general.name and the base models, skipping a vocabulary", async () => {
    const file = fileOf(
      ggufHeader([
        ["general.architecture", "llama4"],
        ["general.name", "Llama 4 Scout 17B 16E"],
        ["general.license", "apache-2.0"],
        ["general.base_model.count", 1],
        ["general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E"],
        ["tokenizer.ggml.tokens", { strings: ["<s>", "</s>", "hello"] }],
        ["llama4.context_length", 8192],
      ]),
      1024 * 1024 * 1024,
    );
    const header = await readGgufHeader(file.readAt, file.size);
    expect(header).toMatchObject({
      license: "apache-2.0",
      name: "Llama 4 Scout 17B 16E",
      baseModels: ["meta-llama/Llama-4-Scout-17B-16E"],
      problem: null,
    });
    expect(file.read()).toBeLessThanOrEqual(MAX_GGUF_HEADER_READ);
  });

  it.each([
    ["wrong magic", ggufHeader([["general.license", "mit"]], { magic: "GGML" }), /wrong magic/],
    ["a huge key count", ggufHeader([], { keyCount: 2n ** 62n }), /declares \d+ keys/],
    ["a truncated key", ggufHeader([["general.license", "mit"]]).subarray(0, 40), /truncated/],
    ["a file shorter than the magic", Buffer.from("GG"), /truncated/],
  ])("refuses %s with a reason", async (_name, bytes, reason) => {
    const file = fileOf(bytes);
    const header = await readGgufHeader(file.readAt, file.size);
    expect(header.problem).toMatch(reason);
    expect(header.license).toBeNull();
  });

  it("stops at its budget inside a vocabulary larger than the budget, keeping the keys before it", async () => {
    const vocabulary = Array.from({ length: 40_000 }, (_, index) => `token-${index}`);
    const file = fileOf(
      ggufHeader([
        ["general.license", "llama4"],
        ["tokenizer.ggml.tokens", { strings: vocabulary }],
        ["general.name", "after the vocabulary"],
      ]),
    );
    const header = await readGgufHeader(file.readAt, file.size);
    expect(header).toMatchObject({ license: "llama4", name: null, problem: null });
    expect(file.read()).toBeLessThanOrEqual(MAX_GGUF_HEADER_READ);
  });
});

describe("safetensors header", () => {
  it("reads __metadata__ and nothing past the header", async () => {
    const file = fileOf(safetensorsHeader({ format: "pt", license: "llama4" }), 50 * 1024 ** 3);
    const header = await readSafetensorsHeader(file.readAt, file.size);
    expect(header).toMatchObject({ license: "llama4", metadata: { format: "pt" }, problem: null });
    expect(file.read()).toBe(safetensorsHeader({ format: "pt", license: "llama4" }).length);
  });

  it.each([
    ["a declared length over the bound", safetensorsHeader({}, BigInt(MAX_SAFETENSORS_HEADER) + 1n), 0, /over the/],
    ["a declared length past the end", safetensorsHeader({}, 4096n), 0, /the file has/],
    ["a file shorter than the length", Buffer.from([1, 2, 3]), 0, /shorter than the 8-byte/],
    [
      "a header that is not JSON",
      Buffer.concat([safetensorsHeader({}).subarray(0, 8), Buffer.alloc(26, 0x7b)]),
      0,
      /not valid JSON/,
    ],
  ])("refuses %s", async (_name, bytes, padding, reason) => {
    const file = fileOf(bytes, padding);
    expect((await readSafetensorsHeader(file.readAt, file.size)).problem).toMatch(reason);
  });
});
