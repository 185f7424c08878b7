import type { JsonObject, ModelSnapshot } from "../../../src/types/snapshot.js";
import { testCheck } from "../../support/check-table.js";
import { hubApiFixture } from "../../support/fixtures.js";
import { ancestorWith, snapshotOf, snapshotWith } from "../../support/snapshots.js";

/** meta-llama/Llama-3.2-3B as /api/models answers it (test/fixtures/SOURCES.tsv): text only, `LlamaForCausalLM`. */
const llama32Info = hubApiFixture("meta-llama__Llama-3.2-3B.maruel-fixture");
const llama32TextOnly = snapshotOf(llama32Info);

/**
 * The same payload shape as a Llama 4 quantization republished with the card's task relabelled: the Hub's `config`
 * summary keeps `Llama4ForConditionalGeneration`, the task says `text-generation`.
 */
const llama4RelabelledInfo: JsonObject = {
  ...llama32Info,
  id: "someone/Llama-4-Scout-17B-16E-Instruct-FP8",
  pipeline_tag: "text-generation",
  tags: ["transformers", "safetensors", "llama4", "text-generation", "license:llama4"],
  config: { architectures: ["Llama4ForConditionalGeneration"], model_type: "llama4" },
  cardData: {
    license: "llama4",
    pipeline_tag: "text-generation",
    base_model: "meta-llama/Llama-4-Scout-17B-16E-Instruct",
  },
};
const llama4RelabelledReal = snapshotOf(llama4RelabelledInfo);

/** Llama 3.2 Vision: multimodal, known by its architecture. */
const vision: ModelSnapshot = {
  ...snapshotWith({ license: "llama3.2" }),
  config: { architectures: ["MllamaForConditionalGeneration"], model_type: "mllama" },
};
const text = snapshotWith({ license: "llama3.2" });

/** A Llama 4 quantization whose card relabels the task; its config (the Hub's summary) keeps the vision tower. */
const relabelledLlama4: ModelSnapshot = {
  ...snapshotWith({ license: "llama4", base_model: "meta-llama/Llama-4-Scout-17B-16E-Instruct" }, [
    "base_model:quantized:meta-llama/Llama-4-Scout-17B-16E-Instruct",
  ]),
  pipelineTag: "text-generation",
  config: { architectures: ["Llama4ForConditionalGeneration"], model_type: "llama4" },
  files: ["config.json", "model-00001-of-00012.safetensors"],
};

/** An mllama fine-tune tagged text-generation, its task and config silent: only the ancestor is multimodal. */
const mllamaParent = ancestorWith("meta-llama/Llama-3.2-11B-Vision-Instruct", { license: "llama3.2" });
mllamaParent.snapshot = {
  ...mllamaParent.snapshot!,
  pipelineTag: "image-text-to-text",
  config: { architectures: ["MllamaForConditionalGeneration"], model_type: "mllama" },
};
const mllamaFinetune: ModelSnapshot = {
  ...snapshotWith({ license: "llama3.2", base_model: "meta-llama/Llama-3.2-11B-Vision-Instruct" }),
  pipelineTag: "text-generation",
};

/** meta-llama/Llama-3.3-70B-Instruct: text only. */
const llama33: ModelSnapshot = {
  ...snapshotWith({ license: "llama3.3" }, ["text-generation", "license:llama3.3"]),
  pipelineTag: "text-generation",
  config: { architectures: ["LlamaForCausalLM"], model_type: "llama" },
  files: ["config.json", "generation_config.json", "tokenizer.json"],
};

/** A Hunyuan card: `license: other` with the community license's name, as tencent/Hunyuan-MT-7B. */
const hunyuan: ModelSnapshot = {
  ...snapshotWith({ license: "other", license_name: "tencent-hunyuan-community" }),
  pipelineTag: "translation",
};

/** A gated card that refuses EU users (hub-docs docs/hub/models-gated.md). */
const euDisallowed: ModelSnapshot = snapshotWith({ license: "apache-2.0", extra_gated_eu_disallowed: true });

const block = (domicile: string) => `context:\n  domicile: ${domicile}\nrules:\n  geographicExclusions: block\n`;

