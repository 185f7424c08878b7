/**
 * The run as a CycloneDX ML-BOM (JSON): each repo checked a `machine-learning-model` (or `data`) component, its
 * licenses declared beside concluded, its lineage as pedigree, its datasets as `data` components, lic's decision as
 * `lic:` properties. Built as plain JSON: @cyclonedx/cyclonedx-library's models have no modelCard, pedigree or data
 * (wave2-research §2.2). Field meanings: https://cyclonedx.org/docs/1.6/json/ and https://cyclonedx.org/docs/1.7/json/
 */
import { type Catalog, getCatalog } from "../catalog/catalog.js";
import type { CheckResult, DatasetUsed, LicenseText, RunReport } from "../types/result.js";
import type { Ancestor } from "../types/snapshot.js";
import { type BomFact, fact, resultFacts, runFacts, unavailableFacts } from "./bom-facts.js";
import { contentUuid, hubFileUrl, hubPurl, hubTreeUrl, repoBomRef, splitRepoId } from "./bom-ids.js";
import { type BomLicense, concludedLicense, declaredLicense, isSingleLicense, licenseOfKeys } from "./bom-licenses.js";
import type { CycloneDxVersion, Render } from "./renderer.js";

type Json = Record<string, unknown>;
type Acknowledgement = "declared" | "concluded";

