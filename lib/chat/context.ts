import type { ModelInfo } from "@/lib/providers/catalog";
import { estimateImageTokens, type ImageDetail, qwenImageTokens } from "@/lib/vision/tokens";

// Will the thread fit the model's context window? An estimate made before anything is sent, on the
// server (authoritative: it trims the request) and in the composer (to refuse a message that cannot
// fit on its own, before it is stored). Pure and shared, so both sides decide the same way.
//
// The estimate leans high on purpose: dropping one more old turn costs little, while a request over
// the window fails outright (SiliconFlow 400 code 20015 "length of prompt_tokens (N) must be less than
// max_seq_len (M)", GLM 1261). Tokenizers differ per model and none ships here, so text is counted as
// one token per CJK character and one per three other characters (real tokenizers spend about one
// per Chinese character and one per four English characters).

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
/** Role markers and separators that each message adds in the chat template. */
export const MESSAGE_OVERHEAD_TOKENS = 8;
/**
 * GLM publishes no image-token rule; seed 000's GLM-4V example bills 1037 prompt tokens for one image
 * and a five-character question, so an image is taken as this many.
 */
const GLM_IMAGE_TOKENS = 1100;
/** A SiliconFlow image whose size is unknown: the prepared long side (lib/vision/size.ts) at high detail. */
const UNKNOWN_IMAGE_SIDE = 2048;

export function estimateTextTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (CJK.test(ch)) cjk++;
    else other++;
  }
  return cjk + Math.ceil(other / 3);
}

export interface EstimatedImage {
  width?: number;
  height?: number;
  detail?: ImageDetail;
}

/** One image on `model`: SiliconFlow's published rule (seed 003) where the size is known. */
function estimateImage(model: Pick<ModelInfo, "id" | "provider">, image: EstimatedImage, images = 1): number {
  if (model.provider === "glm") return GLM_IMAGE_TOKENS;
  const detail = image.detail ?? "auto";
  if (image.width && image.height) {
    return estimateImageTokens(model, image.width, image.height, detail, images) ?? GLM_IMAGE_TOKENS;
  }
  return detail === "low" ? 256 : qwenImageTokens(UNKNOWN_IMAGE_SIDE, UNKNOWN_IMAGE_SIDE, "high");
}

/** What the estimator needs of one message: its text and its images. */
export interface MessageSize {
  text: string;
  images: readonly EstimatedImage[];
}

export function estimateMessage(model: Pick<ModelInfo, "id" | "provider">, message: MessageSize): number {
  let tokens = MESSAGE_OVERHEAD_TOKENS + estimateTextTokens(message.text);
  for (const image of message.images) tokens += estimateImage(model, image, message.images.length);
  return tokens;
}

/** Room kept free besides the output: the provider's own template and our estimate's error. */
function contextMargin(model: Pick<ModelInfo, "contextWindow">): number {
  return Math.max(64, Math.ceil(model.contextWindow * 0.02));
}

/**
 * Output tokens reserved when deciding what fits: the user's max tokens, else the model's cap, but
 * never more than a quarter of the window (a 4K-window model with a 4K cap would otherwise fit nothing).
 */
function outputReserve(model: Pick<ModelInfo, "maxTokensCap" | "contextWindow">, maxTokens?: number): number {
  return maxTokens ?? Math.min(model.maxTokensCap, Math.floor(model.contextWindow / 4));
}

/** Prompt tokens the window leaves once the output and the margin are reserved. */
export function promptBudget(model: Pick<ModelInfo, "maxTokensCap" | "contextWindow">, maxTokens?: number): number {
  return model.contextWindow - outputReserve(model, maxTokens) - contextMargin(model);
}

interface ContextPlan {
  /** Index of the first message sent; messages before it are left out. */
  start: number;
  /** Messages left out (= start). */
  dropped: number;
  /** Estimated prompt tokens of what is sent (system prompt included). */
  promptTokens: number;
  budget: number;
  /** False when even the newest messages (`keepLast`) do not fit: nothing should be sent. */
  fits: boolean;
}

interface PlanInput {
  model: Pick<ModelInfo, "id" | "provider" | "maxTokensCap" | "contextWindow">;
  /** Estimated tokens of each message, oldest first. */
  messageTokens: readonly number[];
  /** The roles, to start the kept part at a user turn (no orphan answer at the top). */
  roles: readonly string[];
  systemPrompt?: string;
  /** The user's max tokens, if set. */
  maxTokens?: number;
  /** The newest messages that must be sent as they are (2 for Continue: the cut reply and the instruction). */
  keepLast?: number;
}

/** The oldest turns that do not fit are left out; the newest `keepLast` messages are never cut. */
export function planContext(input: PlanInput): ContextPlan {
  const { messageTokens, roles } = input;
  const budget = promptBudget(input.model, input.maxTokens);
  const system = input.systemPrompt?.trim() ? MESSAGE_OVERHEAD_TOKENS + estimateTextTokens(input.systemPrompt) : 0;
  const n = messageTokens.length;
  const keep = Math.min(n, Math.max(1, input.keepLast ?? 1));
  let total = system;
  for (let i = n - keep; i < n; i++) total += messageTokens[i] ?? 0;
  if (total > budget) return { start: n - keep, dropped: n - keep, promptTokens: total, budget, fits: false };
  let start = n - keep;
  while (start > 0 && total + (messageTokens[start - 1] ?? 0) <= budget) {
    start--;
    total += messageTokens[start] ?? 0;
  }
  // Start at a user turn: an answer without its question confuses the model and GLM refuses it.
  while (start > 0 && start < n - keep && roles[start] !== "user") {
    total -= messageTokens[start] ?? 0;
    start++;
  }
  return { start, dropped: start, promptTokens: total, budget, fits: true };
}

/**
 * max_tokens as sent: the user's value, else the model's cap — lowered to what the window leaves
 * after this prompt, so prompt and output together stay within the window.
 */
export function outputTokens(
  model: Pick<ModelInfo, "maxTokensCap" | "contextWindow">,
  promptTokens: number,
  maxTokens?: number,
): number {
  if (maxTokens !== undefined) return maxTokens;
  const room = model.contextWindow - promptTokens - contextMargin(model);
  return Math.max(1, Math.min(model.maxTokensCap, room));
}
