import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { acquireLineage, MAX_ANCESTORS, MAX_PARENTS_PER_MODEL } from "../../src/acquire/acquire-lineage.js";
import { acquireSnapshot } from "../../src/acquire/acquire-snapshot.js";
import { FsSnapshotStore } from "../../src/acquire/store/fs-snapshot-store.js";
import { checkModel } from "../../src/evaluate/check-model.js";
import type { CheckResult } from "../../src/types/result.js";
import { FakeHub, type FakeModel } from "../support/fake-hub.js";
import { fixtureText, readmeFor } from "../support/fixtures.js";
import { HostileHub } from "../support/hostile-hub.js";
import { fakeModel } from "../support/hub-models.js";
import { builtInPolicy, checkOptions } from "../support/policies.js";
import { useTempDirs } from "../support/temp-dir.js";

const tempDir = useTempDirs();
let hub: FakeHub;

const model = fakeModel;

const llama4Base = model("meta-llama/Llama-4-Scout-17B-16E", { license: "other", license_name: "llama4" }, [
  "license:other",
]);

async function start(models: FakeModel[], renames: Record<string, string> = {}) {
  hub = FakeHub.of(models, { renames });
  await hub.start();
}
afterEach(() => hub?.stop());

async function checkWithLineage(id: string, maxDepth = 8, cacheDir = tempDir()): Promise<CheckResult> {
  const cache = new FsSnapshotStore(cacheDir, hub.url);
  const options = {
    hub: { endpoint: hub.url, timeoutMs: 5000, sleep: async () => undefined, maxRetries: 0 },
    cache,
    offline: false,
  };
  const snapshot = await acquireSnapshot({ id, revision: null }, options);
  const lineage = await acquireLineage(snapshot, { ...options, maxDepth, concurrency: 4 });
  return checkModel(snapshot, builtInPolicy("default"), checkOptions({ lineage }));
}