/** The BOM as one JSON document, its serial number derived from everything else in it. */
export function formatCycloneDx(report: RunReport, version: CycloneDxVersion = "1.6"): string {
  const catalog = getCatalog();
  const datasets = datasetComponents(report.results, catalog);
  const body = {
    metadata: {
      timestamp: report.generatedAt,
      tools: { components: [{ type: "application", name: report.tool.name, version: report.tool.version }] },
      properties: runFacts(report),
    },
    components: [...report.results.map((result) => repoComponent(result, report, version, catalog)), ...datasets],
  };
  const serialNumber = `urn:uuid:${contentUuid(JSON.stringify({ version, body }))}`;
  const document = {
    $schema: `http://cyclonedx.org/schema/bom-${version}.schema.json`,
    bomFormat: "CycloneDX",
    specVersion: version,
    serialNumber,
    version: 1,
    ...body,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const render: Render = (report, options) => ({ output: formatCycloneDx(report, options.cyclonedxVersion) });

function repoComponent(result: CheckResult, report: RunReport, version: CycloneDxVersion, catalog: Catalog): Json {
  const kind = result.repoType ?? "model";
  const { namespace, name } = splitRepoId(result.model);
  const datasetRefs = (result.datasets ?? []).map((dataset) => ({ ref: datasetRef(dataset) }));
  return {
    type: kind === "dataset" ? "data" : "machine-learning-model",
    "bom-ref": repoBomRef(kind, result.model, result.revision),
    ...(namespace ? { group: namespace } : {}),
    name,
    version: result.revision,
    // The purl type covers models only (wave2-research §2.1): a dataset has none.
    ...(kind === "model" ? { purl: hubPurl(result.model, result.revision) } : {}),
    licenses: licenseChoice(declaredLicense(result, catalog), concludedLicense(result, catalog), version),
    externalReferences: [
      { type: "website", url: hubTreeUrl(kind, result.model, result.revision) },
      ...result.license.texts.flatMap((text) => evidenceReference(result, text)),
    ],
    ...(result.lineage.length > 0
      ? { pedigree: { ancestors: result.lineage.map((ancestor) => ancestorComponent(ancestor, catalog)) } }
      : {}),
    ...(kind === "model" ? { modelCard: modelCardOf(result, datasetRefs) } : {}),
    ...(kind === "dataset" ? { data: [datasetData(result.model, result.revision)] } : {}),
    properties: resultFacts(result, report, catalog),
  };
}

/**
 * Both statements in one list. 1.6 takes either licenses or exactly one expression, never both (its `licenseChoice`,
 * checked with the strict validator in wave2-research §2.1): when either statement is more than one license, 1.6 gets
 * the concluded expression alone, and the declared one stays in the `lic:declared-license` property. 1.7 mixes them.
 */
function licenseChoice(declared: BomLicense | null, concluded: BomLicense | null, version: CycloneDxVersion): Json[] {
  const stated = [
    ...(declared ? [{ license: declared, acknowledgement: "declared" as const }] : []),
    ...(concluded ? [{ license: concluded, acknowledgement: "concluded" as const }] : []),
  ];
  const allSingle = stated.every(({ license }) => isSingleLicense(license.expression));
  if (version === "1.6" && !allSingle) {
    const chosen = stated.find(({ acknowledgement }) => acknowledgement === "concluded") ?? stated[0]!;
    return [{ expression: chosen.license.expression, acknowledgement: chosen.acknowledgement }];
  }
  return stated.map(({ license, acknowledgement }) =>
    isSingleLicense(license.expression)
      ? { license: singleLicense(license, acknowledgement) }
      : {
          expression: license.expression,
          acknowledgement,
          ...(license.custom.length > 0
            ? { expressionDetails: license.custom.map(({ ref, url }) => ({ licenseIdentifier: ref, url })) }
            : {}),
        },
  );
}

/** An SPDX id as `id`; a `LicenseRef-` as its `name`, the one spelling every report uses, with where its text is. */
function singleLicense(license: BomLicense, acknowledgement: Acknowledgement): Json {
  const custom = license.custom[0];
  return custom ? { name: custom.ref, acknowledgement, url: custom.url } : { id: license.expression, acknowledgement };
}

/** A shipped text lic read as license evidence, at its commit, with the sha256 of the bytes read. */
function evidenceReference(result: CheckResult, text: LicenseText): Json[] {
  if (text.origin.kind !== "file") return [];
  const { path, role } = text.origin;
  return [
    {
      type: role === "readme" ? "model-card" : "license",
      url: hubFileUrl(result.repoType ?? "model", result.model, result.revision, path),
      comment: `license evidence (${role})${text.truncated ? `: the first ${text.bytes} bytes, which the hash covers` : ""}`,
      hashes: [{ alg: "SHA-256", content: text.sha256 }],
    },
  ];
}

/** An ancestor at its commit with the licenses its own card declares; its place in the tree as properties. */
function ancestorComponent(ancestor: Ancestor, catalog: Catalog): Json {
  const { namespace, name } = splitRepoId(ancestor.id);
  const facts: BomFact[] = [
    fact("relation", ancestor.relation),
    fact("depth", ancestor.depth),
    fact("parent", ancestor.parent),
    ...unavailableFacts(ancestor.unavailable),
  ];
  return {
    type: "machine-learning-model",
    ...(namespace ? { group: namespace } : {}),
    name,
    ...(ancestor.sha ? { version: ancestor.sha } : {}),
    purl: hubPurl(ancestor.id, ancestor.sha),
    ...(ancestor.licenses.length > 0 ? { licenses: declaredKeys(ancestor.licenses, catalog) } : {}),
    properties: facts,
  };
}

/** Each key a card declares as its own entry: a list of licenses is valid in 1.6 and 1.7 alike. */
function declaredKeys(keys: string[], catalog: Catalog): Json[] {
  return keys.flatMap((key) => {
    const license = licenseOfKeys([key], catalog);
    return license ? [{ license: singleLicense(license, "declared") }] : [];
  });
}

/** One `data` component per dataset any result names, first mention first; every repo that names it is listed. */
function datasetComponents(results: CheckResult[], catalog: Catalog): Json[] {
  const byRef = new Map<string, { dataset: DatasetUsed; declaredBy: Set<string> }>();
  for (const dataset of results.flatMap((result) => result.datasets ?? [])) {
    const ref = datasetRef(dataset);
    const seen = byRef.get(ref) ?? { dataset, declaredBy: new Set<string>() };
    seen.declaredBy.add(`${dataset.declaredBy.kind === "dataset" ? "dataset:" : ""}${dataset.declaredBy.id}`);
    byRef.set(ref, seen);
  }
  return [...byRef].map(([ref, { dataset, declaredBy }]) => {
    const { namespace, name } = splitRepoId(dataset.id);
    const keys = dataset.licenses.map((license) => license.id);
    return {
      type: "data",
      "bom-ref": ref,
      ...(namespace ? { group: namespace } : {}),
      name,
      ...(dataset.sha ? { version: dataset.sha } : {}),
      ...(keys.length > 0 ? { licenses: declaredKeys(keys, catalog) } : {}),
      data: [datasetData(dataset.id, dataset.sha)],
      properties: [
        fact("via", dataset.via),
        fact("depth", dataset.depth),
        ...[...declaredBy].map((by) => fact("declared-by", by)),
        ...(dataset.gated ? [fact("gated", dataset.gated)] : []),
        ...unavailableFacts(dataset.unavailable),
      ],
    };
  });
}

function datasetRef(dataset: DatasetUsed): string {
  return repoBomRef("dataset", dataset.id, dataset.sha);
}

function datasetData(id: string, sha: string | null): Json {
  return { type: "dataset", name: id, contents: { url: hubTreeUrl("dataset", id, sha) } };
}

/**
 * CycloneDX 1.6 `modelCard.modelParameters`: the Hub's task, the config's architecture (the first, which
 * transformers loads), and the datasets as references to their `data` components.
 */
function modelCardOf(result: CheckResult, datasets: { ref: string }[]): Json {
  const task = result.about?.task ?? null;
  const architecture = result.about?.architectures[0] ?? null;
  const parameters = {
    ...(task ? { task } : {}),
    ...(architecture ? { modelArchitecture: architecture } : {}),
    ...(datasets.length > 0 ? { datasets } : {}),
  };
  return Object.keys(parameters).length > 0 ? { modelParameters: parameters } : {};
}
