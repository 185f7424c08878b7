/**
 * The run as an SPDX 3.0.1 document (JSON-LD, AI and Dataset profiles): an `ai_AIPackage` per model and ancestor, a
 * `dataset_DatasetPackage` per dataset, exactly one hasDeclaredLicense and one hasConcludedLicense per package (the
 * AI and Dataset profiles' conformance rule, spdx-3-model model/AI/AI.md and model/Dataset/Dataset.md), lineage as
 * descendantOf, training data as trainedOn, and lic's decision as a review annotation on each package checked.
 * Shapes: https://spdx.github.io/spdx-spec/v3.0.1/ and its JSON schema https://spdx.org/schema/3.0.1/spdx-json-schema.json
 */
import { type Catalog, getCatalog } from "../catalog/catalog.js";
import type { RepoKind } from "../types/code-reference.js";
import type { CheckResult, RunReport } from "../types/result.js";
import type { Ancestor } from "../types/snapshot.js";
import { type BomFact, resultFacts, runFacts } from "./bom-facts.js";
import { contentUuid, hubPurl, hubTreeUrl, repoBomRef, splitRepoId } from "./bom-ids.js";
import { type BomLicense, concludedLicense, declaredLicense, licenseOfKeys } from "./bom-licenses.js";
import type { Render } from "./renderer.js";

type Json = Record<string, unknown>;

const CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
const CREATION_INFO = "_:creationinfo";
/** The individual SPDX defines for "no assertion is made" about a license (SimpleLicensing/NoAssertionLicense). */
const NO_ASSERTION_LICENSE = "expandedlicensing_NoAssertionLicense";

