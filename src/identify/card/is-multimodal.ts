import type { Evidence } from "../../types/finding.js";
import type { Ancestor, JsonValue, ModelSnapshot } from "../../types/snapshot.js";

/**
 * Hub tasks whose models take more than one modality (text with images, video or audio). The Llama 3.2/3.3/4 use
 * policies withhold rights "with respect to any multimodal models", so this decides whether their EU clause bites.
 * Tasks: https://huggingface.co/tasks
 */
const MULTIMODAL_TASKS = new Set([
  "image-text-to-text",
  "visual-question-answering",
  "image-to-text",
  "video-text-to-text",
  "audio-text-to-text",
  "any-to-any",
  "document-question-answering",
  "visual-document-retrieval",
]);

/**
 * Architectures of vision-language models: Llama 4 (`Llama4ForConditionalGeneration`, text and vision towers),
 * Llama 3.2 Vision (Mllama), LLaVA, *VL*, *Vision*. A bare `ForConditionalGeneration` also names T5 and Whisper,
 * so it decides only beside a multimodal `model_type`.
 */
const MULTIMODAL_ARCHITECTURE =
  /^(Llama4ForConditionalGeneration|Mllama\w*|Llava\w*|\w*VL\w*|\w*Vision\w*|\w*ImageTextToText\w*)$/;

/**
 * `model_type`s of multimodal families. Llama 4 is "natively multimodal" as a whole (Meta, "The Llama 4 herd",
 * https://ai.meta.com/blog/llama-4-multimodal-intelligence/): `llama4` is the multimodal config; its text-only
 * sub-config is `llama4_text` (transformers, models/llama4/configuration_llama4.py), which is how a derivative
 * shows the vision tower removed. `mllama` is Llama 3.2 Vision.
 */
const MULTIMODAL_MODEL_TYPES = new Set([
  "llama4",
  "mllama",
  "llava",
  "llava_next",
  "qwen2_vl",
  "qwen2_5_vl",
  "idefics3",
]);

/** Text-only configs of families that are otherwise multimodal: a derivative whose own config says so dropped the rest. */
const TEXT_ONLY_MODEL_TYPES = new Set(["llama4_text"]);
const TEXT_ONLY_ARCHITECTURE = /^(Llama4ForCausalLM|MllamaForCausalLM)$/;

/** Files the image/video processors of transformers read: their presence means the repo takes images. */
const PROCESSOR_FILE =
  /(^|\/)(preprocessor_config\.json|processor_config\.json|image_processor\w*\.json|video_preprocessor_config\.json)$/;

export interface Modality {
  multimodal: boolean;
  /** The signal that decided, strongest first: config, files, an ancestor, the Hub task, the tags. */
  evidence: Evidence;
}

/**
 * Whether the model is multimodal, decided from every signal the repo gives, strongest first: its config (the
 * Hub's summary: `architectures`, `model_type`, a `vision_config` where the summary carries one), its processor
 * files, a multimodal ancestor (a quantization, fine-tune, adapter or merge stays multimodal unless its own config
 * shows the other modalities removed), then the Hub task and tags. A card's `pipeline_tag: text-generation` does not
 * override a vision architecture.
 */
export function isMultimodal(snapshot: ModelSnapshot, lineage: readonly Ancestor[] = []): Modality {
  const own = ownSignal(snapshot);
  if (own) return own;
  for (const ancestor of lineage) {
    if (!ancestor.snapshot) continue;
    const inherited = ownSignal(ancestor.snapshot);
    if (inherited?.multimodal) {
      return {
        multimodal: true,
        evidence: {
          source: "api",
          field: `lineage.${ancestor.id}.${signalField(inherited.evidence)}`,
          value: signalValue(inherited.evidence),
        },
      };
    }
  }
  return hubSignal(snapshot);
}

/** The config and the files: what the repo itself is, not how its card labels it. Null when they say nothing. */
function ownSignal(snapshot: ModelSnapshot): Modality | null {
  const config = snapshot.config ?? {};
  const names = strings(config["architectures"]);
  const modelType = typeof config["model_type"] === "string" ? config["model_type"] : null;
  const vision = names.find((name) => MULTIMODAL_ARCHITECTURE.test(name));
  if (vision) return { multimodal: true, evidence: { source: "api", field: "config.architectures", value: names } };
  if (modelType && MULTIMODAL_MODEL_TYPES.has(modelType))
    return { multimodal: true, evidence: { source: "api", field: "config.model_type", value: modelType } };
  if (config["vision_config"] !== undefined && config["vision_config"] !== null)
    return { multimodal: true, evidence: { source: "api", field: "config.vision_config", value: true } };
  const processor = snapshot.files.find((path) => PROCESSOR_FILE.test(path));
  if (processor) return { multimodal: true, evidence: { source: "api", field: "files", value: processor } };
  if (modelType && TEXT_ONLY_MODEL_TYPES.has(modelType))
    return { multimodal: false, evidence: { source: "api", field: "config.model_type", value: modelType } };
  if (names.some((name) => TEXT_ONLY_ARCHITECTURE.test(name)))
    return { multimodal: false, evidence: { source: "api", field: "config.architectures", value: names } };
  return null;
}

/** The Hub's task, then its tags: labels, weaker than the config. */
function hubSignal(snapshot: ModelSnapshot): Modality {
  if (snapshot.pipelineTag && MULTIMODAL_TASKS.has(snapshot.pipelineTag))
    return { multimodal: true, evidence: { source: "api", field: "pipeline_tag", value: snapshot.pipelineTag } };
  const tag = snapshot.tags.find((candidate) => MULTIMODAL_TASKS.has(candidate));
  if (tag) return { multimodal: true, evidence: { source: "tag", tag } };
  if (snapshot.pipelineTag)
    return { multimodal: false, evidence: { source: "api", field: "pipeline_tag", value: snapshot.pipelineTag } };
  return {
    multimodal: false,
    evidence: { source: "api", field: "config.architectures", value: strings(snapshot.config?.["architectures"]) },
  };
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
}

function signalField(evidence: Evidence): string {
  return evidence.source === "api" ? evidence.field : evidence.source;
}

function signalValue(evidence: Evidence): JsonValue {
  return evidence.source === "api" ? evidence.value : null;
}
