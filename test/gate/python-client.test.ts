import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeHub } from "../support/fake-hub.js";
import { dataset, squadDataset } from "../support/hub-datasets.js";
import { bertModel, unlicensedModel } from "../support/hub-models.js";
import { gateBehindNginx, useNginx } from "../support/nginx.js";
import { pythonClientVenv, runPythonClient } from "../support/python-client.js";
import { useTempDirs } from "../support/temp-dir.js";
import { useGates } from "../support/test-gate.js";

const tempDir = useTempDirs();
const startTestGate = useGates(tempDir);
const startNginx = useNginx(afterEach);

const WEIGHTS = randomBytes(2 * 1024 * 1024 + 5);
const BERT = "google-bert/bert-base-uncased";
const UNLICENSED = "dbmdz/bert-large-cased-finetuned-conll03-english";
const SQUAD = "rajpurkar/squad";
/** A dataset whose card declares no license: blocked by the default policy, as an unlicensed model is. */
const UNLICENSED_DATA = "someone/scraped-forum-posts";
const PARQUET = "plain_text/train-00000-of-00001.parquet";

let hub: FakeHub;
beforeAll(() => {
  pythonClientVenv();
}, 300_000);
beforeEach(async () => {
  hub = FakeHub.of(
    [
      { ...bertModel(), lfsFiles: { "model.safetensors": WEIGHTS } },
      { ...unlicensedModel(), files: { "config.json": "{}" }, lfsFiles: { "model.safetensors": WEIGHTS } },
    ],
    {
      datasets: [
        { ...squadDataset(), lfsFiles: { [PARQUET]: WEIGHTS } },
        { ...dataset(UNLICENSED_DATA, { language: ["en"] }), lfsFiles: { [PARQUET]: WEIGHTS } },
      ],
    },
  );
  await hub.start();
  return () => hub.stop();
});

/**
 * HF_ENDPOINT for each way the gate can be deployed: streaming itself, or behind nginx with --offload nginx; and
 * what the gate wrote there, if it is counted.
 */
const deployments: Record<string, () => Promise<{ endpoint: string; gateBytes: () => number }>> = {
  streaming: async () => ({ endpoint: (await startTestGate(hub)).url, gateBytes: () => Number.NaN }),
  "nginx offload": async () => {
    const { nginx, gateBytesWritten } = await gateBehindNginx(
      (publicUrl) => startTestGate(hub, { offload: "nginx", publicUrl }),
      startNginx,
      join(tempDir(), "nginx"),
    );
    return { endpoint: nginx.url, gateBytes: gateBytesWritten };
  },
};

describe.each(Object.entries(deployments))("huggingface_hub through the gate, %s", (name, deploy) => {
  it("hf download: an allowed model's weights are byte-identical; a blocked one fails with the policy's reason", async () => {
    const { endpoint, gateBytes } = await deploy();
    const dir = tempDir();
    const allowed = await runPythonClient(endpoint, dir, "hf", [
      "download",
      BERT,
      "model.safetensors",
      "--local-dir",
      join(dir, "bert"),
    ]);
    expect(allowed).toMatchObject({ ok: true, stderr: expect.not.stringMatching(/Error/) });
    expect(sha256(readFileSync(join(dir, "bert", "model.safetensors")))).toBe(sha256(WEIGHTS));
    if (name === "nginx offload") expect(gateBytes()).toBeLessThan(16 * 1024);

    const blocked = await runPythonClient(endpoint, dir, "hf", ["download", UNLICENSED, "model.safetensors"]);
    expect(blocked.ok).toBe(false);
    expect(blocked.stdout + blocked.stderr).toMatch(/is blocked by policy "default"/);
  }, 120_000);

  it("hf download --repo-type dataset: an allowed dataset's data byte-identical; an unlicensed one refused", async () => {
    const { endpoint } = await deploy();
    const dir = tempDir();
    const args = (id: string) => ["download", id, PARQUET, "--repo-type", "dataset", "--local-dir", join(dir, id)];
    const allowed = await runPythonClient(endpoint, dir, "hf", args(SQUAD));
    expect(allowed).toMatchObject({ ok: true, stderr: expect.not.stringMatching(/Error/) });
    expect(sha256(readFileSync(join(dir, SQUAD, PARQUET)))).toBe(sha256(WEIGHTS));

    const blocked = await runPythonClient(endpoint, dir, "hf", args(UNLICENSED_DATA));
    expect(blocked.ok).toBe(false);
    expect(blocked.stdout + blocked.stderr).toMatch(/is blocked by policy "default"/);
  }, 120_000);

  it("snapshot_download: the whole allowed model; the blocked one raises with the policy's reason", async () => {
    const { endpoint } = await deploy();
    const dir = tempDir();
    // Uncaught, as in a user's script: for a HEAD that failed, huggingface_hub raises LocalEntryNotFoundError
    // ("check your connection") from the gate's 403, whose message the traceback shows as the direct cause.
    const script =
      "import sys\nfrom huggingface_hub import snapshot_download\nsnapshot_download(sys.argv[1], local_dir=sys.argv[2])\n";
    const allowed = await runPythonClient(endpoint, dir, "python", ["-c", script, BERT, join(dir, "bert")]);
    expect(allowed).toMatchObject({ ok: true, stderr: "" });
    expect(sha256(readFileSync(join(dir, "bert", "model.safetensors")))).toBe(sha256(WEIGHTS));
    expect(readFileSync(join(dir, "bert", "LICENSE"), "utf8")).toContain("Apache License");

    const blocked = await runPythonClient(endpoint, dir, "python", ["-c", script, UNLICENSED, join(dir, "x")]);
    expect(blocked.ok).toBe(false);
    expect(blocked.stderr).toMatch(/HfHubHTTPError: 403 Forbidden: \S+ is blocked by policy "default"/);
  }, 120_000);
});

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
