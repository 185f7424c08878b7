import { describe, expect, it } from "vitest";
import { formatCycloneDx } from "../../src/report/cyclonedx.js";
import { formatSpdx } from "../../src/report/spdx.js";
import { BOM_CASES, llama4QuantizationResult, permissiveResult, runOf } from "../support/bom-reports.js";
import { validateCycloneDx, validateSpdx } from "../support/bom-schemas.js";
import { expectGolden } from "../support/golden.js";
import { spdxConformanceProblems } from "../support/spdx-conformance.js";

/** The fields of a parsed SPDX element the tests read. */
interface SpdxElement {
  spdxId: string;
  type: string;
  name?: string;
  from: string;
  to: string[];
  relationshipType?: string;
  simplelicensing_licenseExpression?: string;
  simplelicensing_customIdToUri?: unknown;
}
const cases = Object.entries(BOM_CASES);

describe.each(cases)("the %s BOM", (name, build) => {
  it.each(["1.6", "1.7"] as const)("is valid CycloneDX %s, byte for byte its golden", async (version) => {
    const bom = formatCycloneDx(build(), version);
    expect(await validateCycloneDx(bom, version)).toBeNull();
    expectGolden(`bom-${name}.cdx-${version}.json`, bom);
  });

  it("is valid SPDX 3.0.1, conformant beyond the schema, byte for byte its golden", () => {
    const bom = formatSpdx(build());
    expect(validateSpdx(bom)).toBeNull();
    expect(spdxConformanceProblems(bom)).toEqual([]);
    expectGolden(`bom-${name}.spdx.json`, bom);
  });
});