testCheck("license-geographic-restriction", {
  valid: [
    { name: "a text-only model in the EU", snapshot: text, policy: "extends: eu\n" },
    { name: "a text-only Llama 3.3 in the EU", snapshot: llama33, policy: "extends: eu\n" },
    { name: "a text-only Llama 3.3 under default", snapshot: llama33 },
    {
      name: "meta-llama/Llama-3.2-3B's real payload (text only) in the EU",
      snapshot: llama32TextOnly,
      policy: "extends: eu\n",
    },
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
    {
      name: "a company outside the EU: information",
      snapshot: vision,
      policy: block("US"),
      findings: [{ severity: "info", args: { domicile: "US" } }],
    },
    {
      name: "no domicile: information",
      snapshot: vision,
      policy: "rules:\n  geographicExclusions: block\n",
      findings: [{ severity: "info", args: { domicile: "not set" } }],
    },
    {
      name: "an EU domicile with no geographicExclusions rule: information",
      snapshot: vision,
      policy: "context:\n  domicile: FR\n",
      findings: [{ severity: "info", args: { domicile: "FR" } }],
    },
    {
      name: "Llama 4 under default (no domicile): information",
      snapshot: relabelledLlama4,
      findings: [{ severity: "info", args: { license: "llama4", multimodal: true } }],
    },
    {
      name: "a Llama 4 quantization relabelled text-generation, config Llama4ForConditionalGeneration, under eu",
      snapshot: relabelledLlama4,
      policy: "extends: eu\n",
      findings: [
        {
          severity: "error",
          args: { license: "llama4", region: "EU", multimodal: true },
          evidence: [{ source: "card" }, { source: "api", field: "config.architectures" }],
        },
      ],
    },
    {
      name: "the Llama 3.2 3B payload reshaped as a relabelled Llama 4 quantization, under eu",
      snapshot: llama4RelabelledReal,
      policy: "extends: eu\n",
      findings: [{ severity: "error", args: { license: "llama4", multimodal: true } }],
    },
    {
      name: "an mllama fine-tune tagged text-generation, under eu: multimodal by its ancestor",
      snapshot: mllamaFinetune,
      ancestors: [mllamaParent],
      policy: "extends: eu\n",
      findings: [
        {
          severity: "error",
          args: { license: "llama3.2", multimodal: true },
          evidence: [
            { source: "card" },
            { source: "api", field: "lineage" },
            { source: "api", field: "lineage.meta-llama/Llama-3.2-11B-Vision-Instruct.config.architectures" },
          ],
        },
      ],
    },
    {
      name: "Hunyuan, domiciled in KR",
      snapshot: hunyuan,
      policy: block("KR"),
      findings: [
        {
          severity: "error",
          args: { license: "tencent-hunyuan-community", region: "EU, GB, KR", domicile: "KR", multimodal: false },
        },
      ],
    },
    {
      name: "Hunyuan, domiciled in GB",
      snapshot: hunyuan,
      policy: block("GB"),
      findings: [{ severity: "error", args: { region: "EU, GB, KR", domicile: "GB" } }],
    },
    {
      name: "Hunyuan, domiciled in DE (an EU member state)",
      snapshot: hunyuan,
      policy: block("DE"),
      findings: [{ severity: "error", args: { domicile: "DE" } }],
    },
    {
      name: "Hunyuan, domiciled in US: information",
      snapshot: hunyuan,
      policy: block("US"),
      findings: [{ severity: "info", args: { domicile: "US" } }],
    },
    {
      name: "extra_gated_eu_disallowed, domiciled in DE",
      snapshot: euDisallowed,
      policy: block("DE"),
      findings: [
        {
          severity: "error",
          args: { license: "org/model", region: "EU", domicile: "DE" },
          subject: null,
          evidence: [{ source: "card", path: ["extra_gated_eu_disallowed"] }],
        },
      ],
    },
    {
      name: "extra_gated_eu_disallowed, domiciled in US: information",
      snapshot: euDisallowed,
      policy: block("US"),
      findings: [{ severity: "info", args: { region: "EU", domicile: "US" } }],
    },
  ],
});
