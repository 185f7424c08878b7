import { describe, expect, it } from "vitest";
import { isMultimodal } from "../../../src/identify/card/is-multimodal.js";
import type { Ancestor, ModelSnapshot } from "../../../src/types/snapshot.js";
import { snapshotWith } from "../../support/snapshots.js";

/** A snapshot with the Hub's `config` summary, task and files as /api/models/{id} gives them. */
function model(fields: Partial<ModelSnapshot>): ModelSnapshot {
  return { ...snapshotWith({ license: "llama4" }), ...fields };
}

function parent(id: string, snapshot: ModelSnapshot, relation: Ancestor["relation"] = "quantized"): Ancestor {
  return {
    id,
    sha: "a".repeat(40),
    relation,
    depth: 1,
    parent: "org/child",
    licenses: [],
    snapshot,
    unavailable: null,
  };
}

/** meta-llama/Llama-4-Scout-17B-16E-Instruct as the Hub summarises it. */
const scout = model({
  id: "meta-llama/Llama-4-Scout-17B-16E-Instruct",
  pipelineTag: "image-text-to-text",
  config: { architectures: ["Llama4ForConditionalGeneration"], model_type: "llama4" },
  files: ["config.json", "preprocessor_config.json", "processor_config.json", "model-00001-of-00050.safetensors"],
});

describe("isMultimodal", () => {
  it.each<[string, ModelSnapshot, Ancestor[], boolean, string]>([
    [
      "a Llama 4 quantization relabelled text-generation, config Llama4ForConditionalGeneration",
      model({
        pipelineTag: "text-generation",
        config: { architectures: ["Llama4ForConditionalGeneration"], model_type: "llama4" },
        files: ["config.json", "model.safetensors"],
      }),
      [],
      true,
      "config.architectures",
    ],
    [
      "a Llama 4 GGUF with no config and text-generation, quantized from Scout",
      model({ pipelineTag: "text-generation", config: null, files: ["Llama-4-Scout-Q4_K_M.gguf"] }),
      [parent("meta-llama/Llama-4-Scout-17B-16E-Instruct", scout)],
      true,
      "lineage.meta-llama/Llama-4-Scout-17B-16E-Instruct.config.architectures",
    ],
    [
      "an mllama fine-tune tagged text-generation",
      model({ pipelineTag: "text-generation", config: { model_type: "mllama" }, files: ["config.json"] }),
      [],
      true,
      "config.model_type",
    ],
    [
      "a fine-tune whose only sign is its image processor file",
      model({
        pipelineTag: "text-generation",
        config: { architectures: ["SomeCustomModel"] },
        files: ["preprocessor_config.json"],
      }),
      [],
      true,
      "files",
    ],
    [
      "a text-only Llama 3.3",
      model({
        pipelineTag: "text-generation",
        config: { architectures: ["LlamaForCausalLM"], model_type: "llama" },
        files: ["config.json", "generation_config.json", "tokenizer.json"],
      }),
      [],
      false,
      "pipeline_tag",
    ],
    [
      "a Llama 4 derivative whose own config drops the vision tower (llama4_text)",
      model({
        pipelineTag: "text-generation",
        config: { architectures: ["Llama4ForCausalLM"], model_type: "llama4_text" },
        files: ["config.json"],
      }),
      [parent("meta-llama/Llama-4-Scout-17B-16E-Instruct", scout, "finetune")],
      false,
      "config.model_type",
    ],
  ])("%s", (_name, snapshot, lineage, multimodal, field) => {
    const result = isMultimodal(snapshot, lineage);
    expect(result.multimodal).toBe(multimodal);
    expect(result.evidence).toMatchObject({ source: "api", field });
  });
});
