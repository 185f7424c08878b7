import { testCheck } from "../../support/check-table.js";
import { fixtureText } from "../../support/fixtures.js";
import { ancestorWith, snapshotOf, snapshotWith } from "../../support/snapshots.js";

const llama = ancestorWith("meta-llama/Llama-3.1-8B", { license: "llama3.1" });
const META_FILES = ["LICENSE", "USE_POLICY.md", "config.json", "model.safetensors"];
const named = (id: string, files: string[] = []) =>
  snapshotOf(
    { id, sha: "a".repeat(40), siblings: files.map((rfilename) => ({ rfilename })) },
    files.includes("LICENSE")
      ? [{ path: "LICENSE", role: "license", text: fixtureText("license-texts/llama3.1.txt") }]
      : [],
  );

testCheck("lineage-obligation-missed", {
  valid: [
    {
      name: "every visible duty met",
      snapshot: named("org/Llama-3.1-8B-fp8", ["LICENSE", "NOTICE"]),
      ancestors: [llama],
    },
    { name: "a license of its own, not inherited", snapshot: snapshotWith({ license: "llama3.1" }) },
    {
      // The real shape of meta-llama/Llama-3.1-8B-Instruct: LICENSE and USE_POLICY.md, no NOTICE file. Meta is the
      // licensor; the Notice and "Built with Llama" duties bind those who distribute Meta's materials, not Meta.
      name: "Meta's own Llama 3.1 repo (meta-llama) owes itself no NOTICE",
      snapshot: named("meta-llama/Llama-3.1-8B-Instruct", [...META_FILES]),
      ancestors: [llama],
    },
  ],
  invalid: [
    {
      name: "a third-party fine-tune of Meta's repo, shaped the same, still owes the NOTICE",
      snapshot: named("someone/Llama-3.1-8B-Instruct", [...META_FILES]),
      ancestors: [llama],
      findings: [{ args: { license: "llama3.1", obligation: "notice-file" }, subject: { license: "llama3.1" } }],
    },
    {
      name: "a namespace that only begins like the licensor's is not the licensor's",
      snapshot: named("meta-llama-fan/Llama-3.1-8B-Instruct", [...META_FILES]),
      ancestors: [llama],
      findings: [{ args: { obligation: "notice-file" } }],
    },
    {
      name: "no name prefix, no copy of the license",
      snapshot: named("org/model", ["NOTICE"]),
      ancestors: [llama],
      findings: [
        {
          severity: "warning",
          args: { license: "llama3.1", ancestor: "meta-llama/Llama-3.1-8B", obligation: "include-license-copy" },
          subject: { license: "llama3.1" },
        },
        { args: { obligation: "name-prefix" } },
      ],
    },
    {
      name: "a severity override",
      snapshot: named("org/model", ["LICENSE", "NOTICE"]),
      ancestors: [llama],
      policy: "severity:\n  lineage-obligation-missed: error\n",
      findings: [{ severity: "error", args: { obligation: "name-prefix" } }],
    },
  ],
});