/** The document, its IRIs under a `urn:uuid:` derived from the rest of its content, so equal reports give equal bytes. */
export function formatSpdx(report: RunReport): string {
  const draft = JSON.stringify(spdxGraph(report, "urn:uuid:0"));
  const document = spdxGraph(report, `urn:uuid:${contentUuid(draft)}`);
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const render: Render = (report) => ({ output: formatSpdx(report) });

function spdxGraph(report: RunReport, base: string) {
  const graph = new SpdxGraph(base, getCatalog());
  const roots = graph.addResults(report);
  graph.annotate(base, runFacts(report));
  const tool = `${base}#tool`;
  const agent = `${base}#lic`;
  const elements = graph.elements();
  return {
    "@context": CONTEXT,
    "@graph": [
      {
        type: "CreationInfo",
        "@id": CREATION_INFO,
        specVersion: "3.0.1",
        // SPDX's DateTime has no fraction of a second.
        created: report.generatedAt.replace(/\.\d+Z$/, "Z"),
        createdBy: [agent],
        createdUsing: [tool],
      },
      { type: "SoftwareAgent", spdxId: agent, creationInfo: CREATION_INFO, name: report.tool.name },
      { type: "Tool", spdxId: tool, creationInfo: CREATION_INFO, name: `${report.tool.name} ${report.tool.version}` },
      {
        type: "SpdxDocument",
        spdxId: base,
        creationInfo: CREATION_INFO,
        profileConformance: ["core", "software", "simpleLicensing", "ai", "dataset"],
        rootElement: roots,
        element: [agent, tool, ...elements.map((element) => element.spdxId)],
      },
      ...elements,
    ],
  };
}

/** The elements of one document, each repo, license and relationship once, numbered in the order first met. */
class SpdxGraph {
  private readonly packages = new Map<string, Json & { spdxId: string }>();
  private readonly agents = new Map<string, Json & { spdxId: string }>();
  private readonly licenses = new Map<string, Json & { spdxId: string }>();
  /** Packages whose declared and concluded licenses are stated: the first statement stands. */
  private readonly licensedPackages = new Set<string>();
  private readonly relationships = new Map<string, Json & { spdxId: string }>();
  private readonly annotations: (Json & { spdxId: string })[] = [];

  constructor(
    private readonly base: string,
    private readonly catalog: Catalog,
  ) {}

  /**
   * The repos checked, then their ancestors and datasets, and how they relate; returns the checked repos' ids. Checked
   * repos come first: a repo that is also another's ancestor keeps the license lic concluded for it.
   */
  addResults(report: RunReport): string[] {
    const owns = report.results.map((result) => {
      const own = this.addPackage(result.repoType ?? "model", result.model, result.revision);
      this.licensed(own, declaredLicense(result, this.catalog), concludedLicense(result, this.catalog));
      this.describeModel(own, result);
      return own;
    });
    report.results.forEach((result, index) => {
      const own = owns[index]!;
      const byId = new Map([[result.model, own]]);
      for (const ancestor of result.lineage) byId.set(ancestor.id, this.addAncestor(ancestor));
      for (const ancestor of result.lineage) {
        const parent = byId.get(ancestor.parent) ?? own;
        this.relate(parent, "descendantOf", byId.get(ancestor.id)!, `base_model_relation: ${ancestor.relation}`);
      }
      for (const dataset of result.datasets ?? []) {
        const id = this.addPackage("dataset", dataset.id, dataset.sha);
        this.licensed(
          id,
          licenseOfKeys(
            dataset.licenses.map((license) => license.id),
            this.catalog,
          ),
          null,
        );
        const declaring = dataset.declaredBy;
        if (declaring.kind === "dataset") {
          const from = this.packages.get(repoBomRef("dataset", declaring.id, declaring.sha))?.spdxId ?? own;
          this.relate(from, "descendantOf", id, "source_datasets");
        } else this.relate(byId.get(declaring.id) ?? own, "trainedOn", id, `named by ${declaring.id}'s card`);
      }
      this.annotate(own, resultFacts(result, report, this.catalog));
    });
    return owns;
  }

  elements(): (Json & { spdxId: string })[] {
    return [
      ...this.agents.values(),
      ...this.packages.values(),
      ...this.licenses.values(),
      ...this.relationships.values(),
      ...this.annotations,
    ];
  }

  /** lic's facts about a subject (a package, or the document for the run's), one `lic:name: value` per line. */
  annotate(subject: string, facts: BomFact[]): void {
    this.annotations.push({
      type: "Annotation",
      spdxId: `${this.base}#annotation-${this.annotations.length + 1}`,
      creationInfo: CREATION_INFO,
      annotationType: "review",
      subject,
      statement: facts.map(({ name, value }) => `${name}: ${value}`).join("\n"),
    });
  }

  private addAncestor(ancestor: Ancestor): string {
    const id = this.addPackage("model", ancestor.id, ancestor.sha);
    // The ancestor's own card is what it declares; lic concludes for the model checked, not for its ancestors.
    this.licensed(id, licenseOfKeys(ancestor.licenses, this.catalog), null);
    return id;
  }

  private addPackage(kind: RepoKind, repo: string, sha: string | null): string {
    const key = repoBomRef(kind, repo, sha);
    const known = this.packages.get(key);
    if (known) return known.spdxId;
    const spdxId = `${this.base}#${kind}-${this.packages.size + 1}`;
    const { namespace } = splitRepoId(repo);
    const organization = namespace ? this.addOrganization(namespace) : null;
    const common = {
      spdxId,
      creationInfo: CREATION_INFO,
      name: repo,
      ...(sha ? { software_packageVersion: sha } : {}),
      software_downloadLocation: hubTreeUrl(kind, repo, sha),
    };
    this.packages.set(
      key,
      kind === "model"
        ? {
            type: "ai_AIPackage",
            ...common,
            software_packageUrl: hubPurl(repo, sha),
            software_primaryPurpose: "model",
            ...(organization ? { suppliedBy: organization } : {}),
          }
        : {
            type: "dataset_DatasetPackage",
            ...common,
            software_primaryPurpose: "data",
            ...(organization ? { originatedBy: [organization] } : {}),
            // Required by the Dataset profile; the Hub's card does not say which kinds of data a dataset holds.
            dataset_datasetType: ["noAssertion"],
          },
    );
    return spdxId;
  }

  /**
   * The AI profile's words for what the model is: its config's architectures as `ai_typeOfModel`, and the Hub's task
   * as `ai_domain` (the profile has no property for a task; a domain is the nearest: what the model is used for).
   */
  private describeModel(spdxId: string, result: CheckResult): void {
    const pkg = [...this.packages.values()].find((each) => each.spdxId === spdxId);
    if (pkg?.["type"] !== "ai_AIPackage" || !result.about) return;
    const { task, architectures } = result.about;
    if (architectures.length > 0) pkg["ai_typeOfModel"] = architectures;
    if (task) pkg["ai_domain"] = [task];
  }

  /** The Hub user or organization a repo lives under: who supplies it. */
  private addOrganization(namespace: string): string {
    const known = this.agents.get(namespace);
    if (known) return known.spdxId;
    const spdxId = `${this.base}#organization-${this.agents.size + 1}`;
    this.agents.set(namespace, { type: "Organization", spdxId, creationInfo: CREATION_INFO, name: namespace });
    return spdxId;
  }

  /** Exactly one declared and one concluded license per package: NoAssertion where nothing is known. */
  private licensed(pkg: string, declared: BomLicense | null, concluded: BomLicense | null): void {
    if (this.licensedPackages.has(pkg)) return;
    this.licensedPackages.add(pkg);
    this.relate(pkg, "hasDeclaredLicense", this.addLicense(declared));
    this.relate(pkg, "hasConcludedLicense", this.addLicense(concluded));
  }

  private addLicense(license: BomLicense | null): string {
    if (license === null) return NO_ASSERTION_LICENSE;
    const known = this.licenses.get(license.expression);
    if (known) return known.spdxId;
    const spdxId = `${this.base}#license-${this.licenses.size + 1}`;
    this.licenses.set(license.expression, {
      type: "simplelicensing_LicenseExpression",
      spdxId,
      creationInfo: CREATION_INFO,
      simplelicensing_licenseExpression: license.expression,
      ...(license.custom.length > 0
        ? {
            simplelicensing_customIdToUri: license.custom.map(({ ref, url }) => ({
              type: "DictionaryEntry",
              key: ref,
              value: url,
            })),
          }
        : {}),
    });
    return spdxId;
  }

  /** A relationship once, however many results reach it (two models sharing a base relate it once). */
  private relate(from: string, type: string, to: string, comment?: string): void {
    const key = `${from} ${type} ${to}`;
    if (this.relationships.has(key)) return;
    this.relationships.set(key, {
      type: "Relationship",
      spdxId: `${this.base}#relationship-${this.relationships.size + 1}`,
      creationInfo: CREATION_INFO,
      from,
      relationshipType: type,
      to: [to],
      ...(comment ? { comment } : {}),
    });
  }
}