describe("lineage", () => {
  it("inherits the base's license through a relabelled quantization, and says so", async () => {
    const quant = model(
      "someone/scout-fp8",
      { license: "apache-2.0", base_model: "meta-llama/Llama-4-Scout-17B-16E" },
      ["license:apache-2.0", "base_model:quantized:meta-llama/Llama-4-Scout-17B-16E"],
      { "README.md": "", LICENSE: fixtureText("license-texts/apache-2.0.txt") },
    );
    quant.files!["README.md"] = readmeFor(quant.info);
    await start([quant, llama4Base]);
    const result = await checkWithLineage("someone/scout-fp8");
    expect(result.license.ids).toEqual(["apache-2.0", "llama4"]);
    expect(result.license.licenses[1]).toMatchObject({
      id: "llama4",
      sources: ["inherited"],
      evidence: [
        { source: "api", field: "lineage", value: expect.stringContaining("meta-llama/Llama-4-Scout-17B-16E@") },
      ],
    });
    expect(result.lineage).toEqual([
      expect.objectContaining({
        id: "meta-llama/Llama-4-Scout-17B-16E",
        relation: "quantized",
        depth: 1,
        parent: "someone/scout-fp8",
        licenses: ["llama4"],
        unavailable: null,
      }),
    ]);
    const codes = result.findings.map((finding) => finding.code);
    expect(codes).toContain("license-laundering");
    const missed = result.findings
      .filter((finding) => finding.code === "lineage-obligation-missed")
      .map((finding) => finding.code === "lineage-obligation-missed" && finding.args.obligation);
    expect(missed).toEqual(expect.arrayContaining(["name-prefix", "include-license-copy", "notice-file"]));
  });

  it("follows a stale base_model name through the Hub's rename", async () => {
    const child = model("org/tuned", { license: "llama3.1", base_model: "meta-llama/Meta-Llama-3.1-8B" });
    await start([child, model("meta-llama/Llama-3.1-8B", { license: "llama3.1" }, ["license:llama3.1"])], {
      "meta-llama/Meta-Llama-3.1-8B": "meta-llama/Llama-3.1-8B",
    });
    const result = await checkWithLineage("org/tuned");
    expect(result.lineage.map((ancestor) => [ancestor.id, ancestor.licenses])).toEqual([
      ["meta-llama/Llama-3.1-8B", ["llama3.1"]],
    ]);
  });

  it("inherits every parent's license in a merge of differently licensed parents", async () => {
    const merged = model("org/merged", { license: "mit", base_model: ["org/apache-base", "org/nc-base"] });
    await start([
      merged,
      model("org/apache-base", { license: "apache-2.0" }),
      model("org/nc-base", { license: "cc-by-nc-4.0" }),
    ]);
    const result = await checkWithLineage("org/merged");
    expect(result.license.ids).toEqual(["mit", "apache-2.0", "cc-by-nc-4.0"]);
    expect(result.lineage.map((ancestor) => ancestor.relation)).toEqual(["merge", "merge"]);
  });

  it("reports a wrong base_model and a gated ancestor as unavailable", async () => {
    const child = model("org/child", { license: "mit", base_model: ["org/nonexistent", "org/gated"] });
    await start([child, model("org/gated", { license: "llama3" })]);
    hub.script(/^\/api\/models\/org\/gated\//, {
      status: 403,
      headers: { "x-error-code": "GatedRepo", "x-error-message": "Access to model org/gated is restricted." },
    });
    const result = await checkWithLineage("org/child");
    expect(result.lineage.map((ancestor) => [ancestor.id, ancestor.unavailable?.reason])).toEqual([
      ["org/gated", "gated"],
      ["org/nonexistent", "repo-not-found"],
    ]);
    expect(result.findings.filter((finding) => finding.code === "ancestor-unavailable")).toHaveLength(2);
  });

  it("cuts a cycle and reports it", async () => {
    await start([
      model("org/a", { license: "mit", base_model: "org/b" }),
      model("org/b", { license: "mit", base_model: "org/a" }),
    ]);
    const result = await checkWithLineage("org/a");
    expect(result.lineage.map((ancestor) => [ancestor.id, ancestor.unavailable?.reason ?? null])).toEqual([
      ["org/b", null],
      ["org/a", "cycle"],
    ]);
  });

  it("walks a deep chain to its root, and stops at --max-depth", async () => {
    const chain = Array.from({ length: 6 }, (_, index) =>
      model(`org/m${index}`, {
        license: index === 5 ? "llama2" : "mit",
        ...(index < 5 ? { base_model: `org/m${index + 1}` } : {}),
      }),
    );
    await start(chain);
    const full = await checkWithLineage("org/m0");
    expect(full.lineage.map((ancestor) => ancestor.depth)).toEqual([1, 2, 3, 4, 5]);
    expect(full.license.ids).toContain("llama2");
    const shallow = await checkWithLineage("org/m0", 2);
    expect(shallow.lineage.map((ancestor) => [ancestor.id, ancestor.unavailable?.reason ?? null])).toEqual([
      ["org/m1", null],
      ["org/m2", null],
      ["org/m3", "max-depth"],
    ]);
  });

  it("reads each ancestor once, with one metadata request, and none warm at a pinned commit", async () => {
    await start([
      model("org/child", { license: "mit", base_model: "org/base" }),
      model("org/base", { license: "apache-2.0" }),
    ]);
    const cacheDir = tempDir();
    await checkWithLineage("org/child", 8, cacheDir);
    expect(hub.requests.filter((request) => request.path.startsWith("/api/models/org/base/")).length).toBe(1);
    expect(hub.requests.filter((request) => request.path.startsWith("/org/base/")).length).toBe(0);
    hub.requests.length = 0;
    const cache = new FsSnapshotStore(cacheDir, hub.url);
    const options = { hub: { endpoint: hub.url, timeoutMs: 5000 }, cache, offline: false };
    const sha = String(model("org/child", {}).info["sha"]);
    const snapshot = await acquireSnapshot({ id: "org/child", revision: sha }, options);
    const lineage = await acquireLineage(snapshot, { ...options, maxDepth: 8, concurrency: 4 });
    expect(hub.requests).toEqual([]);
    expect(lineage.ancestors.map((ancestor) => ancestor.id)).toEqual(["org/base"]);
  });
});