describe("the validators can fail", () => {
  it("CycloneDX 1.6 refuses a declared license beside a concluded expression, which 1.7 takes", async () => {
    const bom = JSON.parse(formatCycloneDx(BOM_CASES.permissive(), "1.6"));
    bom.components[0].licenses = [
      { license: { id: "Apache-2.0", acknowledgement: "declared" } },
      { expression: "Apache-2.0 AND MIT", acknowledgement: "concluded" },
    ];
    expect(await validateCycloneDx(JSON.stringify(bom), "1.6")).not.toBeNull();
    expect(await validateCycloneDx(JSON.stringify({ ...bom, specVersion: "1.7" }), "1.7")).toBeNull();
  });

  it("SPDX refuses a package without creation info; lic's check, a package without a concluded license and a dangling reference", () => {
    const bom = JSON.parse(formatSpdx(BOM_CASES.permissive()));
    const pkg = bom["@graph"].find((element: SpdxElement) => element.type === "ai_AIPackage");
    const withoutCreation = {
      ...bom,
      "@graph": bom["@graph"].map((element: SpdxElement) =>
        element === pkg ? { ...pkg, creationInfo: undefined } : element,
      ),
    };
    expect(validateSpdx(JSON.stringify(withoutCreation))).not.toBeNull();
    const withoutConcluded = {
      ...bom,
      "@graph": bom["@graph"].filter((element: SpdxElement) => element.relationshipType !== "hasConcludedLicense"),
    };
    expect(validateSpdx(JSON.stringify(withoutConcluded))).toBeNull();
    expect(spdxConformanceProblems(JSON.stringify(withoutConcluded))).toEqual([
      "google-bert/bert-base-uncased: 0 hasConcludedLicense relationships, not exactly 1",
      // The document still lists the relationship dropped: an end no longer present.
      expect.stringMatching(/: no element urn:uuid:.*#relationship-2$/),
    ]);
  });
});

describe("CycloneDX", () => {
  it("states the Llama 4 quantization's declared apache-2.0 beside the concluded Llama 4 terms", () => {
    const [component] = JSON.parse(formatCycloneDx(runOf(llama4QuantizationResult()), "1.7")).components;
    expect(component.licenses).toEqual([
      { license: { id: "Apache-2.0", acknowledgement: "declared" } },
      {
        expression: "Apache-2.0 AND LicenseRef-lic-llama4",
        acknowledgement: "concluded",
        expressionDetails: [{ licenseIdentifier: "LicenseRef-lic-llama4", url: expect.stringMatching(/^https:/) }],
      },
    ]);
    expect(component.pedigree.ancestors).toEqual([
      expect.objectContaining({
        name: "Llama-4-Scout-17B-16E-Instruct",
        purl: `pkg:huggingface/meta-llama/Llama-4-Scout-17B-16E-Instruct@${"d".repeat(40)}`,
        licenses: [
          { license: expect.objectContaining({ name: "LicenseRef-lic-llama4", acknowledgement: "declared" }) },
        ],
      }),
    ]);
  });

  it("gives 1.6 the concluded expression alone when it is several licenses; the declared one stays a property", () => {
    const [component] = JSON.parse(formatCycloneDx(runOf(llama4QuantizationResult()), "1.6")).components;
    expect(component.licenses).toEqual([
      { expression: "Apache-2.0 AND LicenseRef-lic-llama4", acknowledgement: "concluded" },
    ]);
    expect(component.properties).toContainEqual({ name: "lic:declared-license", value: "Apache-2.0" });
  });

  it("hashes each license evidence file with the sha256 the result holds", () => {
    const result = permissiveResult();
    const [component] = JSON.parse(formatCycloneDx(runOf(result))).components;
    const license = result.license.texts.find((text) => text.origin.kind === "file" && text.origin.path === "LICENSE");
    expect(component.externalReferences).toContainEqual(
      expect.objectContaining({ type: "license", hashes: [{ alg: "SHA-256", content: license!.sha256 }] }),
    );
  });

  it("references each dataset from the model card, as a data component", () => {
    const bom = JSON.parse(formatCycloneDx(BOM_CASES["with-datasets"]()));
    const refs = bom.components[0].modelCard.modelParameters.datasets.map((dataset: { ref: string }) => dataset.ref);
    const data = bom.components.filter((component: { type: string; "bom-ref": string }) => component.type === "data");
    expect(data.map((component: { type: string; "bom-ref": string }) => component["bom-ref"])).toEqual(refs);
    expect(refs).toEqual([
      `dataset:bookcorpus/bookcorpus@${"f".repeat(40)}`,
      `dataset:wikimedia/wikipedia@${"9".repeat(40)}`,
      "dataset:private-org/held-out",
    ]);
  });

  it("derives the serial number from the content: the same report, the same number; another, another", () => {
    const serial = (report = BOM_CASES.permissive()) => JSON.parse(formatCycloneDx(report)).serialNumber;
    expect(serial()).toBe(serial());
    expect(serial()).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(serial({ ...BOM_CASES.permissive(), generatedAt: "2026-11-27T12:00:00.000Z" })).not.toBe(serial());
  });
});

describe("SPDX", () => {
  const graphOf = (bom: string) => JSON.parse(bom)["@graph"] as SpdxElement[];
  const names = (graph: SpdxElement[]) => new Map(graph.filter((e) => e.name).map((e) => [e.spdxId, e.name]));
  const related = (graph: SpdxElement[], type: string) =>
    graph
      .filter((element) => element.relationshipType === type)
      .map((r) => `${names(graph).get(r.from)} → ${r.to.map((to: string) => names(graph).get(to)).join(", ")}`);

  it("relates a merge to both parents, and the datasets it was trained on", () => {
    expect(related(graphOf(formatSpdx(BOM_CASES["merge-of-two-parents"]())), "descendantOf")).toEqual([
      "merger/two-in-one-7b → org-a/base-a",
      "merger/two-in-one-7b → org-b/base-b",
    ]);
    const withData = graphOf(formatSpdx(BOM_CASES["with-datasets"]()));
    expect(related(withData, "trainedOn")).toEqual([
      "google-bert/bert-base-uncased → bookcorpus/bookcorpus",
      "google-bert/bert-base-uncased → private-org/held-out",
    ]);
    expect(related(withData, "descendantOf")).toEqual(["bookcorpus/bookcorpus → wikimedia/wikipedia"]);
  });

  it("states NoAssertion where nothing is known: an ancestor's conclusion, an unreadable dataset's licenses", () => {
    const graph = graphOf(formatSpdx(BOM_CASES["with-datasets"]()));
    const held = graph.find((element) => element.name === "private-org/held-out")!;
    expect(graph.filter((element) => element.from === held.spdxId).map((r) => [r.relationshipType, r.to])).toEqual([
      ["hasDeclaredLicense", ["expandedlicensing_NoAssertionLicense"]],
      ["hasConcludedLicense", ["expandedlicensing_NoAssertionLicense"]],
    ]);
  });

  it("spells a license SPDX lacks as the result's LicenseRef-lic-, with where its text is", () => {
    const graph = graphOf(formatSpdx(BOM_CASES["llama4-quantization"]()));
    const result = llama4QuantizationResult();
    const expressions = graph.filter((element) => element.type === "simplelicensing_LicenseExpression");
    expect(expressions.map((e) => e.simplelicensing_licenseExpression)).toEqual([
      result.license.expression,
      "Apache-2.0 AND LicenseRef-lic-llama4",
      "LicenseRef-lic-llama4",
    ]);
    expect(expressions[1]!.simplelicensing_customIdToUri).toEqual([
      { type: "DictionaryEntry", key: "LicenseRef-lic-llama4", value: expect.stringMatching(/^https:/) },
    ]);
  });
});
