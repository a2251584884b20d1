import { SF_CHAT_MODELS } from "./chat-models";

export interface SimModel {
  id: string;
  type: "text" | "image" | "audio" | "video";
  subType: string;
}

export const SF_MODELS: readonly SimModel[] = [
  // Chat models and how each thinks: chat-models.ts.
  ...SF_CHAT_MODELS.map((m): SimModel => ({ id: m.id, type: "text", subType: "chat" })),
  { id: "BAAI/bge-m3", type: "text", subType: "embedding" },
  { id: "BAAI/bge-reranker-v2-m3", type: "text", subType: "reranker" },
  { id: "black-forest-labs/FLUX.1-schnell", type: "image", subType: "text-to-image" },
  { id: "black-forest-labs/FLUX.1-dev", type: "image", subType: "text-to-image" },
  { id: "Kwai-Kolors/Kolors", type: "image", subType: "text-to-image" },
  { id: "Qwen/Qwen-Image", type: "image", subType: "text-to-image" },
  { id: "Qwen/Qwen-Image-Edit", type: "image", subType: "image-to-image" },
  { id: "Qwen/Qwen-Image-Edit-2509", type: "image", subType: "image-to-image" },
  { id: "Tongyi-MAI/Z-Image-Turbo", type: "image", subType: "text-to-image" },
  { id: "Wan-AI/Wan2.2-T2V-A14B", type: "video", subType: "text-to-video" },
  { id: "Wan-AI/Wan2.2-I2V-A14B", type: "video", subType: "image-to-video" },
  // Seed 003's Wan2.1 models, still answered for accounts and clients that name them.
  { id: "Wan-AI/Wan2.1-T2V-14B", type: "video", subType: "text-to-video" },
  { id: "Wan-AI/Wan2.1-I2V-14B-720P", type: "video", subType: "image-to-video" },
  { id: "FunAudioLLM/CosyVoice2-0.5B", type: "audio", subType: "text-to-speech" },
  { id: "fnlp/MOSS-TTSD-v0.5", type: "audio", subType: "text-to-speech" },
  { id: "FunAudioLLM/SenseVoiceSmall", type: "audio", subType: "speech-to-text" },
  { id: "TeleAI/TeleSpeechASR", type: "audio", subType: "speech-to-text" },
];

export function sfModel(id: unknown, type: SimModel["type"], subTypes?: readonly string[]): SimModel | undefined {
  return SF_MODELS.find((m) => m.id === id && m.type === type && (!subTypes || subTypes.includes(m.subType)));
}

export const VOICE_PRESETS = ["alex", "benjamin", "charles", "david", "anna", "bella", "claire", "diana"] as const;

export const GLM_IMAGE_MODELS = ["cogview-3-flash", "cogview-4", "cogview-4-250304"] as const;

/** GLM's video models (docs.bigmodel.cn video API); cogvideox-3 alone takes a first and a last frame. */
export const GLM_VIDEO_MODELS = ["cogvideox-3", "cogvideox-flash"] as const;
