import type { UIMessage } from "ai";
import { z } from "zod";

// The contract between /api/chat and the chat UI. The route validates requests
// with these schemas; the UI builds them; both read the same metadata.

export const modelRefSchema = z.object({
  provider: z.enum(["siliconflow", "glm"]),
  id: z.string().min(1).max(200),
});
export type ChatModelRef = z.infer<typeof modelRefSchema>;

/** Per-conversation settings; ranges are checked again per model (see lib/chat/limits.ts). */
export const chatSettingsSchema = z
  .object({
    systemPrompt: z.string().max(20_000).optional(),
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().min(0).max(1).optional(),
    topK: z.number().int().min(-1).max(100).optional(),
    minP: z.number().min(0).max(1).optional(),
    maxTokens: z.number().int().min(1).max(32_768).optional(),
    frequencyPenalty: z.number().min(-2).max(2).optional(),
    stop: z.array(z.string().min(1).max(100)).max(4).optional(),
    thinking: z.boolean().optional(),
    thinkingBudget: z.number().int().min(128).max(32_768).optional(),
  })
  .strict();
export type ChatSettingsInput = z.infer<typeof chatSettingsSchema>;

export interface ChatUsage {
  input: number;
  output: number;
  reasoning: number;
}

/** Metadata the route attaches to each assistant message. */
export interface ChatMetadata {
  model?: ChatModelRef;
  createdAt?: number;
  usage?: ChatUsage;
  /** The provider's own finish reason: stop, length, tool_calls, sensitive, risky, network_error, … */
  finishReason?: string;
  /** Time from the first reasoning token to the first answer token. */
  reasoningMs?: number;
}

export type ChatMessage = UIMessage<ChatMetadata>;
