import { policyUsed } from "../../src/cli/commands/check.js";
import type { RunReport } from "../../src/types/result.js";
import { hubApiFixture } from "./fixtures.js";
import { manyModelsReport } from "./many-models-report.js";
import { builtInPolicy, check } from "./policies.js";
import { snapshotOf } from "./snapshots.js";

/* The runs the HTML report is measured on (goldens, screenshots, printed pages), from real fixtures only. */

/**
 * One model, under the permissive default because no policy was named (the warning a reviewer must see): Meta Llama
 * 3, gated, so its findings, evidence, lineage and duties are all there.
 */
export function oneModelRun(): RunReport {
  const policy = builtInPolicy("default");
  const llama = snapshotOf(hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct"));
  const report = manyModelsReport(0);
  return { ...report, policy: policyUsed(policy, "default"), results: [check(llama, policy)], errors: [] };
}

/**
 * `count` models from every recording, checked under the `eu` policy named with --policy (so its context is stated),
 * and one model that could not be checked: a project's worth, as the 29-model run of the issue.
 */
export function manyModelsRun(count: number): RunReport {
  return manyModelsReport(count, { policy: builtInPolicy("eu"), chosenBy: "flag" });
}
