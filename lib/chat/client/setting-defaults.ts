import { NUMBER_BOUNDS, type NumberField } from "@/lib/chat/bounds";
import { numberRange } from "@/lib/chat/reconcile";
import type { ModelInfo } from "@/lib/providers/catalog";

// What a number setting means when it is left unset — the provider's documented default — and how
// finely the form moves it. The form shows these; nothing here is sent (an unset field stays out of
// the request, except max_tokens, which the handler fills with the model's cap: lib/chat/context.ts).
//
// Sources:
// - GLM: the chat API's parameter table (seed 000_…, GLM-4V-Flash section): temperature [0.0, 1.0],
//   default 0.8; top_p [0.0, 1.0], default 0.6. upstream-contract.md: "temperature and top_p in
//   [0, 1]" (catalog-glm.ts sets temperatureMax 1).
// - SiliconFlow: the chat-completions API reference documents temperature ≤ 2, top_p ≤ 1, min_p ≤ 1
//   (Qwen3 only), frequency_penalty −2…2 and gives no separate default column; the values its
//   reference request fills in are temperature 0.7, top_p 0.7, top_k 50, frequency_penalty 0.5,
//   min_p 0.05 (seed 000_… lines 21–28, seed 001_… the same request in Python and Go), so those are
//   shown. thinking_budget 128–32768, default 4096 (upstream-contract.md, SiliconFlow section).

const SILICONFLOW: Record<Exclude<NumberField, "maxTokens">, number> = {
  temperature: 0.7,
  topP: 0.7,
  topK: 50,
  minP: 0.05,
  frequencyPenalty: 0.5,
  thinkingBudget: 4096,
};

const GLM: Partial<Record<NumberField, number>> = { temperature: 0.8, topP: 0.6 };

/** The value the provider uses when the field is left unset, clamped into the model's range. */
export function providerDefault(model: ModelInfo, field: NumberField): number {
  const { min, max } = numberRange(model, field);
  // An unset max_tokens is sent as the model's cap (never the provider's small default).
  const raw =
    field === "maxTokens"
      ? model.maxTokensCap
      : ((model.provider === "glm" ? GLM[field] : undefined) ?? SILICONFLOW[field]);
  return Math.min(max, Math.max(min, raw));
}

/** Arrow keys and the slider move by `step`; Shift and Page keys by `largeStep`. */
const SETTING_STEPS: Record<NumberField, { step: number; largeStep: number }> = {
  temperature: { step: 0.05, largeStep: 0.5 },
  topP: { step: 0.05, largeStep: 0.25 },
  topK: { step: 1, largeStep: 10 },
  minP: { step: 0.01, largeStep: 0.1 },
  maxTokens: { step: 1, largeStep: 1024 },
  frequencyPenalty: { step: 0.1, largeStep: 0.5 },
  thinkingBudget: { step: 1, largeStep: 1024 },
};

/** Range, default and steps of one number setting for one model: what the form's slider needs. */
export function numberSetting(model: ModelInfo, field: NumberField) {
  const { min, max } = numberRange(model, field);
  return { min, max, defaultValue: providerDefault(model, field), ...SETTING_STEPS[field] };
}

/**
 * The same for a form not tied to one model (Settings → New chat defaults with "the last used model"):
 * the absolute range, and no default, since the model that will answer is not known yet.
 */
export function anyModelSetting(field: NumberField) {
  const { min, max } = NUMBER_BOUNDS[field];
  return { min, max, defaultValue: undefined, ...SETTING_STEPS[field] };
}
