import type { Policy } from "../../src/policy/policy.js";
import type { CheckResult, RunReport } from "../../src/types/result.js";
import { fixedReport } from "./fixed-report.js";
import { hubApiFixture, readmeFor } from "./fixtures.js";
import { builtInPolicy, check } from "./policies.js";
import { snapshotOf } from "./snapshots.js";

/** Recorded Hub models beyond the fixed report's, each with its card as its README. */
const MORE_FIXTURES = [
  "openai-community__gpt2",
  "HuggingFaceH4__zephyr-7b-beta",
  "deepset__roberta-base-squad2",
  "CompVis__stable-diffusion-v1-4",
  "meta-llama__Llama-3.2-3B.maruel-fixture",
];

/**
 * A run over `count` models, as a large scan gives one: the fixed report's results and five more recorded models, all
 * checked against the default policy (named with --policy, as the CLI reports it), repeated under numbered ids
 * (`org/model-9`) so every row is distinct.
 */
export function manyModelsReport(count: number): RunReport {
  const policy = builtInPolicy("default");
  const base = fixedReport();
  const checked = [...base.results, ...MORE_FIXTURES.map((name) => checkFixture(name, policy))];
  const results = Array.from({ length: count }, (_, index) =>
    renamed(checked[index % checked.length]!, index, checked.length),
  );
  return {
    ...base,
    policy: { name: policy.name, digest: policy.digest, chosenBy: "flag", context: contextOf(policy) },
    results,
  };
}

function checkFixture(name: string, policy: Policy): CheckResult {
  const info = hubApiFixture(name);
  return check(snapshotOf(info, [{ path: "README.md", role: "readme", text: readmeFor(info) }]), policy);
}

/** The result under `<id>-<n>` from the second round on, so a 100-model run has 100 distinct rows. */
function renamed(result: CheckResult, index: number, firstRound: number): CheckResult {
  if (index < firstRound) return result;
  const model = `${result.model}-${index}`;
  return { ...result, model, requested: { ...result.requested, model } };
}

function contextOf(policy: Policy): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(policy.context).flatMap(([key, setting]) => (setting ? [[key, setting.value]] : [])),
  );
}
