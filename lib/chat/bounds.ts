// The absolute bounds of every chat setting, whatever the model. The route's zod schema
// (lib/chat/schema.ts) is built from these, and the settings form checks them with plain code so
// that the chat page does not ship zod. Per-model limits are in limits.ts.

export interface NumberBound {
  min: number;
  max: number;
  int?: boolean;
}

export const NUMBER_BOUNDS = {
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  topK: { min: -1, max: 100, int: true },
  minP: { min: 0, max: 1 },
  maxTokens: { min: 1, max: 32_768, int: true },
  frequencyPenalty: { min: -2, max: 2 },
  thinkingBudget: { min: 128, max: 32_768, int: true },
} as const satisfies Record<string, NumberBound>;

/** Whole request body: inline images travel as data: URLs. */
export const CHAT_BODY_MAX_BYTES = 8 * 1024 * 1024;

/** Messages per request: a longer thread sends its latest ones (lib/chat/client/convert.ts). */
export const CHAT_MAX_MESSAGES = 500;

export const SYSTEM_PROMPT_MAX = 20_000;
export const STOP_SEQUENCES_MAX = 4;
export const STOP_SEQUENCE_LENGTH_MAX = 100;
/** A `reasoning_effort` level ("high", "max", …); which levels a model takes is checked per model. */
export const REASONING_EFFORT_MAX_LENGTH = 20;

/** Whether one setting's value is within the absolute bounds (the form's last check). */
export function withinBounds(field: string, value: unknown): boolean {
  if (value === undefined) return true;
  const bound = (NUMBER_BOUNDS as Record<string, NumberBound>)[field];
  if (bound) {
    if (typeof value !== "number" || !Number.isFinite(value)) return false;
    return value >= bound.min && value <= bound.max && (!bound.int || Number.isInteger(value));
  }
  if (field === "systemPrompt") return typeof value === "string" && value.length <= SYSTEM_PROMPT_MAX;
  if (field === "stop") {
    return (
      Array.isArray(value) &&
      value.length <= STOP_SEQUENCES_MAX &&
      value.every((s) => typeof s === "string" && s.length >= 1 && s.length <= STOP_SEQUENCE_LENGTH_MAX)
    );
  }
  if (field === "thinking") return typeof value === "boolean";
  if (field === "reasoningEffort") {
    return typeof value === "string" && value.length >= 1 && value.length <= REASONING_EFFORT_MAX_LENGTH;
  }
  return false;
}
