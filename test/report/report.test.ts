import { describe, expect, it } from "vitest";
import { builtInPolicy, check } from "../support/policies.js";
import { formatJson } from "../../src/report/json.js";
import { formatText } from "../../src/report/text.js";
import type { RunReport } from "../../src/types.js";
import { fixtureText, hubApiFixture, readmeFor } from "../support/fixtures.js";
import { snapshotOf, snapshotWith } from "../support/snapshots.js";

/** A fixed run over real fixtures: one of each verdict, a renamed model, an undecided model. */
function fixedReport(): RunReport {
  const bert = hubApiFixture("google-bert__bert-base-uncased");
  const renamed = {
    ...snapshotOf(bert, [
      { path: "README.md", role: "readme", text: readmeFor(bert) },
      { path: "LICENSE", role: "license", text: fixtureText("license-texts/apache-2.0.txt") },
    ]),
    requestedId: "bert-base-uncased",
  };
  const llama = snapshotOf(hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct"), [], [
    { path: "LICENSE", role: "license", reason: "gated", status: 401, detail: "Access to model meta-llama/Meta-Llama-3-8B-Instruct is restricted." },
    { path: "USE_POLICY.md", role: "use-policy", reason: "gated", status: 401, detail: "Access to model meta-llama/Meta-Llama-3-8B-Instruct is restricted." },
  ]);
  const unlicensed = snapshotOf(hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english"));
  const broken = snapshotWith({ license: ["mit", "other"] }, ["license:mit"], "---\nlicense:\n- mit\n- other\ntags: [a\n---\n");
  return {
    tool: { name: "lic", version: "0.0.0-test" },
    policy: { name: "default", digest: builtInPolicy("default").digest },
    results: [renamed, llama, unlicensed, broken].map((snapshot) => check(snapshot)),
    errors: [{ model: "nobody/nothing", revision: null, kind: "repo-not-found", message: "nobody/nothing: no such model on https://huggingface.co, or it is private; check the id, or pass a token with read access (--token or HF_TOKEN)" }],
  };
}

describe("renderers", () => {
  it("text", async () => {
    await expect(formatText(fixedReport())).toMatchFileSnapshot("__snapshots__/report.txt");
  });

  it("json", async () => {
    await expect(formatJson(fixedReport())).toMatchFileSnapshot("__snapshots__/report.json");
  });

  it("give byte-identical output for the same input", () => {
    expect(formatJson(fixedReport())).toBe(formatJson(fixedReport()));
    expect(formatText(fixedReport())).toBe(formatText(fixedReport()));
  });

  it("json names every finding's message, title and docs page", () => {
    const json = JSON.parse(formatJson(fixedReport()));
    const findings = json.results.flatMap((result: { findings: object[] }) => result.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding).toMatchObject({ message: expect.any(String), title: expect.any(String), docs: expect.stringMatching(/^docs\/findings\/[a-z-]+\.md$/) });
    }
  });
});
