import type { Evidence } from "../../types/finding.js";
import type { ModelSnapshot } from "../../types/snapshot.js";

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

/** Architectures of vision-language models, for cards without a task: Llama 4, Llama 3.2 Vision (Mllama), LLaVA, *VL*. */
const MULTIMODAL_ARCHITECTURE =
  /^(Llama4ForConditionalGeneration|Mllama\w*|Llava\w*|\w*VL\w*|\w*Vision\w*|\w*ImageTextToText\w*)$/;

/** Whether the model is multimodal, with the evidence that says so (or that it is not). */
export function isMultimodal(snapshot: ModelSnapshot): { multimodal: boolean; evidence: Evidence } {
  if (snapshot.pipelineTag) {
    return {
      multimodal: MULTIMODAL_TASKS.has(snapshot.pipelineTag),
      evidence: { source: "api", field: "pipeline_tag", value: snapshot.pipelineTag },
    };
  }
  const architectures = snapshot.config?.["architectures"];
  const names = Array.isArray(architectures)
    ? architectures.filter((name): name is string => typeof name === "string")
    : [];
  const tag = snapshot.tags.find((candidate) => MULTIMODAL_TASKS.has(candidate));
  if (tag) return { multimodal: true, evidence: { source: "tag", tag } };
  return {
    multimodal: names.some((name) => MULTIMODAL_ARCHITECTURE.test(name)),
    evidence: { source: "api", field: "config.architectures", value: names },
  };
}
