import type { MessageKey, MessageRef } from "@/lib/i18n";

// The chat settings' bounds and tables, without zod: the settings form, the composer and the message
// converter import this file, so the chat page's first load does not ship zod. The route's schemas
// (contract.ts, which re-exports everything here) are built from the same numbers. The rules that
// apply them to one model are in reconcile.ts.

export interface NumberBound {
  min: number;
  max: number;
  int?: boolean;
}

/** The absolute range of every number setting, whatever the model. */
export const NUMBER_BOUNDS = {
  temperature: { min: 0, max: 2 },
  topP: { min: 0, max: 1 },
  topK: { min: -1, max: 100, int: true },
  minP: { min: 0, max: 1 },
  maxTokens: { min: 1, max: 32_768, int: true },
  frequencyPenalty: { min: -2, max: 2 },
  /** SiliconFlow documents 128–32768 for every model that has a budget; a model may narrow it. */
  thinkingBudget: { min: 128, max: 32_768, int: true },
} as const satisfies Record<string, NumberBound>;

export type NumberField = keyof typeof NUMBER_BOUNDS;
export const NUMBER_FIELDS = Object.keys(NUMBER_BOUNDS) as readonly NumberField[];

/** Whole request body: inline images travel as data: URLs. */
export const CHAT_BODY_MAX_BYTES = 8 * 1024 * 1024;

/** Messages per request: a longer thread sends its latest ones (lib/chat/client/convert.ts). */
export const CHAT_MAX_MESSAGES = 500;

export const SYSTEM_PROMPT_MAX = 20_000;
export const STOP_SEQUENCES_MAX = 4;
export const STOP_SEQUENCE_LENGTH_MAX = 100;
/** SiliconFlow takes up to 4 stop sequences; GLM documents a single one. */
export const STOP_MAX = { siliconflow: STOP_SEQUENCES_MAX, glm: 1 } as const;
/** A `reasoning_effort` level ("high", "max", …); which levels a model takes is checked per model. */
export const REASONING_EFFORT_MAX_LENGTH = 20;

/**
 * Every setting, with the label the settings form shows for it (ui-contract: "Temperature", "Top P",
 * "Max tokens", …), so that a message about a field names it as the form does. contract.ts checks
 * that these are exactly the settings schema's fields.
 */
export const FIELD_NAMES = {
  systemPrompt: "chat.settings.systemPrompt",
  temperature: "chat.settings.temperature",
  topP: "chat.settings.topP",
  topK: "chat.settings.topK",
  minP: "chat.settings.minP",
  maxTokens: "chat.settings.maxTokens",
  frequencyPenalty: "chat.settings.frequencyPenalty",
  stop: "chat.settings.stop",
  thinking: "chat.settings.thinking",
  thinkingBudget: "chat.settings.thinkingBudget",
  reasoningEffort: "chat.settings.reasoningEffort",
} as const satisfies Record<string, MessageKey>;

export type SettingField = keyof typeof FIELD_NAMES;

export interface SettingIssue {
  field: SettingField;
  message: MessageRef;
}

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
