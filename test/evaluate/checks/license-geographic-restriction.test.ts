import type { ModelSnapshot } from "../../../src/types/snapshot.js";
import { testCheck } from "../../support/check-table.js";
import { snapshotWith } from "../../support/snapshots.js";

/** Llama 3.2 Vision: multimodal, known by its architecture. */
const vision: ModelSnapshot = {
  ...snapshotWith({ license: "llama3.2" }),
  config: { architectures: ["MllamaForConditionalGeneration"], model_type: "mllama" },
};
const text = snapshotWith({ license: "llama3.2" });

testCheck("license-geographic-restriction", {
  valid: [
    { name: "a text-only model in the EU", snapshot: text, policy: "extends: eu\n" },
    {
      name: "a company outside the EU",
      snapshot: vision,
      policy: "context:\n  domicile: US\nrules:\n  geographicExclusions: block\n",
    },
    { name: "no domicile", snapshot: vision, policy: "rules:\n  geographicExclusions: block\n" },
    { name: "no geographicExclusions rule", snapshot: vision, policy: "context:\n  domicile: FR\n" },
  ],
  invalid: [
    {
      name: "a multimodal model in the EU",
      snapshot: vision,
      policy: "extends: eu\n",
      findings: [
        {
          severity: "error",
          args: { license: "llama3.2", region: "EU", domicile: "EU", multimodal: true },
          subject: { license: "llama3.2" },
          rule: { path: "rules.geographicExclusions" },
        },
      ],
    },
    {
      name: "a member state's code",
      snapshot: vision,
      policy: "context:\n  domicile: fr\nrules:\n  geographicExclusions: warn\n",
      findings: [{ severity: "warning", args: { domicile: "FR" } }],
    },
  ],
});
