import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getCatalog } from "../../src/catalog/catalog.js";
import { parseLicenseExpression } from "../../src/identify/parse-expression.js";
import { contentUuid, hubFileUrl, hubPurl, repoBomRef, spdxIdOf } from "../../src/report/bom-ids.js";

const SHA = "043235d6088ecd3dd5fb5ca3592b6913fd516027";

describe("hubPurl", () => {
  it.each([
    ["microsoft/deberta-v3-base", SHA, `pkg:huggingface/microsoft/deberta-v3-base@${SHA}`],
    // The purl type's own example: a legacy id has no namespace, and the commit is lowercased.
    ["distilbert-base-uncased", SHA.toUpperCase(), `pkg:huggingface/distilbert-base-uncased@${SHA}`],
    ["Org/Mixed-Case", null, "pkg:huggingface/Org/Mixed-Case"],
  ])("%s@%s", (id, sha, purl) => expect(hubPurl(id, sha)).toBe(purl));
});

it("names a dataset by its own bom-ref, and links its files under /datasets", () => {
  expect(repoBomRef("dataset", "org/data", SHA)).toBe(`dataset:org/data@${SHA}`);
  expect(hubFileUrl("dataset", "org/data", SHA, "docs/LICENSE v2.md")).toBe(
    `https://huggingface.co/datasets/org/data/blob/${SHA}/docs/LICENSE%20v2.md`,
  );
});

describe("spdxIdOf", () => {
  it.each(["apache-2.0", "mit", "llama4", "openrail++", "gemma", "cc-by-nc-4.0"])(
    "%s is spelled as the result's license.expression spells it",
    (key) => {
      const parsed = parseLicenseExpression(key, getCatalog());
      expect(parsed.ok && parsed.spdx).toBe(spdxIdOf(key, getCatalog()));
    },
  );

  it("gives CycloneDX only SPDX ids its schema lists (a newer SPDX list in the catalog would fail here first)", () => {
    const schema = new URL(
      "../../node_modules/@cyclonedx/cyclonedx-library/res/schema/spdx.SNAPSHOT.schema.json",
      import.meta.url,
    );
    const listed = new Set(JSON.parse(readFileSync(schema, "utf8")).enum as string[]);
    const spdxIds = getCatalog().entries.flatMap((entry) => (entry.spdx ? [entry.spdx] : []));
    expect(spdxIds.filter((id) => !listed.has(id))).toEqual([]);
  });
});

describe("contentUuid", () => {
  it("is a version-5-layout UUID, the same for the same content, another for another", () => {
    expect(contentUuid("a")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(contentUuid("a")).toBe(contentUuid("a"));
    expect(contentUuid("a")).not.toBe(contentUuid("b"));
  });
});
