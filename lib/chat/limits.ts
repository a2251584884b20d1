import type { ModelInfo } from "@/lib/providers/catalog";
import type { ChatSettingsInput } from "./types";

// Per-model checks of the chat settings, shared by the settings form (a message at the field) and
// /api/chat (a 400 that names the field; nothing is sent upstream). chatSettingsSchema in schema.ts (from bounds.ts)
// holds the widest ranges; these are the ranges of one model and one provider.

export type SettingField = keyof ChatSettingsInput;

export interface SettingIssue {
  field: SettingField;
  message: { en: string; zh: string };
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
  const add = (field: SettingField, en: string, zh: string) => issues.push({ field, message: { en, zh } });
  const range = (field: SettingField, label: { en: string; zh: string }, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max) {
      add(
        field,
        `${label.en} for ${model.id} must be between ${min} and ${max}.`,
        `${model.id} 的${label.zh}必须在 ${min} 到 ${max} 之间。`,
      );
    }
  };

  for (const field of Object.keys(settings) as SettingField[]) {
    if (settings[field] === undefined || supported[field]) continue;
    const name = FIELD_NAMES[field];
    add(
      field,
      `${model.id} does not take "${name.en}". Clear this field.`,
      `${model.id} 不支持“${name.zh}”。请清空此项。`,
    );
  }

  const s = settings;
  if (s.temperature !== undefined)
    range("temperature", FIELD_NAMES.temperature, s.temperature, 0, model.temperatureMax);
  if (s.topP !== undefined) range("topP", FIELD_NAMES.topP, s.topP, 0, 1);
  if (s.maxTokens !== undefined) {
    if (!Number.isInteger(s.maxTokens))
      add("maxTokens", "Max tokens must be a whole number.", "最大 token 数必须是整数。");
    else range("maxTokens", FIELD_NAMES.maxTokens, s.maxTokens, 1, model.maxTokensCap);
  }
  if (s.frequencyPenalty !== undefined && supported.frequencyPenalty) {
    range("frequencyPenalty", FIELD_NAMES.frequencyPenalty, s.frequencyPenalty, -2, 2);
  }
  if (s.topK !== undefined && supported.topK) {
    if (!Number.isInteger(s.topK)) add("topK", "Top K must be a whole number.", "Top K 必须是整数。");
    else range("topK", FIELD_NAMES.topK, s.topK, TOP_K_MIN, TOP_K_MAX);
  }
  if (s.minP !== undefined && supported.minP) range("minP", FIELD_NAMES.minP, s.minP, 0, 1);
  if (s.thinkingBudget !== undefined && supported.thinkingBudget) {
    if (!Number.isInteger(s.thinkingBudget)) {
      add("thinkingBudget", "The thinking budget must be a whole number.", "思考预算必须是整数。");
    } else {
      const { min, max } = budgetRange(model);
      range("thinkingBudget", FIELD_NAMES.thinkingBudget, s.thinkingBudget, min, max);
    }
  }
  const control = model.thinking;
  if (s.reasoningEffort !== undefined && control.kind === "effort" && !control.levels.includes(s.reasoningEffort)) {
    const levels = control.levels.join(", ");
    add(
      "reasoningEffort",
      `Reasoning effort for ${model.id} must be one of: ${levels}.`,
      `${model.id} 的推理强度必须是以下之一：${levels}。`,
    );
  }
  if (s.stop !== undefined) {
    const max = STOP_MAX[model.provider];
    if (s.stop.length > max) {
      add("stop", `${model.id} takes at most ${max} stop sequence(s).`, `${model.id} 最多支持 ${max} 个停止序列。`);
    }
    if (s.stop.some((seq) => seq.length === 0)) add("stop", "Stop sequences cannot be empty.", "停止序列不能为空。");
  }
  return issues;
}

/** Labels that match the settings form (ui-contract: "Temperature", "Top P", "Max tokens", …). */
export const FIELD_NAMES: Record<SettingField, { en: string; zh: string }> = {
  systemPrompt: { en: "System prompt", zh: "系统提示词" },
  temperature: { en: "Temperature", zh: "温度" },
  topP: { en: "Top P", zh: "Top P" },
  topK: { en: "Top K", zh: "Top K" },
  minP: { en: "Min P", zh: "Min P" },
  maxTokens: { en: "Max tokens", zh: "最大 token 数" },
  frequencyPenalty: { en: "Frequency penalty", zh: "频率惩罚" },
  stop: { en: "Stop sequences", zh: "停止序列" },
  thinking: { en: "Thinking", zh: "深度思考" },
  thinkingBudget: { en: "Thinking budget", zh: "思考预算" },
  reasoningEffort: { en: "Reasoning effort", zh: "推理强度" },
};

/** The thinking budget a model takes (SiliconFlow documents 128–32768 for every model that has one). */
export function budgetRange(model: ModelInfo): { min: number; max: number } {
  const control = model.thinking;
  const budget = control.kind === "switch" || control.kind === "always" ? control.budget : undefined;
  return budget ?? { min: THINKING_BUDGET_MIN, max: THINKING_BUDGET_MAX };
}
