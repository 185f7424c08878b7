import { checkModel } from "../../src/evaluate/check-model.js";
import type { CheckResult, DatasetUsed, RunReport } from "../../src/types/result.js";
import type { Ancestor, JsonValue } from "../../src/types/snapshot.js";
import { fixtureText, hubApiFixture, readmeFor } from "./fixtures.js";
import { builtInPolicy, checkOptions } from "./policies.js";
import { snapshotOf } from "./snapshots.js";

/** The runs the BOM goldens are written from: each the real check of a snapshot, under the built-in default policy. */
export const BOM_CASES = {
  permissive: () => runOf(permissiveResult()),
  "llama4-quantization": () => runOf(llama4QuantizationResult()),
  "merge-of-two-parents": () => runOf(mergeResult()),
  "with-datasets": () => runOf(withDatasets(permissiveResult())),
} satisfies Record<string, () => RunReport>;

export function runOf(...results: CheckResult[]): RunReport {
  return {
    tool: { name: "lic", version: "0.0.0-test" },
    policy: { name: "default", digest: builtInPolicy("default").digest, chosenBy: "flag" },
    generatedAt: "2026-11-26T12:00:00.000Z",
    results,
    errors: [],
  };
}

/** google-bert/bert-base-uncased: apache-2.0 declared, its LICENSE the Apache text. */
export function permissiveResult(): CheckResult {
  const bert = hubApiFixture("google-bert__bert-base-uncased");
  return checkModel(
    snapshotOf(bert, [
      { path: "README.md", role: "readme", text: readmeFor(bert) },
      { path: "LICENSE", role: "license", text: fixtureText("license-texts/apache-2.0.txt") },
    ]),
    builtInPolicy("default"),
    checkOptions(),
  );
}

/** An FP8 quantization of Llama 4 Scout relabelled apache-2.0: it ships the Llama 4 LICENSE, its base declares llama4. */
export function llama4QuantizationResult(): CheckResult {
  const snapshot = snapshotOf(
    {
      id: "quant-lab/Llama-4-Scout-17B-16E-Instruct-FP8",
      sha: "c".repeat(40),
      tags: ["license:apache-2.0", "base_model:quantized:meta-llama/Llama-4-Scout-17B-16E-Instruct"],
      cardData: {
        license: "apache-2.0",
        base_model: "meta-llama/Llama-4-Scout-17B-16E-Instruct",
        base_model_relation: "quantized",
      },
    },
    [{ path: "LICENSE", role: "license", text: fixtureText("license-texts/llama4.txt") }],
  );
  const base = ancestor("meta-llama/Llama-4-Scout-17B-16E-Instruct", "d", { license: "llama4" }, "quantized");
  return checkModel(
    snapshot,
    builtInPolicy("default"),
    checkOptions({ lineage: { ancestors: [{ ...base, parent: snapshot.id }], complete: true } }),
  );
}

/** A merge of an apache-2.0 model and an MIT one, declared MIT. */
export function mergeResult(): CheckResult {
  const snapshot = snapshotOf({
    id: "merger/two-in-one-7b",
    sha: "e".repeat(40),
    tags: ["license:mit", "base_model:merge:org-a/base-a", "base_model:merge:org-b/base-b"],
    cardData: { license: "mit", base_model: ["org-a/base-a", "org-b/base-b"], base_model_relation: "merge" },
  });
  const parents = [
    ancestor("org-a/base-a", "1", { license: "apache-2.0" }, "merge"),
    ancestor("org-b/base-b", "2", { license: "mit" }, "merge"),
  ].map((parent) => ({ ...parent, parent: snapshot.id }));
  return checkModel(
    snapshot,
    builtInPolicy("default"),
    checkOptions({ lineage: { ancestors: parents, complete: true } }),
  );
}

/** The result with the datasets its card names: one read, one a source of it, one that could not be read. */
export function withDatasets(result: CheckResult): CheckResult {
  const declaredBy = { kind: "model" as const, id: result.model, sha: result.revision };
  const datasets: DatasetUsed[] = [
    dataset("bookcorpus/bookcorpus", "f".repeat(40), declaredBy, "datasets", 1, [
      { id: "cc-by-4.0", name: "Creative Commons Attribution 4.0", known: true },
    ]),
    dataset(
      "wikimedia/wikipedia",
      "9".repeat(40),
      { kind: "dataset", id: "bookcorpus/bookcorpus", sha: "f".repeat(40) },
      "source_datasets",
      2,
      [{ id: "cc-by-sa-3.0", name: "Creative Commons Attribution Share Alike 3.0", known: true }],
    ),
    {
      ...dataset("private-org/held-out", null, declaredBy, "datasets", 1, []),
      unavailable: { reason: "gated", message: "private-org/held-out is gated: no access was granted" },
    },
  ];
  return { ...result, datasets };
}

function dataset(
  id: string,
  sha: string | null,
  declaredBy: DatasetUsed["declaredBy"],
  via: DatasetUsed["via"],
  depth: number,
  licenses: DatasetUsed["licenses"],
): DatasetUsed {
  return { id, sha, declaredBy, via, depth, licenses, gated: false, evidence: [], unavailable: null };
}

function ancestor(
  id: string,
  shaDigit: string,
  cardData: Record<string, JsonValue>,
  relation: Ancestor["relation"],
): Ancestor {
  const sha = shaDigit.repeat(40);
  return {
    id,
    sha,
    relation,
    depth: 1,
    parent: "",
    licenses: [],
    snapshot: snapshotOf({ id, sha, tags: [`license:${cardData["license"]}`], cardData }),
    unavailable: null,
  };
}
