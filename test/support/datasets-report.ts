import { checkModel } from "../../src/evaluate/check-model.js";
import type { Evidence } from "../../src/types/finding.js";
import type { CheckResult, RunReport } from "../../src/types/result.js";
import type { JsonObject, ModelSnapshot } from "../../src/types/snapshot.js";
import type { DatasetLink, TrainingData } from "../../src/types/training-data.js";
import { hubApiFixture, readmeFor } from "./fixtures.js";
import { manyModelsReport } from "./many-models-report.js";
import { builtInPolicy, checkOptions } from "./policies.js";
import { snapshotOf } from "./snapshots.js";

/*
 * Runs with training data, for the reports' dataset sections. The model is HuggingFaceH4/zephyr-7b-beta's recorded
 * API body with its card's `datasets:` changed to name an NC dataset and one that cannot be read; the dataset cards
 * are tatsu-lab/alpaca's and yizhongw/self_instruct's front matter as the Hub shows them, alpaca's given a
 * `source_datasets:` entry so that self_instruct stands at depth 2. Dataset commits are made up (40 hex digits).
 */

const ALPACA = "tatsu-lab/alpaca";
const ALPACA_SHA = "dce01c9b08f87459cf36a430d809084718273017";
const SELF_INSTRUCT = "yizhongw/self_instruct";
const SELF_INSTRUCT_SHA = "2f5b6e6a4b3e7c1d9a8f0e1d2c3b4a5968778695";
const MISSING = "HuggingFaceH4/internal-preferences";

const alpacaCard: JsonObject = {
  license: "cc-by-nc-4.0",
  language: ["en"],
  tags: ["instruction-finetuning"],
  pretty_name: "Alpaca",
  task_categories: ["text-generation"],
  source_datasets: [SELF_INSTRUCT],
};

/** A model whose card names three datasets' worth of training data: NC with its finding, unreadable, a source. */
export function modelWithDatasetsReport(): RunReport {
  const zephyr = hubApiFixture("HuggingFaceH4__zephyr-7b-beta");
  const cardData = { ...(zephyr["cardData"] as JsonObject), datasets: [ALPACA, MISSING] };
  const tags = (zephyr["tags"] as string[]).filter((tag) => !tag.startsWith("dataset:"));
  const info = { ...zephyr, cardData, tags: [...tags, `dataset:${ALPACA}`, `dataset:${MISSING}`] };
  const readme = readmeFor(info);
  const snapshot = snapshotOf(info, [{ path: "README.md", role: "readme", text: readme }]);
  const declaredBy = { kind: "model" as const, id: snapshot.id, sha: snapshot.sha };
  const named = (index: number, id: string) => cardEvidence(readme, ["datasets", index], id, snapshot.sha);
  const trainingData: TrainingData = {
    datasets: [
      { ...alpacaLink(declaredBy, 1), evidence: [named(0, ALPACA)] },
      {
        id: MISSING,
        sha: null,
        declaredBy,
        via: "datasets",
        depth: 1,
        evidence: [named(1, MISSING)],
        unavailable: {
          reason: "repo-not-found",
          message: `${MISSING}: no such dataset on https://huggingface.co, or it is private; check the id, or pass a token with read access (--token or HF_TOKEN)`,
        },
      },
      selfInstructLink(2),
    ],
    complete: true,
  };
  return withResult(checkWith(snapshot, trainingData));
}

/** tatsu-lab/alpaca checked on its own (`lic check dataset:tatsu-lab/alpaca`): its license, and its source dataset. */
export function datasetOnItsOwnReport(): RunReport {
  return withResult(checkWith(alpacaSnapshot(), { datasets: [selfInstructLink(1)], complete: true }));
}

/** The real evaluation, with the training data acquisition would have read. */
function checkWith(snapshot: ModelSnapshot, trainingData: TrainingData): CheckResult {
  return checkModel(snapshot, builtInPolicy("default"), checkOptions({ trainingData }));
}

function alpacaSnapshot(): ModelSnapshot {
  const info = {
    id: ALPACA,
    sha: ALPACA_SHA,
    cardData: alpacaCard,
    tags: ["task_categories:text-generation", "language:en", "license:cc-by-nc-4.0", "instruction-finetuning"],
  };
  return {
    ...snapshotOf(info, [{ path: "README.md", role: "readme", text: readmeFor(info) }]),
    repoType: "dataset" as const,
  };
}

/** tatsu-lab/alpaca as the training-data walk reads it: its metadata alone. */
function alpacaLink(declaredBy: DatasetLink["declaredBy"], depth: number): DatasetLink {
  const { texts: _, ...metadata } = alpacaSnapshot();
  return {
    id: ALPACA,
    sha: ALPACA_SHA,
    declaredBy,
    via: "datasets",
    depth,
    evidence: [],
    snapshot: { ...metadata, texts: [] },
    unavailable: null,
  };
}

/** yizhongw/self_instruct, named by alpaca's `source_datasets:`; `depth` 2 under a model, 1 under alpaca itself. */
function selfInstructLink(depth: number): DatasetLink {
  const alpacaReadme = readmeFor({ cardData: alpacaCard });
  const info = { id: SELF_INSTRUCT, sha: SELF_INSTRUCT_SHA, cardData: { license: "apache-2.0", language: ["en"] } };
  return {
    id: SELF_INSTRUCT,
    sha: SELF_INSTRUCT_SHA,
    declaredBy: { kind: "dataset", id: ALPACA, sha: ALPACA_SHA },
    via: "source_datasets",
    depth,
    evidence: [cardEvidence(alpacaReadme, ["source_datasets", 0], SELF_INSTRUCT, ALPACA_SHA)],
    snapshot: { ...snapshotOf({ ...info, tags: ["license:apache-2.0"] }), repoType: "dataset" },
    unavailable: null,
  };
}

/** Where `value` stands in the README's front matter, as the card evidence of a key names it. */
function cardEvidence(readme: string, path: (string | number)[], value: string, commit: string): Evidence {
  const lines = readme.split("\n");
  const index = lines.findIndex((line) => line.endsWith(` ${value}`));
  if (index < 0) throw new Error(`${value} is not in the README`);
  return { source: "card", path, file: "README.md", line: index + 1, quote: lines[index]!.trim(), commit };
}

/** The run around one result: the fixed tool, policy and time the other goldens have. */
function withResult(result: CheckResult): RunReport {
  return { ...manyModelsReport(0), results: [result], errors: [] };
}
