import type { RunReport } from "../../src/types/result.js";
import { fixtureText, hubApiFixture, readmeFor } from "./fixtures.js";
import { builtInPolicy, check } from "./policies.js";
import { snapshotOf, snapshotWith } from "./snapshots.js";

/** A fixed run over real fixtures, for every renderer's snapshot test: one of each verdict, a renamed model, an undecided model. */
export function fixedReport(): RunReport {
  const bert = hubApiFixture("google-bert__bert-base-uncased");
  const renamed = {
    ...snapshotOf(bert, [
      { path: "README.md", role: "readme", text: readmeFor(bert) },
      { path: "LICENSE", role: "license", text: fixtureText("license-texts/apache-2.0.txt") },
    ]),
    requestedId: "bert-base-uncased",
  };
  const llama = snapshotOf(
    hubApiFixture("meta-llama__Meta-Llama-3-8B-Instruct"),
    [],
    [
      {
        path: "LICENSE",
        role: "license",
        reason: "gated",
        status: 401,
        detail: "Access to model meta-llama/Meta-Llama-3-8B-Instruct is restricted.",
      },
      {
        path: "USE_POLICY.md",
        role: "use-policy",
        reason: "gated",
        status: 401,
        detail: "Access to model meta-llama/Meta-Llama-3-8B-Instruct is restricted.",
      },
    ],
  );
  const unlicensed = snapshotOf(hubApiFixture("dbmdz__bert-large-cased-finetuned-conll03-english"));
  const broken = snapshotWith(
    { license: ["mit", "other"] },
    ["license:mit"],
    "---\nlicense:\n- mit\n- other\ntags: [a\n---\n",
  );
  return {
    tool: { name: "lic", version: "0.0.0-test" },
    policy: { name: "default", digest: builtInPolicy("default").digest },
    generatedAt: "2026-11-26T12:00:00.000Z",
    results: [renamed, llama, unlicensed, broken].map((snapshot) => check(snapshot)),
    errors: [
      {
        model: "nobody/nothing",
        revision: null,
        kind: "repo-not-found",
        message:
          "nobody/nothing: no such model on https://huggingface.co, or it is private; check the id, or pass a token with read access (--token or HF_TOKEN)",
      },
    ],
  };
}
