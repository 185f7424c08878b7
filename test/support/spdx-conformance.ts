/**
 * What the SPDX 3.0.1 JSON schema does not enforce and the specification requires: for every AI and Dataset package
 * exactly one `hasDeclaredLicense` and one `hasConcludedLicense` relationship (spdx-3-model model/AI/AI.md and
 * model/Dataset/Dataset.md, "Conformance"), and every reference (a relationship's ends, an annotation's subject, the
 * document's elements) naming an element of the document or one of SPDX's individuals.
 */
export function spdxConformanceProblems(document: string): string[] {
  const graph = (JSON.parse(document) as { "@graph": Record<string, unknown>[] })["@graph"];
  const ids = new Set(graph.flatMap((element) => (typeof element["spdxId"] === "string" ? [element["spdxId"]] : [])));
  const present = (id: unknown) => typeof id === "string" && (ids.has(id) || INDIVIDUALS.has(id));
  const problems: string[] = [];
  const relationships = graph.filter((element) => element["type"] === "Relationship");
  for (const element of graph) {
    if (element["type"] !== "ai_AIPackage" && element["type"] !== "dataset_DatasetPackage") continue;
    for (const type of ["hasDeclaredLicense", "hasConcludedLicense"]) {
      const count = relationships.filter(
        (relationship) => relationship["from"] === element["spdxId"] && relationship["relationshipType"] === type,
      ).length;
      if (count !== 1) problems.push(`${String(element["name"])}: ${count} ${type} relationships, not exactly 1`);
    }
  }
  for (const relationship of relationships) {
    const ends = [relationship["from"], ...(relationship["to"] as unknown[])];
    for (const end of ends)
      if (!present(end)) problems.push(`${String(relationship["spdxId"])}: no element ${String(end)}`);
  }
  for (const element of graph) {
    const references = [
      ...(element["type"] === "Annotation" ? [element["subject"]] : []),
      ...((element["rootElement"] as unknown[] | undefined) ?? []),
      ...((element["element"] as unknown[] | undefined) ?? []),
      ...(element["suppliedBy"] ? [element["suppliedBy"]] : []),
      ...((element["originatedBy"] as unknown[] | undefined) ?? []),
    ];
    for (const reference of references)
      if (!present(reference)) problems.push(`${String(element["spdxId"])}: no element ${String(reference)}`);
  }
  return problems;
}

/** The named individuals SPDX 3.0.1 defines, which a document references without declaring. */
const INDIVIDUALS = new Set([
  "expandedlicensing_NoAssertionLicense",
  "expandedlicensing_NoneLicense",
  "NoAssertionElement",
  "NoneElement",
  "SpdxOrganization",
]);
