import type { Catalog } from "../catalog/catalog.js";
import { analyzeLicenses } from "../identify/analyze-licenses.js";
import { isMultimodal } from "../identify/card/is-multimodal.js";
import { parseFrontMatter } from "../identify/card/parse-front-matter.js";
import { inheritLicenses, licenseAncestors } from "../identify/lineage/inherit-licenses.js";
import type { ReferenceLibrary } from "../identify/matcher/reference-library.js";
import { applyPolicy } from "../policy/apply-policy.js";
import type { Policy } from "../policy/policy.js";
import type { Fact, Finding } from "../types/finding.js";
import type { CheckResult, Verdict } from "../types/result.js";
import type { Lineage, ModelSnapshot } from "../types/snapshot.js";
import type { TrainingData } from "../types/training-data.js";
import type { CheckContext } from "./checks/define-check.js";
import { checks } from "./checks/index.js";
import { chooseBranches } from "./choose-branches.js";
import { applyClarification, clarificationsFor } from "./clarify-licenses.js";
import { identifyTrainingData } from "./datasets/identify-datasets.js";
import { obligationsDue } from "./obligations-due.js";

export interface CheckOptions {
  /** Today, YYYY-MM-DD, for waiver expiry: passed in, so the same inputs give the same result. */
  today: string;
  catalog: Catalog;
  /** The matcher's reference texts, as the edge loaded them (acquire/reference-data.ts). */
  references: ReferenceLibrary;
  /** The model's ancestors, as acquired; without it, the model is judged on its own. */
  lineage?: Lineage;
  /** The datasets its cards name (a dataset's: its sources), as acquired; without it, none are evaluated. */
  trainingData?: TrainingData;
}

/**
 * Checks one model snapshot against a policy. Pure, synchronous and deterministic: the same snapshot, policy and
 * date give the same result, so a decision can be re-run and audited. Identify the licenses; let every check report
 * its facts; decide their severities once (apply-policy); let each OR take the first branch that passes.
 */
export function checkModel(snapshot: ModelSnapshot, policy: Policy, options: CheckOptions): CheckResult {
  const { catalog, references } = options;
  const isDataset = snapshot.repoType === "dataset";
  const card = parseFrontMatter(snapshot.texts.find((file) => file.role === "readme")?.text ?? "");
  // `base_model` is a model card's key: a dataset's lineage is its sources (`source_datasets`), in trainingData.
  const ancestors = isDataset ? [] : (options.lineage?.ancestors ?? []);
  const lineage = licenseAncestors(ancestors, catalog, references);
  // The policy's clarification, while its evidence matches, replaces what the repo was identified as (before the
  // ancestors are added: it states the model's own license). Identify stays the repo's word; the policy's is here.
  const identified = analyzeLicenses(snapshot, card, catalog, references);
  const { applied } = clarificationsFor(snapshot, policy);
  const own = applied ? applyClarification(identified, applied, catalog) : identified;
  const licenses = inheritLicenses(own, lineage, catalog);
  // Modality reads the ancestors' own config, which the lineage the checks get no longer carries. A dataset is
  // not a model: the licenses' clauses on multimodal models do not reach it, whatever its modality tags say.
  const modality = isDataset ? DATASET_MODALITY : isMultimodal(snapshot, ancestors);
  // The training data's licenses are identified on their own and never join `licenses`: they are advisories.
  const training = identifyTrainingData(options.trainingData, catalog, references, { card, commit: snapshot.sha });
  const context: CheckContext = { snapshot, card, licenses, policy, catalog, lineage, modality, training };

  const facts = Object.values(checks).flatMap((check): Fact[] => check.run(context));
  const decided = applyPolicy(facts, policy, snapshot, options.today);
  const { findings, choices, inForce } = chooseBranches(decided, licenses.tree);
  return {
    model: snapshot.id,
    requested: { model: snapshot.requestedId, revision: snapshot.requestedRevision },
    revision: snapshot.sha,
    gated: snapshot.gated,
    verdict: decideVerdict(findings),
    license: { ...licenses, choices },
    findings,
    obligations: obligationsDue(inForce, policy, catalog),
    lineage,
    gaps: snapshot.gaps,
    ...aboutOf(snapshot),
    ...(isDataset ? { repoType: "dataset" as const } : {}),
    ...(options.trainingData ? { datasets: training.datasets.map((dataset) => dataset.used) } : {}),
  };
}

const DATASET_MODALITY = {
  multimodal: false,
  evidence: { source: "api" as const, field: "repoType", value: "dataset" },
};

export function decideVerdict(findings: Finding[]): Verdict {
  if (findings.some((finding) => finding.severity === "error")) return "block";
  if (findings.some((finding) => finding.severity === "warning")) return "warn";
  return "allow";
}

/** The model's task and architectures, as its metadata gives them (the BOMs' model card); nothing for a dataset. */
function aboutOf(snapshot: ModelSnapshot): Pick<CheckResult, "about"> {
  if (snapshot.repoType === "dataset") return {};
  const listed = snapshot.config?.["architectures"];
  const architectures = Array.isArray(listed) ? listed.filter((name): name is string => typeof name === "string") : [];
  if (snapshot.pipelineTag === null && architectures.length === 0) return {};
  return { about: { task: snapshot.pipelineTag, architectures } };
}
