import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DistReport } from "../../src/types/dist-report.js";
import type { JsonObject } from "../../src/types/snapshot.js";
import { FakeHub, type FakeModel } from "../support/fake-hub.js";
import { fixtureText } from "../support/fixtures.js";
import { ggufHeader } from "../support/gguf.js";
import { runLicIn } from "../support/run-lic.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
let hub: FakeHub;
const NOTICE =
  "Llama 4 is licensed under the Llama 4 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.\n";
const README = `---
license: llama4
base_model: meta-llama/Llama-4-Scout-17B-16E
base_model_relation: quantized
---
# Llama-4-Scout-gguf

Q4_K_M quantization of meta-llama/Llama-4-Scout-17B-16E. Built with Llama
`;

function model(
  id: string,
  sha: string,
  cardData: JsonObject,
  files: Record<string, string>,
  lfs: Record<string, Buffer> = {},
): FakeModel {
  const info: JsonObject = {
    _id: id,
    id,
    sha,
    tags: [],
    cardData,
    siblings: [...Object.keys(files), ...Object.keys(lfs)].map((rfilename) => ({ rfilename })),
  };
  return { info, files, lfsFiles: lfs };
}

beforeAll(async () => {
  const weights = Buffer.concat([
    ggufHeader([
      ["general.architecture", "llama4"],
      ["general.license", "apache-2.0"],
    ]),
    Buffer.alloc(256 * 1024, 7),
  ]);
  hub = FakeHub.of([
    model(
      "meta-llama/Llama-4-Scout-17B-16E",
      "4bd10c4dc905b4000d76640d07a552344146faec",
      { license: "other", license_name: "llama4" },
      {},
    ),
    model(
      "someone/Llama-4-Scout-gguf",
      "a".repeat(40),
      { license: "llama4", base_model: "meta-llama/Llama-4-Scout-17B-16E", base_model_relation: "quantized" },
      { "README.md": README, LICENSE: fixtureText("license-texts/llama4.txt"), NOTICE },
      { "Llama-4-Scout-Q4_K_M.gguf": weights },
    ),
  ]);
  await hub.start();
});
afterAll(() => hub.stop());

describe("lic dist org/name: a Hub repo before its release", () => {
  it("reads the GGUF header by a ranged request, and finds it disagrees with the card", async () => {
    const home = tempDir();
    const run = await runLicIn(["dist", "someone/Llama-4-Scout-gguf", "--format", "json"], {
      XDG_CACHE_HOME: `${home}/.cache`,
      HF_ENDPOINT: hub.url,
    });
    const report = JSON.parse(run.stdout) as DistReport;
    expect(report.target).toEqual({
      kind: "hub",
      id: "someone/Llama-4-Scout-gguf",
      revision: "main",
      sha: "a".repeat(40),
    });
    expect(report.name).toEqual({ value: "Llama-4-Scout-gguf", from: "repo" });
    expect(report.duties.filter((duty) => duty.status === "missing")).toEqual([
      expect.objectContaining({ kind: "weight-metadata", found: "license apache-2.0" }),
    ]);
    expect(hub.storageRequests.length).toBeGreaterThan(0);
    expect(hub.storageRequests.every((request) => request.range?.startsWith("bytes=0-"))).toBe(true);
    expect(report.read.bytesRead).toBeLessThan(128 * 1024);
    expect(run.code).toBe(1);
  });
});
