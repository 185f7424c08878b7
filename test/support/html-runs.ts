import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { policyUsed } from "../../src/cli/commands/check.js";
import type { Policy } from "../../src/policy/policy.js";
import type { CheckResult, PolicyUsed, RunReport } from "../../src/types/result.js";
import type { JsonObject, ModelSnapshot } from "../../src/types/snapshot.js";
import { fixtureText, hubApiFixture, readmeFor } from "./fixtures.js";
import { builtInPolicy, check } from "./policies.js";
import { snapshotOf } from "./snapshots.js";

/*
 * The runs the HTML report is measured on (goldens, screenshots, printed pages), from real fixtures only.
 * is15-r2 adds test/support/many-models-report.ts, built the same way: once both are merged, this file should build
 * on it rather than keep a second copy.
 */

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const GENERATED_AT = "2026-11-26T12:00:00.000Z";

/** Every recorded `GET /api/models/{id}` body (not the `.meta.json` headers or other endpoints' variants). */
function hubApiSnapshots(): ModelSnapshot[] {
  return readdirSync(`${FIXTURES}hub-api`)
    .filter((name) => /^[^.]+\.json$/.test(name))
    .sort()
    .map((name) => {
      const info = hubApiFixture(name.replace(/\.json$/, ""));
      return snapshotOf(info, [{ path: "README.md", role: "readme", text: readmeFor(info) }]);
    });
}

/** Every recorded model card, as a repo named after its file whose README is the card, with the license tag it declares. */
function modelCardSnapshots(): ModelSnapshot[] {
  return readdirSync(`${FIXTURES}model-cards`)
    .sort()
    .map((name, index) => {
      const text = fixtureText(`model-cards/${name}`);
      const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
      const cardData = frontMatter ? (parse(frontMatter) as JsonObject) : null;
      const license = cardData?.["license"];
      const id = name.replace(/(\.README|\.MODEL_CARD\.[\w-]+)?\.md$/, "").replace("__", "/");
      return snapshotOf(
        {
          id: id.includes("/") ? id : `community/${id}`,
          sha: index.toString(16).padStart(40, "c"),
          tags: typeof license === "string" ? [`license:${license}`] : [],
          ...(cardData ? { cardData } : {}),
        },
        [{ path: "README.md", role: "readme", text }],
      );
    });
}

/** The `index`th recording; past the last, the same repo again under a mirror's namespace (a relabelled re-upload). */
function nthSnapshot(sources: ModelSnapshot[], index: number): ModelSnapshot {
  const source = sources[index % sources.length]!;
  const round = Math.floor(index / sources.length);
  if (round === 0) return source;
  const id = `mirror-${round}/${source.id.split("/").at(-1)}`;
  return { ...source, id, requestedId: id, sha: (index + 1).toString(16).padStart(40, "d") };
}

function runOf(policy: PolicyUsed, results: CheckResult[], errors: RunReport["errors"] = []): RunReport {
  return { tool: { name: "lic", version: "0.0.0-test" }, policy, generatedAt: GENERATED_AT, results, errors };
}

/**
 * One model, under the permissive default because no policy was named (the warning a reviewer must see): Meta Llama
 * 3, gated, so its findings, evidence, lineage and duties are all there.
 */
export function oneModelRun(): RunReport {
  const policy = builtInPolicy("default");
  const llama = snapshotOf(hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct"));
  return runOf(policyUsed(policy, "default"), [check(llama, policy)]);
}

/**
 * `count` models from every recording, checked under the `eu` policy named with --policy (so its context is stated),
 * and one model that could not be checked: a project's worth, as the 29-model run of the issue.
 */
export function manyModelsRun(count: number): RunReport {
  const policy: Policy = builtInPolicy("eu");
  const sources = [...hubApiSnapshots(), ...modelCardSnapshots()];
  const results = Array.from({ length: count }, (_, index) => check(nthSnapshot(sources, index), policy));
  return runOf(policyUsed(policy, "flag"), results, [
    {
      model: "nobody/nothing",
      revision: null,
      kind: "repo-not-found",
      message: "nobody/nothing: no such model on https://huggingface.co, or it is private",
    },
  ]);
}