describe("lineage breadth (M4) and echoed tokens (H1), against a hostile Hub", () => {
  const hostile = new HostileHub();
  const TOKEN = "corp-internal-rt-TOKEN-7f3a";
  beforeAll(() => hostile.start());
  afterAll(() => hostile.stop());

  async function lineageOf(id: string, cacheDir: string | null = null) {
    const cache = cacheDir ? new FsSnapshotStore(cacheDir, hostile.url) : null;
    const options = {
      hub: { endpoint: hostile.url, token: TOKEN, timeoutMs: 10_000, sleep: async () => undefined, maxRetries: 0 },
      cache,
      offline: false,
    };
    const snapshot = await acquireSnapshot({ id, revision: null }, options);
    return { snapshot, lineage: await acquireLineage(snapshot, { ...options, maxDepth: 8, concurrency: 8 }) };
  }

  it(`reads at most ${MAX_PARENTS_PER_MODEL} of 3,000 parents, reports the rest as max-breadth, and caches the cut lineage`, async () => {
    const cacheDir = tempDir();
    const { snapshot, lineage } = await lineageOf("x/manyparents.m4", cacheDir);
    expect(hostile.requestsTo("/api/models/x/none.")).toHaveLength(MAX_PARENTS_PER_MODEL);
    const cut = lineage.ancestors.filter((ancestor) => ancestor.unavailable?.reason === "max-breadth");
    expect(cut).toEqual([
      expect.objectContaining({
        id: `x/none.p${MAX_PARENTS_PER_MODEL}`,
        parent: "x/manyparents.m4",
        unavailable: {
          reason: "max-breadth",
          message: `x/manyparents.m4 names 3000 parents, and lic reads at most 16 a model; x/none.p16 and 2983 more not read`,
        },
      }),
    ]);
    expect(lineage.complete).toBe(true);
    const result = checkModel(snapshot, builtInPolicy("default"), checkOptions({ lineage }));
    expect(
      result.findings.filter(
        (finding) => finding.code === "ancestor-unavailable" && finding.args.reason === "max-breadth",
      ),
    ).toHaveLength(1);

    hostile.requests.length = 0;
    const cache = new FsSnapshotStore(cacheDir, hostile.url);
    expect(await cache.readLineage(snapshot.id, snapshot.sha)).toEqual(lineage);
  });

  it("an ancestor whose 403 echoes the token: the ancestor-unavailable message is clean, in memory and in the cache", async () => {
    const cacheDir = tempDir();
    const { snapshot, lineage } = await lineageOf("x/echoparent.h1", cacheDir);
    const unavailable = lineage.ancestors.find((ancestor) => ancestor.id === "x/echo403")?.unavailable;
    expect(unavailable).toMatchObject({ reason: "forbidden", message: expect.stringContaining("Bearer [token]") });
    expect(JSON.stringify(lineage)).not.toContain(TOKEN);
    const result = checkModel(snapshot, builtInPolicy("default"), checkOptions({ lineage }));
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    for (const file of readdirSync(cacheDir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith(".json"))) {
      expect(readFileSync(join(cacheDir, file), "utf8"), file).not.toContain(TOKEN);
    }
  });
});

describe("lineage breadth in all", () => {
  it(`reads at most ${MAX_ANCESTORS} ancestors, however wide the tree`, async () => {
    // 8 parents, each with 12 parents of its own: 104 ancestors, of which 64 are read.
    const leaves = (parent: number) => Array.from({ length: 12 }, (_, leaf) => `org/leaf-${parent}-${leaf}`);
    const parents = Array.from({ length: 8 }, (_, parent) =>
      model(`org/parent-${parent}`, { license: "mit", base_model: leaves(parent) }),
    );
    const all = [
      model("org/wide", { license: "mit", base_model: parents.map((parent) => String(parent.info["id"])) }),
      ...parents,
      ...Array.from({ length: 8 }, (_, parent) => leaves(parent).map((id) => model(id, { license: "mit" }))).flat(),
    ];
    await start(all);
    const result = await checkWithLineage("org/wide");
    const read = result.lineage.filter((ancestor) => ancestor.unavailable === null);
    expect(read).toHaveLength(MAX_ANCESTORS);
    expect(hub.requests.filter((request) => request.path.startsWith("/api/models/org/")).length).toBe(
      1 + MAX_ANCESTORS,
    );
    expect(result.lineage.filter((ancestor) => ancestor.unavailable?.reason === "max-breadth")).toEqual([
      expect.objectContaining({
        unavailable: {
          reason: "max-breadth",
          message: expect.stringMatching(
            /^the lineage has more than 64 ancestors, the most lic reads; org\/leaf-\d-\d+ and 39 more not read$/,
          ),
        },
      }),
    ]);
  });
});
