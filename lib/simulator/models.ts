export interface SimModel {
  id: string;
  type: "text" | "image" | "audio" | "video";
  subType: string;
}

const chat = (id: string): SimModel => ({ id, type: "text", subType: "chat" });

export const SF_MODELS: readonly SimModel[] = [
  chat("deepseek-ai/DeepSeek-R1"),
  chat("deepseek-ai/DeepSeek-V3"),
  chat("deepseek-ai/DeepSeek-V3.1"),
  chat("deepseek-ai/DeepSeek-V3.2"),
  chat("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B"),
  chat("deepseek-ai/deepseek-vl2"),
  chat("Qwen/Qwen3-8B"),
  chat("Qwen/Qwen3-32B"),
  chat("Qwen/Qwen3-235B-A22B-Thinking-2507"),
  chat("Qwen/QwQ-32B"),
  chat("Qwen/Qwen2.5-7B-Instruct"),
  chat("Qwen/Qwen2.5-72B-Instruct"),
  chat("Qwen/Qwen2.5-VL-72B-Instruct"),
  chat("THUDM/GLM-4-9B-0414"),
  chat("THUDM/GLM-Z1-9B-0414"),
  chat("zai-org/GLM-4.5"),
  chat("zai-org/GLM-4.5V"),
  { id: "BAAI/bge-m3", type: "text", subType: "embedding" },
  { id: "BAAI/bge-reranker-v2-m3", type: "text", subType: "reranker" },
  { id: "black-forest-labs/FLUX.1-schnell", type: "image", subType: "text-to-image" },
  { id: "black-forest-labs/FLUX.1-dev", type: "image", subType: "text-to-image" },
  { id: "Kwai-Kolors/Kolors", type: "image", subType: "text-to-image" },
  { id: "Qwen/Qwen-Image", type: "image", subType: "text-to-image" },
  { id: "Qwen/Qwen-Image-Edit", type: "image", subType: "image-to-image" },
  { id: "Wan-AI/Wan2.2-T2V-A14B", type: "video", subType: "text-to-video" },
  { id: "Wan-AI/Wan2.2-I2V-A14B", type: "video", subType: "image-to-video" },
  { id: "FunAudioLLM/CosyVoice2-0.5B", type: "audio", subType: "text-to-speech" },
  { id: "FunAudioLLM/SenseVoiceSmall", type: "audio", subType: "speech-to-text" },
  { id: "TeleAI/TeleSpeechASR", type: "audio", subType: "speech-to-text" },
];

export function sfModel(id: unknown, type: SimModel["type"], subTypes?: readonly string[]): SimModel | undefined {
  return SF_MODELS.find((m) => m.id === id && m.type === type && (!subTypes || subTypes.includes(m.subType)));
}

const REASONING = /R1|QwQ|Thinking|reasoner|GLM-Z1|Qwen3|GLM-4\.5|GLM-4\.6|DeepSeek-V3\.[12]/i;
// Hybrid models think by default and stop when the request says `enable_thinking: false`.
const HYBRID = /Qwen3(?!.*Thinking)|DeepSeek-V3\.[12]|GLM-4\.5|GLM-4\.6/i;

/** How a SiliconFlow chat model returns its reasoning for this request. */
export function sfThinking(model: string, enableThinking: unknown): "none" | "field" | "inline" {
  if (!REASONING.test(model)) return "none";
  if (HYBRID.test(model) && enableThinking === false) return "none";
  // Distilled models emit their chain of thought as <think>…</think> at the start of `content`.
  return /Distill/i.test(model) ? "inline" : "field";
}

export function sfMaxTokensCap(model: string): number {
  return REASONING.test(model) ? 16384 : 4096;
}

export function sfIsVision(model: string): boolean {
  return /VL|vl2|GLM-4\.\dV|QVQ|Omni/i.test(model);
}

export const VOICE_PRESETS = ["alex", "benjamin", "charles", "david", "anna", "bella", "claire", "diana"] as const;

export const GLM_CHAT_MODELS = [
  "glm-4-flash",
  "glm-4-air",
  "glm-4-plus",
  "glm-4.5-flash",
  "glm-4.5-air",
  "glm-4.5",
  "glm-4.6",
  "glm-z1-flash",
  "glm-z1-air",
  "glm-4v",
  "glm-4v-flash",
  "glm-4v-plus",
  "glm-4.5v",
] as const;

export const GLM_IMAGE_MODELS = ["cogview-3-flash", "cogview-4"] as const;

export function glmThinking(model: string, thinking: unknown): boolean {
  if (/^glm-z1/.test(model)) return true;
  if (!/^glm-4\.[56]/.test(model)) return false;
  const type = typeof thinking === "object" && thinking !== null ? (thinking as { type?: unknown }).type : undefined;
  return type !== "disabled";
}

export function glmIsVision(model: string): boolean {
  return /^glm-4(\.\d)?v/.test(model);
}
