import { HUB_LICENSES } from "../../src/catalog/hub-licenses.js";
import { decideVerdict } from "../../src/evaluate/check-model.js";
import type { Evidence, Finding } from "../../src/types/finding.js";
import type { CheckResult, DatasetUsed, RunReport } from "../../src/types/result.js";
import type { JsonObject } from "../../src/types/snapshot.js";
import { hubApiFixture, readmeFor } from "./fixtures.js";
import { manyModelsReport } from "./many-models-report.js";
import { check } from "./policies.js";
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
  const result = check(snapshotOf(info, [{ path: "README.md", role: "readme", text: readme }]));
  const declaredBy = { kind: "model" as const, id: result.model, sha: result.revision };
  const named = (index: number, id: string) => cardEvidence(readme, ["datasets", index], id, result.revision);
  const alpaca = alpacaUsed(declaredBy, [named(0, ALPACA)], 1);
  const datasets: DatasetUsed[] = [
    alpaca,
    {
      id: MISSING,
      sha: null,
      declaredBy,
      via: "datasets",
      depth: 1,
      licenses: [],
      gated: false,
      evidence: [named(1, MISSING)],
      unavailable: {
        reason: "repo-not-found",
        message: `${MISSING}: no such dataset on https://huggingface.co, or it is private; check the id, or pass a token with read access (--token or HF_TOKEN)`,
      },
    },
    selfInstructUsed(2),
  ];
  // The NC advisory as the dataset's own check words it, about the dataset: it names it, and cites where the
  // model's card names it and where the dataset's card declares its license.
  const advisory = { ...nonCommercialOf(alpacaResult()), evidence: [...alpaca.evidence] };
  return withResult(addDatasets(result, datasets, [advisory]));
}

/** tatsu-lab/alpaca checked on its own (`lic check dataset:tatsu-lab/alpaca`): its license, and its source dataset. */
export function datasetOnItsOwnReport(): RunReport {
  return withResult(addDatasets(alpacaResult(), [selfInstructUsed(1)], []));
}

function alpacaResult(): CheckResult {
  return { ...check(alpacaSnapshot()), repoType: "dataset" };
}

function alpacaSnapshot() {
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

function alpacaUsed(declaredBy: DatasetUsed["declaredBy"], named: Evidence[], depth: number): DatasetUsed {
  const readme = readmeFor({ cardData: alpacaCard });
  return {
    id: ALPACA,
    sha: ALPACA_SHA,
    declaredBy,
    via: "datasets",
    depth,
    licenses: [licenseOf("cc-by-nc-4.0")],
    gated: false,
    evidence: [...named, cardEvidence(readme, ["license"], "cc-by-nc-4.0", ALPACA_SHA)],
    unavailable: null,
  };
}

/** yizhongw/self_instruct, named by alpaca's `source_datasets:`; `depth` 2 under a model, 1 under alpaca itself. */
function selfInstructUsed(depth: number): DatasetUsed {
  const alpacaReadme = readmeFor({ cardData: alpacaCard });
  const ownReadme = readmeFor({ cardData: { license: "apache-2.0", language: ["en"] } });
  return {
    id: SELF_INSTRUCT,
    sha: SELF_INSTRUCT_SHA,
    declaredBy: { kind: "dataset", id: ALPACA, sha: ALPACA_SHA },
    via: "source_datasets",
    depth,
    licenses: [licenseOf("apache-2.0")],
    gated: false,
    evidence: [
      cardEvidence(alpacaReadme, ["source_datasets", 0], SELF_INSTRUCT, ALPACA_SHA),
      cardEvidence(ownReadme, ["license"], "apache-2.0", SELF_INSTRUCT_SHA),
    ],
    unavailable: null,
  };
}

/** A Hub license id with the catalog's name for it, as acquisition declares a dataset's licenses. */
function licenseOf(id: string): DatasetUsed["licenses"][number] {
  const hub = HUB_LICENSES.find((license) => license.id === id);
  if (!hub) throw new Error(`${id} is not a Hub license id`);
  return { id, name: hub.name, known: true };
}

/** Where `value` stands in the README's front matter, as the card evidence of a key names it. */
function cardEvidence(readme: string, path: (string | number)[], value: string, commit: string): Evidence {
  const lines = readme.split("\n");
  const index = lines.findIndex((line) => line.endsWith(` ${value}`));
  if (index < 0) throw new Error(`${value} is not in the README`);
  return { source: "card", path, file: "README.md", line: index + 1, quote: lines[index]!.trim(), commit };
}

/**
 * The dataset's NC finding, named as being about it (`args.dataset`). A stand-in for `dataset-non-commercial`, which
 * the evaluation adds: the reports group any finding whose args name a dataset, so the code does not matter here.
 */
function nonCommercialOf(result: CheckResult): Finding {
  const finding = result.findings.find((candidate) => candidate.code === "license-non-commercial");
  if (!finding) throw new Error(`${result.model}: no license-non-commercial finding`);
  return { ...finding, args: { ...finding.args, dataset: result.model } } as Finding;
}

function addDatasets(result: CheckResult, datasets: DatasetUsed[], advisories: Finding[]): CheckResult {
  const findings = [...result.findings, ...advisories];
  return { ...result, datasets, findings, verdict: decideVerdict(findings) };
}

/** The run around one result: the fixed tool, policy and time the other goldens have. */
function withResult(result: CheckResult): RunReport {
  return { ...manyModelsReport(0), results: [result], errors: [] };
}
