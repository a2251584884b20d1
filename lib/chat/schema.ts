import { z } from "zod";
import {
  NUMBER_BOUNDS,
  type NumberBound,
  REASONING_EFFORT_MAX_LENGTH,
  STOP_SEQUENCE_LENGTH_MAX,
  STOP_SEQUENCES_MAX,
  SYSTEM_PROMPT_MAX,
} from "./bounds";
import type { ChatModelRef, ChatSettingsInput } from "./types";

// The route's checks of what the chat UI sends (server side only: zod stays out of the page).

export const modelRefSchema = z.object({
  provider: z.enum(["siliconflow", "glm"]),
  id: z.string().min(1).max(200),
});

function bounded({ min, max, int }: NumberBound) {
  return (int ? z.number().int() : z.number()).min(min).max(max).optional();
}

/** Per-conversation settings; ranges are checked again per model (see lib/chat/limits.ts). */
export const chatSettingsSchema = z
  .object({
    systemPrompt: z.string().max(SYSTEM_PROMPT_MAX).optional(),
    temperature: bounded(NUMBER_BOUNDS.temperature),
    topP: bounded(NUMBER_BOUNDS.topP),
    topK: bounded(NUMBER_BOUNDS.topK),
    minP: bounded(NUMBER_BOUNDS.minP),
    maxTokens: bounded(NUMBER_BOUNDS.maxTokens),
    frequencyPenalty: bounded(NUMBER_BOUNDS.frequencyPenalty),
    stop: z.array(z.string().min(1).max(STOP_SEQUENCE_LENGTH_MAX)).max(STOP_SEQUENCES_MAX).optional(),
    thinking: z.boolean().optional(),
    thinkingBudget: bounded(NUMBER_BOUNDS.thinkingBudget),
    reasoningEffort: z.string().min(1).max(REASONING_EFFORT_MAX_LENGTH).optional(),
  })
  .strict();

// The UI's hand-written types (types.ts) and these schemas must describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMAS_MATCH_TYPES: [
  Same<z.infer<typeof modelRefSchema>, ChatModelRef>,
  Same<z.infer<typeof chatSettingsSchema>, ChatSettingsInput>,
] = [true, true];
