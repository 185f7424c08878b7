import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

const withReadme = (readme: string) => snapshotWith({ license: "mit" }, ["license:mit"], readme);

testCheck("card-metadata-invalid", {
  valid: [
    { name: "front matter that parses", snapshot: withReadme("---\nlicense: mit\n---\n# Model\n") },
    { name: "no front matter", snapshot: withReadme("# Model\n") },
    { name: "no README", snapshot: snapshotWith({ license: "mit" }) },
  ],
  invalid: [
    {
      name: "an unclosed flow sequence",
      snapshot: withReadme("---\nlicense: mit\ntags: [a\n---\n"),
      findings: [
        {
          severity: "warning",
          args: { file: "README.md" },
          subject: null,
          evidence: [{ source: "file", file: "README.md" }],
        },
      ],
    },
    {
      name: "a severity override",
      snapshot: withReadme("---\nlicense: mit\ntags: [a\n---\n"),
      policy: "severity:\n  card-metadata-invalid: error\n",
      findings: [{ severity: "error" }],
    },
  ],
});
