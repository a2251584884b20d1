import type { MessageKey, MessageRef, MessageVars } from "@/lib/i18n";
import type { ModelInfo } from "@/lib/providers/catalog";
import type { ChatSettingsInput } from "./types";

// Per-model checks of the chat settings, shared by the settings form (a message at the field) and
// /api/chat (a 400 that names the field; nothing is sent upstream). chatSettingsSchema in schema.ts (from bounds.ts)
// holds the widest ranges; these are the ranges of one model and one provider.

export type SettingField = keyof ChatSettingsInput;

export interface SettingIssue {
  field: SettingField;
  message: MessageRef;
}

export const THINKING_BUDGET_MIN = 128;
export const THINKING_BUDGET_MAX = 32_768;
/** SiliconFlow takes up to 4 stop sequences; GLM documents a single one. */
export const STOP_MAX = { siliconflow: 4, glm: 1 } as const;
export const TOP_K_MIN = -1;
export const TOP_K_MAX = 100;

/**
 * The settings a model takes, so the form can hide the others. GLM has no top_k, min_p,
 * frequency_penalty or thinking budget; min_p is a Qwen3 parameter on SiliconFlow; the Thinking
 * switch, the budget and the effort follow the model's thinking control (lib/providers/catalog-types.ts).
 */
export function supportedSettings(model: ModelInfo): Record<SettingField, boolean> {
  const sf = model.provider === "siliconflow";
  const control = model.thinking;
  return {
    systemPrompt: true,
    temperature: true,
    topP: true,
    maxTokens: true,
    stop: true,
    topK: sf,
    minP: sf && /qwen3/i.test(model.id),
    frequencyPenalty: sf,
    thinking: control.kind === "switch" || (control.kind === "effort" && control.switchable),
    thinkingBudget: sf && (control.kind === "switch" || control.kind === "always") && control.budget !== undefined,
    reasoningEffort: control.kind === "effort",
  };
}

/** Every problem with `settings` for `model`; empty when the settings can be sent as they are. */
export function validateSettings(model: ModelInfo, settings: ChatSettingsInput): SettingIssue[] {
  const issues: SettingIssue[] = [];
  const supported = supportedSettings(model);
  const add = (field: SettingField, key: MessageKey, vars?: MessageVars) =>
    issues.push({ field, message: vars ? { key, vars } : { key } });
  const range = (field: SettingField, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max) {
      add(field, "check.chat.range", { field: { key: FIELD_NAMES[field] }, model: model.id, min, max });
    }
  };

  for (const field of Object.keys(settings) as SettingField[]) {
    if (settings[field] === undefined || supported[field]) continue;
    add(field, "check.chat.notTaken", { model: model.id, field: { key: FIELD_NAMES[field] } });
  }

  const s = settings;
  if (s.temperature !== undefined) range("temperature", s.temperature, 0, model.temperatureMax);
  if (s.topP !== undefined) range("topP", s.topP, 0, 1);
  if (s.maxTokens !== undefined) {
    if (!Number.isInteger(s.maxTokens)) add("maxTokens", "check.chat.maxTokensWhole");
    else range("maxTokens", s.maxTokens, 1, model.maxTokensCap);
  }
  if (s.frequencyPenalty !== undefined && supported.frequencyPenalty) {
    range("frequencyPenalty", s.frequencyPenalty, -2, 2);
  }
  if (s.topK !== undefined && supported.topK) {
    if (!Number.isInteger(s.topK)) add("topK", "check.chat.topKWhole");
    else range("topK", s.topK, TOP_K_MIN, TOP_K_MAX);
  }
  if (s.minP !== undefined && supported.minP) range("minP", s.minP, 0, 1);
  if (s.thinkingBudget !== undefined && supported.thinkingBudget) {
    if (!Number.isInteger(s.thinkingBudget)) {
      add("thinkingBudget", "check.chat.budgetWhole");
    } else {
      const { min, max } = budgetRange(model);
      range("thinkingBudget", s.thinkingBudget, min, max);
    }
  }
  const control = model.thinking;
  if (s.reasoningEffort !== undefined && control.kind === "effort" && !control.levels.includes(s.reasoningEffort)) {
    const levels = control.levels.join(", ");
    add("reasoningEffort", "check.chat.effort", { model: model.id, levels });
  }
  if (s.stop !== undefined) {
    const max = STOP_MAX[model.provider];
    if (s.stop.length > max) {
      add("stop", "check.chat.stopMax", { model: model.id, max });
    }
    if (s.stop.some((seq) => seq.length === 0)) add("stop", "check.chat.stopEmpty");
  }
  return issues;
}

/** Labels that match the settings form (ui-contract: "Temperature", "Top P", "Max tokens", …): its own keys. */
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
} as const satisfies Record<SettingField, MessageKey>;

/** The thinking budget a model takes (SiliconFlow documents 128–32768 for every model that has one). */
export function budgetRange(model: ModelInfo): { min: number; max: number } {
  const control = model.thinking;
  const budget = control.kind === "switch" || control.kind === "always" ? control.budget : undefined;
  return budget ?? { min: THINKING_BUDGET_MIN, max: THINKING_BUDGET_MAX };
}
